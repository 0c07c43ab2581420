"""Registry measures: plan actuals computed from the registry, never typed in.

Each measure reads one source table. ``evaluate`` groups the measures asked
for by source and runs one conditional aggregate per source for all years at
once, so a dashboard costs the same few queries whatever the registry size.
Each measure also gives the queryset of records behind its figure, for the
drill-down.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from coopportal.lib.scope import EVERYWHERE
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    DataVersion,
    GroupReport,
    OcopProduct,
    ValueChainModel,
)

HUNDRED = Decimal(100)
# A day at most; the data version, not time, is what makes figures stale.
FIGURES_CACHE_SECONDS = 24 * 3600
PER_MILLION = Decimal("0.000001")  # VND -> million VND, exactly


@dataclass(frozen=True)
class Source:
    """A table measures aggregate over, and the path from it to its commune."""

    key: str
    commune_path: str
    year_field: str | None = None  # reports have a year column; records have dates

    def queryset(self, scope):
        base = {
            "cooperatives": lambda: Cooperative.objects.cooperatives(),
            # Unions are few: leaving their reports out by id spares joining
            # every report to its cooperative just to read the kind.
            "coop_reports": lambda: CooperativeReport.objects.exclude(
                cooperative__in=Cooperative.objects.filter(kind=Cooperative.Kind.UNION).values("pk")
            ),
            "groups": lambda: CooperativeGroup.objects.all(),
            "group_reports": lambda: GroupReport.objects.all(),
            "value_chains": lambda: ValueChainModel.objects.all(),
            "ocop": lambda: OcopProduct.objects.all(),
        }[self.key]()
        return base.filter(scope.q(self.commune_path))


COOPERATIVES = Source("cooperatives", "")
COOP_REPORTS = Source("coop_reports", "cooperative__", year_field="year")
GROUPS = Source("groups", "")
GROUP_REPORTS = Source("group_reports", "group__", year_field="year")
VALUE_CHAINS = Source("value_chains", "cooperative__")
OCOP = Source("ocop", "cooperative__")


class Measure:
    """Base: a figure computed from one source for a year."""

    kind = "count"  # "count" measures get a breakdown by commune

    def __init__(self, code, label, source, unit):
        self.code, self.label, self.source, self.unit = code, label, source, unit

    def alias(self, year, part):
        return f"{self.code}__{year}__{part}"

    def aggregates(self, year):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def value(self, row, year):  # pragma: no cover
        raise NotImplementedError

    def records(self, year, scope=EVERYWHERE):
        """The records behind the figure, for the drill-down."""
        return self.source.queryset(scope).filter(self.condition(year))


class CountMeasure(Measure):
    """How many records of the source meet a condition in the year."""

    def __init__(self, code, label, source, condition):
        super().__init__(code, label, source, "count")
        self.condition = condition

    def aggregates(self, year):
        return {self.alias(year, "n"): Count("pk", filter=self.condition(year))}

    def value(self, row, year):
        return Decimal(row[self.alias(year, "n")] or 0)


class SumMeasure(CountMeasure):
    """A total of a field over the records meeting a condition (e.g. workers)."""

    kind = "sum"

    def __init__(self, code, label, source, condition, field, unit):
        super().__init__(code, label, source, condition)
        self.field, self.unit = field, unit

    def aggregates(self, year):
        cond = self.condition(year)
        return {self.alias(year, "sum"): Sum(self.field, filter=cond), self.alias(year, "n"): Count("pk", filter=cond)}

    def value(self, row, year):
        if not row[self.alias(year, "n")]:
            return None
        return Decimal(row[self.alias(year, "sum")] or 0)


class RatioMeasure(Measure):
    """numerator / denominator × scale over the records meeting a condition;
    no records, or a zero denominator, means no data."""

    kind = "ratio"

    def __init__(self, code, label, source, condition, numerator, denominator, scale, unit):
        super().__init__(code, label, source, unit)
        self.condition, self.numerator, self.denominator, self.scale = condition, numerator, denominator, scale

    def aggregates(self, year):
        cond = self.condition(year)
        return {
            self.alias(year, "num"): self.numerator(cond),
            self.alias(year, "den"): self.denominator(cond),
        }

    def value(self, row, year):
        den = row[self.alias(year, "den")]
        if not den:
            return None
        return Decimal(row[self.alias(year, "num")] or 0) * self.scale / Decimal(den)


def _count_if(extra):
    return lambda cond: Count("pk", filter=cond & extra)


def _count(cond):
    return Count("pk", filter=cond)


def _sum(field):
    return lambda cond: Sum(field, filter=cond)


def _weighted(value_field, weight_field):
    return lambda cond: Sum(F(value_field) * F(weight_field), filter=cond)


_MEASURES = [
    CountMeasure(
        "htx_registered",
        _("New HTX registered in the year"),
        COOPERATIVES,
        lambda y: Q(registration_date__year=y),
    ),
    CountMeasure(
        "tht_established",
        _("New THT established in the year"),
        GROUPS,
        lambda y: Q(established_on__year=y),
    ),
    CountMeasure(
        "htx_converted",
        _("HTX converted to new-type HTX in the year"),
        COOPERATIVES,
        lambda y: Q(converted_on__year=y),
    ),
    CountMeasure(
        "value_chain_models",
        _("Value-chain production models built in the year"),
        VALUE_CHAINS,
        lambda y: Q(built_on__year=y),
    ),
    CountMeasure(
        "ocop_supported",
        _("OCOP products certified in the year with the Alliance's support"),
        OCOP,
        lambda y: Q(certified_on__year=y, alliance_supported=True),
    ),
    CountMeasure(
        "htx_good_or_fair",
        _("HTX rated Tốt or Khá for the year"),
        COOP_REPORTS,
        lambda y: Q(year=y, classification__in=Classification.good_or_fair()),
    ),
    RatioMeasure(
        "htx_good_share",
        _("Share of rated HTX rated Tốt or Khá"),
        COOP_REPORTS,
        lambda y: Q(year=y) & ~Q(classification=Classification.NOT_RATED),
        _count_if(Q(classification__in=Classification.good_or_fair())),
        _count,
        HUNDRED,
        "percent",
    ),
    RatioMeasure(
        "htx_manager_degree_share",
        _("Share of HTX managers with a college or university degree"),
        COOP_REPORTS,
        lambda y: Q(year=y),
        _sum("managers_degree"),
        _sum("managers_total"),
        HUNDRED,
        "percent",
    ),
    RatioMeasure(
        "htx_income_avg",
        _("Average income in HTX (weighted by regular workers)"),
        COOP_REPORTS,
        lambda y: Q(year=y, avg_income__gt=0),  # 0 is "not reported", not a zero income
        _weighted("avg_income", "regular_workers"),
        _sum("regular_workers"),
        PER_MILLION,
        "million_vnd",
    ),
    RatioMeasure(
        "tht_income_avg",
        _("Average income in THT (weighted by members)"),
        GROUP_REPORTS,
        lambda y: Q(year=y, avg_income__gt=0),
        _weighted("avg_income", "members"),
        _sum("members"),
        PER_MILLION,
        "million_vnd",
    ),
    SumMeasure(
        "htx_regular_jobs",
        _("Regular workers in HTX"),
        COOP_REPORTS,
        lambda y: Q(year=y),
        "regular_workers",
        "people",
    ),
    RatioMeasure(
        "htx_new_lawful_share",
        _("Share of new HTX organised and operating under the Law"),
        COOPERATIVES,
        lambda y: Q(registration_date__year=y),
        _count_if(Q(under_law=True)),
        _count,
        HUNDRED,
        "percent",
    ),
    RatioMeasure(
        "new_manager_trained_share",
        _("Share of managers of new HTX trained"),
        COOP_REPORTS,
        lambda y: Q(year=y, cooperative__registration_date__year=y),
        _sum("managers_trained"),
        _sum("managers_total"),
        HUNDRED,
        "percent",
    ),
]

MEASURES = {m.code: m for m in _MEASURES}


def register_measures(measures):
    """Add another app's measures (called from its AppConfig.ready(); planning
    imports no app above it). A code may be registered once."""
    for measure in measures:
        if measure.code in MEASURES:
            raise ValueError(f"measure {measure.code} is registered twice")
        MEASURES[measure.code] = measure


def _memo(kind, codes, years, scope, compute, extra=""):
    """Figures stay cached until the registry changes: the key holds the
    registry's data version (one query reads it). Each process keeps its own
    copy (Django's cache, local memory by default)."""
    parts = [
        kind,
        str(DataVersion.current()),
        ",".join(sorted(codes)),
        ",".join(str(y) for y in years),
        scope.province or "*",
        ",".join(sorted(scope.communes or ())),
        extra,
    ]
    key = "figures:" + hashlib.sha1("|".join(parts).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FIGURES_CACHE_SECONDS)
    return value


def evaluate(codes, years, scope=EVERYWHERE):
    """Compute measures ``codes`` for each of ``years``: one aggregate query
    per source table. Returns {(code, year): Decimal or None}."""
    return _memo("evaluate", codes, years, scope, lambda: _evaluate(codes, years, scope))


def _evaluate(codes, years, scope):
    by_source = {}
    for code in codes:
        measure = MEASURES[code]
        by_source.setdefault(measure.source, []).append(measure)
    results = {}
    for source, measures in by_source.items():
        aggregates = {}
        for measure in measures:
            for year in years:
                aggregates.update(measure.aggregates(year))
        row = _rows_for(source, measures, years, scope).aggregate(**aggregates)
        for measure in measures:
            for year in years:
                results[(measure.code, year)] = measure.value(row, year)
    return results


def _rows_for(source, measures, years, scope):
    """The source's rows that any of the measures counts in any of the years:
    filtering on them up front lets the database use its indexes (year,
    dates) instead of reading the whole table for the FILTER clauses."""
    if source.year_field:
        return source.queryset(scope).filter(**{f"{source.year_field}__in": list(years)})
    wanted = Q(pk__in=[])
    for measure in measures:
        for year in years:
            wanted |= measure.condition(year)
    return source.queryset(scope).filter(wanted)


def evaluate_by_area(codes, years, scope=EVERYWHERE, by_province=False):
    """``evaluate`` and, from the same queries, the count measures of
    ``years[0]`` by commune (or by province): one grouped query per source
    table, summed for the totals (every aggregate here is a sum or a count).
    Returns ({(code, year): value}, {area code: {measure code: count}})."""
    extra = "province" if by_province else "commune"
    compute = lambda: _evaluate_by_area(codes, years, scope, by_province)  # noqa: E731
    return _memo("by_area", codes, years, scope, compute, extra=extra)


def _evaluate_by_area(codes, years, scope, by_province):
    by_source = {}
    for code in codes:
        measure = MEASURES[code]
        by_source.setdefault(measure.source, []).append(measure)
    results, table = {}, {}
    for source, measures in by_source.items():
        area = f"{source.commune_path}commune_" + ("_province_id" if by_province else "id")
        aggregates = {}
        for measure in measures:
            for year in years:
                aggregates.update(measure.aggregates(year))
        rows_needed = _rows_for(source, measures, years, scope)
        if not any(measure.kind == "count" for measure in measures):
            # Nothing of this table is broken down: no grouping, no joins for it.
            totals = rows_needed.aggregate(**aggregates)
            for measure in measures:
                for year in years:
                    results[(measure.code, year)] = measure.value(totals, year)
            continue
        totals = dict.fromkeys(aggregates)
        for row in rows_needed.values(area).annotate(**aggregates).order_by():
            for alias in aggregates:
                if row[alias] is not None:
                    totals[alias] = (totals[alias] or 0) + row[alias]
            for measure in measures:
                count = row.get(measure.alias(years[0], "n")) if measure.kind == "count" else None
                if count:
                    table.setdefault(row[area], {})[measure.code] = count
        for measure in measures:
            for year in years:
                results[(measure.code, year)] = measure.value(totals, year)
    return results, table
