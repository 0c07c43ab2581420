"""The Alliance's own figures, computed from its records and plugged into the
plan's measure machinery (planning.measures) under stable codes, so that an
indicator can be "computed from" them, the API gives them, and each has a
drill-down. Registered from support.apps; planning never imports this."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from coopportal.lib.scope import EVERYWHERE
from planning.measures import HUNDRED, CountMeasure, Source
from support.models import (
    Disbursement,
    Loan,
    Membership,
    SupportCase,
    SupportedHousehold,
    TradeParticipation,
    TrainingClass,
    TrainingParticipant,
)
from support.models.cases import founded_with_support
from support.models.loans import outstanding_on, overdue_on
from support.models.membership import member_on, year_end
from support.models.training import founded_in, manager_trained_by

_BASES = {
    "support_members": lambda: Membership.objects.all(),
    "support_loans": lambda: Loan.objects.all(),
    "support_disbursements": lambda: Disbursement.objects.all(),
    "support_classes": lambda: TrainingClass.objects.all(),
    "support_participants": lambda: TrainingParticipant.objects.all(),
    "support_cases": lambda: SupportCase.objects.all(),
    "support_founding_cases": lambda: SupportCase.objects.all(),
    "support_trade": lambda: TradeParticipation.objects.all(),
    "support_households": lambda: SupportedHousehold.objects.all(),
}


@dataclass(frozen=True)
class SupportSource(Source):
    """A table of the Alliance's records, reached by ``commune_path`` as the
    registry's sources are."""

    def queryset(self, scope):
        return _BASES[self.key]().filter(scope.q(self.commune_path))


MEMBERS = SupportSource("support_members", "")
LOANS = SupportSource("support_loans", "borrower__")
DISBURSEMENTS = SupportSource("support_disbursements", "loan__borrower__")
CLASSES = SupportSource("support_classes", "")
PARTICIPANTS = SupportSource("support_participants", "")
CASES = SupportSource("support_cases", "")
# Cases placed where the HTX they produced is registered.
FOUNDING_CASES = SupportSource("support_founding_cases", "produced_cooperative__")
TRADE = SupportSource("support_trade", "")
HOUSEHOLDS = SupportSource("support_households", "")


class DistinctCountMeasure(CountMeasure):
    """How many distinct ``fields`` values (summed over the fields) the
    records meeting the condition reach. With ``by_area`` the values never
    span two areas (a loan has one borrower), so the counts of the areas add
    up and the dashboard may break them down; without it they may (an event
    with members of two communes) and the figure is only given whole."""

    def __init__(self, code, label, source, condition, fields, by_area=True):
        super().__init__(code, label, source, condition)
        self.fields = fields
        self.kind = "count" if by_area else "distinct"

    def aggregates(self, year):
        cond = self.condition(year)
        total = None
        for field in self.fields:
            term = Count(field, filter=cond, distinct=True)
            total = term if total is None else total + term
        return {self.alias(year, "n"): total}


class TotalMeasure(CountMeasure):
    """A total of ``expression(year)`` over the records meeting the condition
    (an amount in đồng); no records means no data."""

    kind = "sum"

    def __init__(self, code, label, source, condition, expression, unit="vnd"):
        super().__init__(code, label, source, condition)
        self.expression, self.unit = expression, unit

    def aggregates(self, year):
        cond = self.condition(year)
        return {
            self.alias(year, "sum"): Sum(self.expression(year), filter=cond),
            self.alias(year, "n"): Count("pk", filter=cond),
        }

    def value(self, row, year):
        if not row[self.alias(year, "n")]:
            return None
        return Decimal(row[self.alias(year, "sum")] or 0)


class ShareMeasure(CountMeasure):
    """numerator(year) / denominator(year) × 100 over the records meeting
    the condition; a zero denominator means no data."""

    kind = "ratio"

    def __init__(self, code, label, source, condition, numerator, denominator):
        super().__init__(code, label, source, condition)
        self.numerator, self.denominator, self.unit = numerator, denominator, "percent"

    def aggregates(self, year):
        cond = self.condition(year)
        return {
            self.alias(year, "num"): Sum(self.numerator(year), filter=cond),
            self.alias(year, "den"): Sum(self.denominator(year), filter=cond),
        }

    def value(self, row, year):
        den = row[self.alias(year, "den")]
        if not den:
            return None
        return Decimal(row[self.alias(year, "num")] or 0) * HUNDRED / Decimal(den)


def loans_at_year_end(only_outstanding):
    """Drill-down of the loan figures: the loans themselves, with their
    balances at the year end, rather than the rows summed."""

    def records(year, scope):
        loans = Loan.objects.filter(scope.q("borrower__")).with_balances(year_end(year))
        if only_outstanding:
            return loans.filter(outstanding__gt=0)
        return loans.disbursed_in(year)

    return records


def with_records(measure, records):
    """``measure`` whose drill-down lists ``records(year, scope)``."""
    measure.records = lambda year, scope=EVERYWHERE: records(year, scope)
    return measure


def with_unit(measure, unit):
    measure.unit = unit
    return measure


def _disbursed_in(year):
    return Q(disbursed_on__year=year)


def _decided_by(year):
    return Q(decision_date__lte=year_end(year))


def _in_trade_year(year):
    return Q(event__starts_on__year=year)


SUPPORT_MEASURES = [
    with_records(
        DistinctCountMeasure(
            "fund_loans_disbursed",
            _("Support fund: loans disbursed in the year"),
            DISBURSEMENTS,
            _disbursed_in,
            ["loan"],
        ),
        loans_at_year_end(only_outstanding=False),
    ),
    with_records(
        TotalMeasure(
            "fund_loans_amount",
            _("Support fund: amount disbursed in the year"),
            DISBURSEMENTS,
            _disbursed_in,
            lambda year: "amount",
        ),
        loans_at_year_end(only_outstanding=False),
    ),
    with_records(
        TotalMeasure(
            "fund_loans_outstanding",
            _("Support fund: principal outstanding at the year end"),
            LOANS,
            _decided_by,
            lambda year: outstanding_on(year_end(year)),
        ),
        loans_at_year_end(only_outstanding=True),
    ),
    with_records(
        ShareMeasure(
            "fund_loans_overdue_share",
            _("Support fund: share of the outstanding principal overdue at the year end"),
            LOANS,
            _decided_by,
            lambda year: overdue_on(year_end(year)),
            lambda year: outstanding_on(year_end(year)),
        ),
        loans_at_year_end(only_outstanding=True),
    ),
    CountMeasure(
        "training_classes",
        _("Training classes held in the year"),
        CLASSES,
        lambda year: Q(starts_on__year=year),
    ),
    CountMeasure(
        "training_participants",
        _("Participants who attended a class in the year"),
        PARTICIPANTS,
        lambda year: Q(training_class__starts_on__year=year, attended=True),
    ),
    DistinctCountMeasure(
        "new_managers_trained",
        _("Organisations founded in the year whose manager completed a class"),
        PARTICIPANTS,
        lambda year: manager_trained_by(year) & founded_in(year),
        ["cooperative", "group"],
    ),
    CountMeasure(
        "support_cases",
        _("Consulting and support cases opened in the year"),
        CASES,
        lambda year: Q(opened_on__year=year),
    ),
    DistinctCountMeasure(
        "htx_founded_with_support",
        _("New HTX founded with the Centre's support"),
        FOUNDING_CASES,
        founded_with_support,
        ["produced_cooperative"],
    ),
    DistinctCountMeasure(
        "trade_events",
        _("Trade promotion events members took part in"),
        TRADE,
        _in_trade_year,
        ["event"],
        by_area=False,
    ),
    TotalMeasure(
        "trade_contracts_value",
        _("Value of the contracts signed at trade promotion events"),
        TRADE,
        _in_trade_year,
        lambda year: "contracts_value",
    ),
    CountMeasure(
        "alliance_members",
        _("Members of the Alliance at the year end"),
        MEMBERS,
        lambda year: member_on(year_end(year)),
    ),
    with_unit(
        CountMeasure(
            "poor_households_escaped",
            _("Supported poor households that left poverty in the year"),
            HOUSEHOLDS,
            lambda year: Q(left_poverty_year=year),
        ),
        "households",
    ),
]
BY_CODE = {m.code: m for m in SUPPORT_MEASURES}


def new_organisations_with_trained_manager(year, scope=EVERYWHERE):
    """The numerator of "managers of newly founded organisations trained",
    from training records: the HTX, unions and THT founded in ``year``
    (within ``scope``) with a manager who completed a class by the year end.
    Returns (cooperatives, groups) querysets, for the plan's own share."""
    from registry.models import Cooperative, CooperativeGroup

    trained = TrainingParticipant.objects.filter(manager_trained_by(year))
    cooperatives = Cooperative.objects.filter(scope.q(), registration_date__year=year).filter(
        pk__in=trained.filter(cooperative__isnull=False).values("cooperative")
    )
    groups = CooperativeGroup.objects.filter(scope.q(), established_on__year=year).filter(
        pk__in=trained.filter(group__isnull=False).values("group")
    )
    return cooperatives, groups


def count_new_organisations_with_trained_manager(year, scope=EVERYWHERE):
    cooperatives, groups = new_organisations_with_trained_manager(year, scope)
    return cooperatives.count() + groups.count()
