"""The Alliance's own figures, computed from its records and plugged into the
plan's measure machinery (planning.measures) under stable codes, so that an
indicator can be "computed from" them, the API gives them, and each has a
written definition and a drill-down. Registered from support.apps; planning
never imports this."""

from dataclasses import dataclass

from django.db.models import CharField, Count, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext_lazy as _

from coopportal.lib.scope import EVERYWHERE
from planning.measures import AsOf, Part, Source, count, ratio, total
from planning.units import Unit
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

_MODELS = {
    "support_members": Membership,
    "support_loans": Loan,
    "support_disbursements": Disbursement,
    "support_classes": TrainingClass,
    "support_participants": TrainingParticipant,
    "support_cases": SupportCase,
    "support_trade": TradeParticipation,
    "support_households": SupportedHousehold,
}


@dataclass(frozen=True)
class RecordSource(Source):
    """A table of the Alliance's records, reached by ``commune_path`` as the
    registry's tables are. Of the registry they read only which HTX, unions
    and THT exist, their kind, commune and founding date (the borrower's
    commune, a founding case's HTX, the organisation a trainee manages):
    their figures stay cached across other registry writes."""

    organisation_facts_only = True

    def queryset(self, scope):
        return _MODELS[self.key]._default_manager.filter(scope.q(self.commune_path))


MEMBERS = RecordSource("support_members", _("memberships of the Alliance"), "")
LOANS = RecordSource("support_loans", _("loans of the support fund"), "borrower__")
DISBURSEMENTS = RecordSource("support_disbursements", _("disbursements of the support fund"), "loan__borrower__")
CLASSES = RecordSource("support_classes", _("training classes"), "")
PARTICIPANTS = RecordSource("support_participants", _("participants of training classes"), "")
CASES = RecordSource("support_cases", _("consulting and support cases"), "")
# Founding cases are placed where the HTX they produced is registered.
FOUNDING_CASES = RecordSource("support_cases", _("consulting and support cases"), "produced_cooperative__")
TRADE = RecordSource("support_trade", _("participations in trade promotion events"), "")
HOUSEHOLDS = RecordSource("support_households", _("supported poor households"), "")


@dataclass(frozen=True)
class RecordPart(Part):
    """A part over the Alliance's records. Unlike a registry part, its
    ``total`` depends on the year (``total(year)``: a balance at the year
    end); with ``distinct`` it counts the distinct values of those fields
    (added up over them) rather than the records; ``listing(year, scope)``
    gives the drill-down's records when they are not the rows aggregated
    (the loans, not their disbursements)."""

    distinct: tuple = ()
    listing: object = None
    # Read directly, never kept as summary rows (planning.summary): a
    # distinct count need not add up over communes (an event with members
    # of two communes), and a balance depends on records of four tables.
    additive = False

    def aggregates(self, alias, year):
        condition = self.condition(year)
        if self.distinct:
            counted = sum(
                (Count(name, filter=condition, distinct=True) for name in self.distinct[1:]),
                Count(self.distinct[0], filter=condition, distinct=True),
            )
        else:
            counted = Count("pk", filter=condition)
        wanted = {f"{alias}_n": counted}
        if self.total is not None:
            wanted[f"{alias}_sum"] = Sum(self.total(year), filter=condition)
        return wanted

    def records(self, year, scope=EVERYWHERE):
        if self.listing is not None:
            return self.listing(year, scope)
        return super().records(year, scope)


# One trained manager: a person (by name) of one organisation, however many
# classes they completed.
_MANAGER = Concat(
    Coalesce(Cast("cooperative_id", CharField()), Value("")),
    Value("|"),
    Coalesce(Cast("group_id", CharField()), Value("")),
    Value("|"),
    "full_name",
    output_field=CharField(),
)

# The numerator of new_manager_trained_share (planning.measures), from the
# training records rather than the yearly reports (SupportConfig.ready()).
TRAINED_NEW_MANAGERS = RecordPart(
    _("managers of HTX, unions and THT founded in the year who completed a class ending by 31/12"),
    PARTICIPANTS,
    lambda year: manager_trained_by(year) & founded_in(year),
    distinct=(_MANAGER,),
)


def loans_at_year_end(only_outstanding):
    """Drill-down of the loan figures: the loans themselves, with their
    balances at the year end, rather than the rows summed."""

    def records(year, scope):
        loans = Loan.objects.filter(scope.q("borrower__")).with_balances(year_end(year))
        if only_outstanding:
            return loans.filter(outstanding__gt=0)
        return loans.disbursed_in(year)

    return records


def _disbursed_in(year):
    return Q(disbursed_on__year=year)


def _decided_by(year):
    return Q(decision_date__lte=year_end(year))


def _in_trade_year(year):
    return Q(event__starts_on__year=year)


DISBURSED_LOANS = loans_at_year_end(only_outstanding=False)
OUTSTANDING_LOANS = loans_at_year_end(only_outstanding=True)
OUTSTANDING = RecordPart(
    _("principal outstanding at 31/12 (disbursed less repaid), over loans decided by then"),
    LOANS,
    _decided_by,
    lambda year: outstanding_on(year_end(year)),
    listing=OUTSTANDING_LOANS,
)
TRADE_VALUE = _("value of the contracts signed, over participations in events starting in the year")

SUPPORT_MEASURES = [
    count(
        "fund_loans_disbursed",
        _("Support fund: loans disbursed in the year"),
        Unit.LOANS,
        RecordPart(
            _("loans with a disbursement dated in the year"),
            DISBURSEMENTS,
            _disbursed_in,
            distinct=("loan",),
            listing=DISBURSED_LOANS,
        ),
        condition=_("A loan disbursed in several instalments in the year counts once."),
    ),
    total(
        "fund_loans_amount",
        _("Support fund: amount disbursed in the year"),
        Unit.VND,
        RecordPart(
            _("amounts of the disbursements dated in the year"),
            DISBURSEMENTS,
            _disbursed_in,
            lambda year: "amount",
            listing=DISBURSED_LOANS,
        ),
        as_of=AsOf.DURING_YEAR,
    ),
    total(
        "fund_loans_outstanding",
        _("Support fund: principal outstanding at the year end"),
        Unit.VND,
        OUTSTANDING,
        as_of=AsOf.YEAR_END,
    ),
    ratio(
        "fund_loans_overdue_share",
        _("Support fund: share of the outstanding principal overdue at the year end"),
        Unit.PERCENT,
        [
            RecordPart(
                _("principal overdue at 31/12 (fallen due and not repaid), over loans decided by then"),
                LOANS,
                _decided_by,
                lambda year: overdue_on(year_end(year)),
                listing=OUTSTANDING_LOANS,
            )
        ],
        [OUTSTANDING],
        as_of=AsOf.YEAR_END,
        condition=_("Overdue principal is never more than what is outstanding; no outstanding principal, no share."),
    ),
    count(
        "training_classes",
        _("Training classes held in the year"),
        Unit.CLASSES,
        RecordPart(_("classes starting in the year"), CLASSES, lambda year: Q(starts_on__year=year)),
    ),
    count(
        "training_participants",
        _("Participants who attended a class in the year"),
        Unit.PEOPLE,
        RecordPart(
            _("participants who attended a class starting in the year"),
            PARTICIPANTS,
            lambda year: Q(training_class__starts_on__year=year, attended=True),
        ),
        condition=_("A person in two classes counts twice."),
    ),
    count(
        "new_managers_trained",
        _("Organisations founded in the year whose manager completed a class"),
        Unit.ORGANISATIONS,
        RecordPart(
            _("HTX, unions and THT founded in the year with a manager who completed a class ending by 31/12"),
            PARTICIPANTS,
            lambda year: manager_trained_by(year) & founded_in(year),
            distinct=("cooperative", "group"),
        ),
        condition=_("An organisation with several trained managers counts once."),
    ),
    count(
        "support_cases",
        _("Consulting and support cases opened in the year"),
        Unit.CASES,
        RecordPart(_("cases opened in the year"), CASES, lambda year: Q(opened_on__year=year)),
    ),
    count(
        "htx_founded_with_support",
        _("New HTX founded with the Centre's support"),
        Unit.HTX,
        RecordPart(
            _("HTX registered in the year that a founding case of the Centre produced"),
            FOUNDING_CASES,
            founded_with_support,
            distinct=("produced_cooperative",),
        ),
    ),
    count(
        "trade_events",
        _("Trade promotion events members took part in"),
        Unit.EVENTS,
        RecordPart(
            _("events starting in the year with at least one participation"),
            TRADE,
            _in_trade_year,
            distinct=("event",),
        ),
        condition=_("An event with members of several communes counts once, so it is not broken down by commune."),
        by_area=False,
    ),
    total(
        "trade_contracts_value",
        _("Value of the contracts signed at trade promotion events"),
        Unit.VND,
        RecordPart(TRADE_VALUE, TRADE, _in_trade_year, lambda year: "contracts_value"),
        as_of=AsOf.DURING_YEAR,
    ),
    count(
        "alliance_members",
        _("Members of the Alliance at the year end"),
        Unit.MEMBERS,
        RecordPart(
            _("memberships begun by 31/12 and not ended by it"), MEMBERS, lambda year: member_on(year_end(year))
        ),
        AsOf.YEAR_END,
    ),
    count(
        "poor_households_escaped",
        _("Supported poor households that left poverty in the year"),
        Unit.HOUSEHOLDS,
        RecordPart(
            _("supported households recorded as leaving poverty in the year"),
            HOUSEHOLDS,
            lambda year: Q(left_poverty_year=year),
        ),
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
