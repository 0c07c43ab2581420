"""Where the plan stands: actual against target, percent of plan, status;
over the area the plan was set for."""

from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from django.db import models
from django.utils.translation import gettext_lazy as _

from coopportal.lib.scope import Scope
from places.admin_units import communes_from_legacy_province, legacy_province_name
from planning.measures import EVERYWHERE, MEASURES, Figure, Kind, evaluate_by_area, figures
from planning.models import Indicator, ManualActual, Target
from planning.units import round_half_up, shown

__all__ = ["PlanStatus", "percent_of_plan", "plan_for_year", "plan_report", "plan_status", "round_half_up"]


class PlanStatus(models.TextChoices):
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


def as_number(value, places=None):
    """A Decimal as a plain number for JSON or a spreadsheet cell: an int when
    whole, else a float (rounded half up to ``places`` if given); None stays None."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(round_half_up(value, places) if places is not None else value)


def plan_status(actual, target, comparison):
    """The status of an indicator: no target, no data, not achieved, achieved
    (the comparison holds at the target exactly) or exceeded (strictly better)."""
    if target is None:
        return PlanStatus.NO_TARGET
    if actual is None:
        return PlanStatus.NO_DATA
    Comparison = Indicator.Comparison
    met = {
        Comparison.AT_LEAST: actual >= target,
        Comparison.MORE_THAN: actual > target,
        Comparison.AT_MOST: actual <= target,
    }[comparison]
    if not met:
        return PlanStatus.NOT_ACHIEVED
    better = actual < target if comparison == Comparison.AT_MOST else actual > target
    return PlanStatus.EXCEEDED if better else PlanStatus.ACHIEVED


@dataclass
class PlanRow:
    indicator: Indicator
    target: Decimal | None
    target_source: str
    actual: Decimal | None
    previous_actual: Decimal | None
    manual: ManualActual | None
    figure: Figure = field(default_factory=lambda: Figure(None))

    @property
    def measure(self):
        return MEASURES.get(self.indicator.measure)

    @property
    def unit(self):
        return self.indicator.unit_choice

    @property
    def percent(self):
        return percent_of_plan(self.actual, self.target)

    @property
    def percent_display(self):
        return round_half_up(self.percent)

    @property
    def actual_display(self):
        return shown(self.actual, self.unit)

    @property
    def status(self):
        return plan_status(self.actual, self.target, self.indicator.comparison)

    @property
    def divides(self):
        """(numerator, denominator, unit) of a ratio whose parts a reader can
        check ("309 / 419 HTX"); None otherwise."""
        measure = self.measure
        if measure is None or measure.parts_unit is None or self.figure.denominator is None:
            return None
        return self.figure.numerator, self.figure.denominator, measure.parts_unit

    @property
    def definition(self):
        measure = self.measure
        if measure is None:
            return None
        return measure.definition

    @property
    def source(self):
        return "computed" if self.indicator.measure else "manual"

    @property
    def bar_width(self):
        """Width of the progress bar in % of its track, where the target
        mark sits at 2/3 of the track so that exceeding stays visible."""
        if self.percent is None:
            return 0
        return min(Decimal(100), self.percent * 2 / 3).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class PlanArea:
    """The area a plan was set for and its actuals are computed over: today's
    province or commune, or a province as it was before 1 July 2025 (the
    communes that came from it)."""

    scope: Scope
    former_province: str = ""

    @classmethod
    def of(cls, scope, former_province=""):
        if not former_province:
            return cls(scope)
        communes = frozenset(communes_from_legacy_province(former_province))
        return cls(Scope(province=scope.province, communes=communes), former_province)

    def name(self, province_name):
        """ "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai" for a former province;
        else ``province_name``."""
        if not self.former_province:
            return province_name
        today = province_name[:1].lower() + province_name[1:]
        return _("%(former)s (former), now part of %(today)s") % {
            "former": legacy_province_name(self.former_province),
            "today": today,
        }


def plan_rows_filter(scope):
    """Which targets and typed-in actuals speak for ``scope``: one commune's,
    a province's (of any former province in it), or the national ones; None
    for several communes, which have no plan of their own."""
    if scope.single_commune:
        return {"commune_id": scope.single_commune}
    if scope.communes:
        return None
    return {"commune__isnull": True, "province_id": scope.province}


def choose_former_province(formers, province, asked=None):
    """The former province whose plan a page shows: the one asked for, else
    the one whose code today's province kept (Lào Cai kept Yên Bái's 15),
    else the first; "" (today's area) when no target names one."""
    formers = sorted(formers)
    if asked is not None and (asked in formers or asked == ""):
        return asked
    if not formers or formers == [""]:
        return ""
    if province in formers:
        return province
    return next(f for f in formers if f)


@dataclass
class PlanReport:
    """The plan of a year over its area: the rows every reader shows (the
    dashboard, the API, the year-end report), grouped and sorted once, and
    the year's count figures by area."""

    year: int
    area: PlanArea
    rows: list
    formers: list
    breakdown: dict = field(default_factory=dict)

    @property
    def shown(self):
        """Indicators with neither a target nor an actual this year are left out."""
        return [row for row in self.rows if row.target is not None or row.actual is not None]

    @property
    def groups(self):
        """[(group, label, rows)]: within a group the indicators with a
        target come first, they are the plan."""
        rows = sorted(
            self.shown,
            key=lambda r: (r.indicator.group_order, r.target is None, r.indicator.position, r.indicator.code),
        )
        groups = []
        for row in rows:
            if not groups or groups[-1][0] != row.indicator.group:
                groups.append((row.indicator.group, row.indicator.get_group_display(), []))
            groups[-1][2].append(row)
        return groups

    @property
    def count_rows(self):
        """The shown rows whose figure is a count, broken down by area."""
        return [r for r in self.shown if r.measure is not None and r.measure.kind == Kind.COUNT and r.measure.by_area]

    def breakdown_rows(self, names, sort_key=None):
        """[(name, code, [count per count row])] sorted by name."""
        count_rows = self.count_rows
        rows = [
            (names.get(code, code), code, [counts.get(r.indicator.measure, 0) for r in count_rows])
            for code, counts in self.breakdown.items()
        ]
        return sorted(rows, key=lambda item: (sort_key or (lambda name: name))(item[0]))


def resolve_area(year, scope, former_province=None):
    """The plan area for ``year`` within ``scope`` (one query, the targets
    that speak for the scope): returns (area, those targets, the former
    provinces they name, the filter for the scope's plan rows)."""
    where = plan_rows_filter(scope)
    targets = list(Target.objects.filter(year=year, **where)) if where is not None else []
    formers = sorted({t.former_province for t in targets})
    former = ""
    if where is not None and scope.province and not scope.communes:
        # A former province is always within today's province.
        former = choose_former_province(formers, scope.province, former_province)
    return PlanArea.of(scope, former), targets, formers, where


def plan_area_communes(year, province):
    """The codes of the communes a commune's figure of ``year`` may have in
    ``province`` (a code): when the province's plan of that year was set for a
    former province, the communes that came from it; None when the plan is
    today's province's (every commune of it)."""
    area = resolve_area(year, Scope(province=province))[0]
    if not area.former_province:
        return None
    return area.scope.communes


def plan_report(year, scope=EVERYWHERE, by_province=None, former_province=None):
    """The year's plan over the area it was set for within ``scope``, in a
    fixed number of queries whatever the registry size: indicators,
    targets, manual actuals, and one aggregate per registry table (grouped
    by commune, or by province when ``by_province``, for the breakdown; not
    grouped when ``by_province`` is None)."""
    indicators = list(Indicator.objects.all())
    area, targets_all, formers, where = resolve_area(year, scope, former_province)
    former = area.former_province
    targets = {t.indicator_id: t for t in targets_all if t.former_province == former}
    entries, manual = [], {}
    if where is not None:
        # Oldest first, so that the latest entry per indicator and year wins.
        entries = ManualActual.objects.filter(year__in=[year, year - 1], former_province=former, **where).order_by(
            "as_of", "id"
        )
    for entry in entries:
        manual[(entry.indicator_id, entry.year)] = entry
    codes = {i.measure for i in indicators if i.measure in MEASURES}
    years = [year, year - 1]
    breakdown = {}
    if by_province is None:
        computed = figures(codes, years, area.scope)
    else:
        computed, breakdown = evaluate_by_area(codes, years, area.scope, by_province)

    def actual_for(indicator, y):
        if indicator.measure:
            figure = computed.get((indicator.measure, y)) or Figure(None)
            return figure.value, None, figure
        entry = manual.get((indicator.id, y))
        return (entry.value if entry else None), entry, Figure(entry.value if entry else None)

    rows = []
    for indicator in sorted(indicators, key=lambda i: (i.group_order, i.position, i.code)):
        actual, entry, figure = actual_for(indicator, year)
        previous, _entry, _figure = actual_for(indicator, year - 1)
        target = targets.get(indicator.id)
        rows.append(
            PlanRow(
                indicator=indicator,
                target=target.value if target else None,
                target_source=target.source_document if target else "",
                actual=actual,
                previous_actual=previous,
                manual=entry,
                figure=figure,
            )
        )
    return PlanReport(year=year, area=area, rows=rows, formers=formers, breakdown=breakdown)


def plan_for_year(year, scope=EVERYWHERE):
    """Every indicator with its target and actual for ``year`` (and last
    year's actual) over the plan's area: ``plan_report(...).rows``."""
    return plan_report(year, scope).rows
