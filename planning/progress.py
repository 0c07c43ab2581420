"""Where the plan stands: actual against target, percent of plan, status."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from planning.measures import EVERYWHERE, MEASURES, evaluate, evaluate_by_area
from planning.models import Indicator, ManualActual, Target


class Status(models.TextChoices):
    EXCEEDED = "exceeded", _("Exceeded")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")
    NO_TARGET = "no_target", _("No target")
    NO_DATA = "no_data", _("No data")


def percent_of_plan(actual, target):
    """actual / target × 100, as a Decimal to 28 significant digits (87/65 ->
    133.846…); None without both figures or with a zero target."""
    if actual is None or target is None or target == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(actual) * 100 / Decimal(target)


def round_half_up(value, decimals=None):
    """Round for display, half away from zero: 133.846 -> 133.8 (1) or 134 (0)."""
    if value is None:
        return None
    decimals = settings.PLAN_PERCENT_DECIMALS if decimals is None else decimals
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def as_number(value, places=None):
    """A Decimal as a plain number for JSON or a spreadsheet cell: an int when
    whole, else a float (rounded to ``places`` if given); None stays None."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, places) if places is not None else value)


def plan_status(actual, target, comparison):
    """The status of an indicator: no target, no data, not achieved, achieved
    (the comparison holds at the target exactly) or exceeded (strictly better)."""
    if target is None:
        return Status.NO_TARGET
    if actual is None:
        return Status.NO_DATA
    Comparison = Indicator.Comparison
    met = {
        Comparison.AT_LEAST: actual >= target,
        Comparison.MORE_THAN: actual > target,
        Comparison.AT_MOST: actual <= target,
    }[comparison]
    if not met:
        return Status.NOT_ACHIEVED
    better = actual < target if comparison == Comparison.AT_MOST else actual > target
    return Status.EXCEEDED if better else Status.ACHIEVED


@dataclass
class PlanRow:
    indicator: Indicator
    target: Decimal | None
    target_source: str
    actual: Decimal | None
    previous_actual: Decimal | None
    manual: ManualActual | None

    @property
    def percent(self):
        return percent_of_plan(self.actual, self.target)

    @property
    def percent_display(self):
        return round_half_up(self.percent)

    @property
    def status(self):
        return plan_status(self.actual, self.target, self.indicator.comparison)

    @property
    def bar_width(self):
        """Width of the progress bar in % of its track, where the target
        mark sits at 2/3 of the track so that exceeding stays visible."""
        if self.percent is None:
            return 0
        return min(Decimal(100), self.percent * 2 / 3).quantize(Decimal("0.1"))


def plan_level(scope):
    """Which targets and typed-in actuals speak for ``scope``: one commune's,
    a province's, or the national ones; None for several communes, which
    have no plan of their own."""
    if scope.single_commune:
        return {"commune_id": scope.single_commune}
    if scope.communes:
        return None
    return {"commune__isnull": True, "province_id": scope.province}


def plan_with_breakdown(year, scope=EVERYWHERE, by_province=False):
    """``plan_for_year`` and the year's count figures by area (commune,
    or province for the whole country), from the same registry queries."""
    breakdown = {}

    def compute(codes, years):
        computed, table = evaluate_by_area(codes, years, scope, by_province)
        breakdown.update(table)
        return computed

    return _plan_rows(year, scope, compute), breakdown


def plan_for_year(year, scope=EVERYWHERE):
    """Every indicator with its target and actual for ``year`` (and last
    year's actual), in a fixed number of queries whatever the registry size:
    indicators, targets, manual actuals, and one aggregate per registry table."""
    return _plan_rows(year, scope, lambda codes, years: evaluate(codes, years, scope))


def _plan_rows(year, scope, compute):
    indicators = list(Indicator.objects.all())
    where = plan_level(scope)
    targets, entries, manual = {}, [], {}
    if where is not None:
        targets = {t.indicator_id: t for t in Target.objects.filter(year=year, **where)}
        # Oldest first, so that the latest entry per indicator and year wins.
        entries = ManualActual.objects.filter(year__in=[year, year - 1], **where).order_by("as_of", "id")
    for entry in entries:
        manual[(entry.indicator_id, entry.year)] = entry
    codes = {i.measure for i in indicators if i.measure in MEASURES}
    computed = compute(codes, [year, year - 1])

    def actual_for(indicator, y):
        if indicator.measure:
            return computed.get((indicator.measure, y)), None
        entry = manual.get((indicator.id, y))
        return (entry.value if entry else None), entry

    rows = []
    for indicator in sorted(indicators, key=lambda i: (i.group_order, i.position, i.code)):
        actual, entry = actual_for(indicator, year)
        previous, _entry = actual_for(indicator, year - 1)
        target = targets.get(indicator.id)
        rows.append(
            PlanRow(
                indicator=indicator,
                target=target.value if target else None,
                target_source=target.source_document if target else "",
                actual=actual,
                previous_actual=previous,
                manual=entry,
            )
        )
    return rows
