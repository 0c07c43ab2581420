"""Registry measures: plan actuals and the standard collective-economy
figures, computed from the registry, never typed in.

A measure is built from parts. A part counts the records of one source table
that meet a rule (``registry.models.rules``), or adds up a field over them.
A count measure is one part; a total is one part's sum; a ratio divides the
sum of its numerator parts by the sum of its denominator parts. Each measure
also carries its written definition, and each part gives the records behind
it, for the drill-down.

``evaluate`` gathers the parts of the measures asked for by source table and
runs one conditional aggregate per table for all years at once, so a
dashboard costs the same few queries whatever the registry size.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coopportal.lib.scope import EVERYWHERE
from planning.units import Unit
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    DataVersion,
    GroupReport,
    OcopProduct,
    ValueChainModel,
    rules,
)

HUNDRED = Decimal(100)
# A day at most; the data version, not time, is what makes figures stale.
FIGURES_CACHE_SECONDS = 24 * 3600
PER_MILLION = Decimal("0.000001")  # VND -> million VND, exactly
HTX, UNION = Cooperative.Kind.COOPERATIVE, Cooperative.Kind.UNION


def year_end(year):
    """The as-of date of a figure "at the end of the year"."""
    return datetime.date(year, 12, 31)


class Kind(models.TextChoices):
    COUNT = "count", _("count")
    TOTAL = "total", _("total")
    RATIO = "ratio", _("ratio")


class AsOf(models.TextChoices):
    YEAR_END = "year_end", _("status on 31/12 of the year")
    DURING_YEAR = "during_year", _("dates from 1/1 to 31/12 of the year")
    YEAR_REPORTS = "year_reports", _("yearly reports for the year")


@dataclass(frozen=True)
class Source:
    """A table measures aggregate over, and the path from it to its commune."""

    key: str
    label: str
    commune_path: str
    year_field: str | None = None  # reports have a year column; records have dates
    # Whether the table's figures read nothing of the registry but the
    # organisations' existence, kind, commune and founding date (see
    # DataVersion.organisations_counter). The registry's own tables read more.
    organisation_facts_only = False

    def queryset(self, scope):
        model = {
            "organisations": Cooperative,
            "org_reports": CooperativeReport,
            "groups": CooperativeGroup,
            "group_reports": GroupReport,
            "value_chains": ValueChainModel,
            "ocop": OcopProduct,
        }[self.key]
        return model._default_manager.filter(scope.q(self.commune_path))


ORGS = Source("organisations", _("registry of HTX and unions"), "")
ORG_REPORTS = Source("org_reports", _("yearly reports of HTX and unions"), "cooperative__", year_field="year")
GROUPS = Source("groups", _("registry of THT"), "")
GROUP_REPORTS = Source("group_reports", _("yearly reports of THT"), "group__", year_field="year")
VALUE_CHAINS = Source("value_chains", _("value-chain models of HTX"), "cooperative__")
OCOP = Source("ocop", _("OCOP products of HTX"), "cooperative__")


@dataclass(frozen=True)
class Part:
    """The records of ``source`` meeting ``condition(year)``: counted, or
    ``total`` (a field or an expression) added up over them."""

    label: str
    source: Source
    condition: object  # year -> Q
    total: object = None
    # Counts rows, each in one commune: an area's figure is the sum of its
    # communes', so planning.summary keeps it as summary rows.
    additive = True

    def aggregates(self, alias, year):
        condition = self.condition(year)
        wanted = {f"{alias}_n": Count("pk", filter=condition)}
        if self.total is not None:
            wanted[f"{alias}_sum"] = Sum(self.total, filter=condition)
        return wanted

    def read(self, row, alias):
        """(records counted, value): the count, or the total (None without records)."""
        count = row.get(f"{alias}_n") or 0
        if self.total is None:
            return count, Decimal(count)
        return count, (Decimal(row.get(f"{alias}_sum") or 0) if count else None)

    def records(self, year, scope=EVERYWHERE):
        return self.source.queryset(scope).filter(self.condition(year))


@dataclass(frozen=True)
class Figure:
    """A measure's value for a year, with what it divides (ratios)."""

    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass
class Measure:
    """A figure for a year from one or more parts.

    ``numerator`` parts are added up; a ratio divides them by the sum of its
    ``denominator`` parts and multiplies by ``scale``. ``parts_unit`` is what
    a ratio's parts count ("309 / 419 HTX"), when they are counts a reader
    can check."""

    code: str
    label: str
    unit: Unit
    kind: Kind
    numerator: list
    denominator: list = field(default_factory=list)
    scale: Decimal = HUNDRED  # ratios only: a share in percent unless the measure says otherwise
    as_of: AsOf = AsOf.DURING_YEAR
    condition: str = ""
    parts_unit: Unit | None = None
    columns: tuple | None = None  # the drill-down's columns beyond the identity ones (None: all)
    # A count whose records reach across areas (an event with members of two
    # communes) is not broken down by area: its areas' counts would not add up.
    by_area: bool = True

    @property
    def parts(self):
        return [*self.numerator, *self.denominator]

    @property
    def sources(self):
        return list(dict.fromkeys(part.source for part in self.parts))

    def alias(self, year, index):
        return f"{self.code}__{year}__{index}"

    def figure(self, row, year):
        """The Figure for ``year`` from the aggregate row(s) of every part's source."""
        read = [part.read(row, self.alias(year, index)) for index, part in enumerate(self.parts)]
        top = read[: len(self.numerator)]
        if self.kind == Kind.COUNT:
            return Figure(top[0][1])
        if self.kind == Kind.TOTAL:
            return Figure(top[0][1])
        numerator = sum((value or 0 for _n, value in top), Decimal(0))
        denominator = sum((value or 0 for _n, value in read[len(self.numerator) :]), Decimal(0))
        if not denominator:
            return Figure(None, numerator, denominator)
        return Figure(numerator * self.scale / denominator, numerator, denominator)

    def count_of(self, row, year):
        """A count measure's figure from a row (for the breakdown by area)."""
        return row.get(f"{self.alias(year, 0)}_n") or 0

    def records(self, year, scope=EVERYWHERE, part=None):
        """The records behind the figure, for the drill-down: a count's or
        total's records; for a ratio, its first denominator part (what it
        divides by) unless ``part`` (an index into ``parts``) says otherwise."""
        if part is None:
            part = len(self.numerator) if self.kind == Kind.RATIO else 0
        return self.parts[part].records(year, scope)

    @property
    def definition(self):
        """The written definition: what is counted, over what, when, from where."""
        return {
            "numerator": " + ".join(str(p.label) for p in self.numerator),
            "denominator": " + ".join(str(p.label) for p in self.denominator),
            "condition": str(self.condition),
            "as_of": str(self.as_of.label),
            "source": "; ".join(str(s.label) for s in self.sources),
        }


def count(code, label, unit, part, as_of=AsOf.DURING_YEAR, **extra):
    return Measure(code, label, unit, Kind.COUNT, [part], as_of=as_of, **extra)


def total(code, label, unit, part, as_of=AsOf.YEAR_REPORTS, **extra):
    return Measure(code, label, unit, Kind.TOTAL, [part], as_of=as_of, **extra)


NEW_ORG_COLUMNS = ("registration_date", "status")  # a new HTX is of the new type from the start
RATING = ("classification",)


def ratio(code, label, unit, numerator, denominator, *, scale=HUNDRED, as_of=AsOf.YEAR_REPORTS, **extra):
    return Measure(code, label, unit, Kind.RATIO, numerator, denominator, scale=scale, as_of=as_of, **extra)


# The parts: each names the rule it applies, once.
def _htx_report(year):
    return rules.report_of_year(year) & rules.of_kind(HTX, via="cooperative__")


NEW_HTX = Part(_("HTX registered in the year"), ORGS, lambda y: rules.of_kind(HTX) & rules.registered_in_year(y))
NEW_LAWFUL_HTX = Part(
    _("HTX registered in the year and organised under the Law on Cooperatives"),
    ORGS,
    lambda y: rules.of_kind(HTX) & rules.registered_in_year(y) & Q(under_law=True),
)
HTX_OPERATING = Part(
    _("HTX operating on 31/12 (rated or not)"), ORGS, lambda y: rules.of_kind(HTX) & rules.operating_on(year_end(y))
)
HTX_GOOD_OR_FAIR = Part(
    _("HTX rated Tốt or Khá for the year"), ORG_REPORTS, lambda y: _htx_report(y) & rules.rated_good_or_fair()
)
HTX_RATED = Part(_("HTX rated for the year"), ORG_REPORTS, lambda y: _htx_report(y) & rules.rated())
HTX_REPORTS = Part(_("HTX yearly reports"), ORG_REPORTS, _htx_report)


def _new_org_report(year):
    """The year's report of an HTX or union founded in that year."""
    return rules.report_of_year(year) & rules.registered_in_year(year, via="cooperative__")


# The trained managers of the new organisations: the numerator of
# new_manager_trained_share, kept as its own part: where the support app is
# installed its training records replace it (feed_numerator), the
# denominator staying the managers the yearly reports list.
NEW_MANAGERS_TRAINED = Part(
    _("managers trained, of HTX and unions founded in the year"), ORG_REPORTS, _new_org_report, "managers_trained"
)
NEW_MANAGERS = Part(_("managers of HTX and unions founded in the year"), ORG_REPORTS, _new_org_report, "managers_total")
NEW_THT_LEADERS = Part(
    _("new THT of the year, one manager each (its representative)"),
    GROUPS,
    rules.established_in_year,
)


def _htx_class(classification):
    return Part(
        format_lazy("{} {}", _("HTX reports of the year rated"), classification.label),
        ORG_REPORTS,
        lambda y: _htx_report(y) & Q(classification=classification),
    )


_NOT_REPORTED = _("An average of 0 in a report means “not reported” and leaves that report out.")

_MEASURES = [
    # The plan's indicators.
    count("htx_registered", _("New HTX registered in the year"), Unit.HTX, NEW_HTX, columns=NEW_ORG_COLUMNS),
    count(
        "tht_established",
        _("New THT established in the year"),
        Unit.THT,
        Part(_("THT whose cooperation contract dates from the year"), GROUPS, rules.established_in_year),
    ),
    count(
        "htx_converted",
        _("HTX converted to new-type HTX in the year"),
        Unit.HTX,
        Part(
            _("HTX converted to new-type HTX in the year"),
            ORGS,
            lambda y: rules.of_kind(HTX) & rules.converted_in_year(y),
        ),
    ),
    count(
        "value_chain_models",
        _("Value-chain production models built in the year"),
        Unit.MODELS,
        Part(_("value-chain models built in the year"), VALUE_CHAINS, rules.built_in_year),
    ),
    count(
        "ocop_supported",
        _("OCOP products certified in the year with the Alliance's support"),
        Unit.PRODUCTS,
        Part(
            _("OCOP products certified in the year with the Alliance's support"),
            OCOP,
            lambda y: rules.certified_in_year(y) & rules.alliance_supported(),
        ),
    ),
    count(
        "htx_good_or_fair",
        _("HTX rated Tốt or Khá for the year"),
        Unit.HTX,
        HTX_GOOD_OR_FAIR,
        AsOf.YEAR_REPORTS,
        columns=RATING,
    ),
    ratio(
        "htx_good_share",
        _("Share of operating HTX rated Tốt or Khá"),
        Unit.PERCENT,
        [HTX_GOOD_OR_FAIR],
        [HTX_OPERATING],
        as_of=AsOf.YEAR_END,
        condition=_("The base is every HTX operating at the end of the year, rated or not."),
        parts_unit=Unit.HTX,
        columns=("registration_date", "status", *RATING),
    ),
    ratio(
        "htx_good_share_of_rated",
        _("Share of rated HTX rated Tốt or Khá"),
        Unit.PERCENT,
        [HTX_GOOD_OR_FAIR],
        [HTX_RATED],
        parts_unit=Unit.HTX,
        columns=RATING,
    ),
    ratio(
        "htx_manager_degree_share",
        _("Share of HTX managers with a college or university degree"),
        Unit.PERCENT,
        [Part(_("HTX managers with a college or university degree"), ORG_REPORTS, _htx_report, "managers_degree")],
        [Part(_("HTX managers"), ORG_REPORTS, _htx_report, "managers_total")],
        parts_unit=Unit.PEOPLE,
        columns=("managers", "degree"),
    ),
    ratio(
        "htx_income_avg",
        _("Average income in HTX (weighted by regular workers)"),
        Unit.MILLION_VND,
        [
            Part(
                _("average income × regular workers, over HTX reports"),
                ORG_REPORTS,
                lambda y: _htx_report(y) & rules.income_reported(),
                F("avg_income") * F("regular_workers"),
            )
        ],
        [
            Part(
                _("regular workers of the same reports"),
                ORG_REPORTS,
                lambda y: _htx_report(y) & rules.income_reported(),
                "regular_workers",
            )
        ],
        scale=PER_MILLION,
        condition=_NOT_REPORTED,
        columns=("workers", "income"),
    ),
    ratio(
        "tht_income_avg",
        _("Average income in THT (weighted by members)"),
        Unit.MILLION_VND,
        [
            Part(
                _("average income × members, over THT reports"),
                GROUP_REPORTS,
                lambda y: rules.report_of_year(y) & rules.income_reported(),
                F("avg_income") * F("members"),
            )
        ],
        [
            Part(
                _("members of the same reports"),
                GROUP_REPORTS,
                lambda y: rules.report_of_year(y) & rules.income_reported(),
                "members",
            )
        ],
        scale=PER_MILLION,
        condition=_NOT_REPORTED,
    ),
    total(
        "htx_regular_jobs",
        _("Regular workers in HTX"),
        Unit.PEOPLE,
        Part(_("regular workers in HTX reports"), ORG_REPORTS, _htx_report, "regular_workers"),
        columns=("workers",),
    ),
    ratio(
        "htx_new_lawful_share",
        _("Share of new HTX organised and operating under the Law"),
        Unit.PERCENT,
        [NEW_LAWFUL_HTX],
        [NEW_HTX],
        as_of=AsOf.DURING_YEAR,
        parts_unit=Unit.HTX,
        columns=NEW_ORG_COLUMNS,
    ),
    ratio(
        "new_manager_trained_share",
        _("Share of managers of new collective-economy organisations trained"),
        Unit.PERCENT,
        [NEW_MANAGERS_TRAINED],
        [NEW_MANAGERS, NEW_THT_LEADERS],
        condition=_(
            "New organisations are the HTX, unions and THT founded in the year. THT reports hold no managers: "
            "each new THT counts its representative, trained only once a training record says so."
        ),
        parts_unit=Unit.PEOPLE,
        columns=("managers", "trained", "established_on", "status"),
    ),
    # The standard figures of the collective economy, reported every year.
    count(
        "htx_total",
        _("HTX at the end of the year"),
        Unit.HTX,
        Part(
            _("HTX registered by 31/12 and not ended on it"),
            ORGS,
            lambda y: rules.of_kind(HTX) & rules.existing_on(year_end(y)),
        ),
        AsOf.YEAR_END,
    ),
    count("htx_operating", _("HTX operating at the end of the year"), Unit.HTX, HTX_OPERATING, AsOf.YEAR_END),
    count(
        "htx_dissolved",
        _("HTX dissolved or ended in the year"),
        Unit.HTX,
        Part(
            _("HTX dissolved, revoked or bankrupt in the year"),
            ORGS,
            lambda y: rules.of_kind(HTX) & rules.ended_in_year(y),
        ),
    ),
    count(
        "union_total",
        _("Unions at the end of the year"),
        Unit.UNION,
        Part(
            _("unions registered by 31/12 and not ended on it"),
            ORGS,
            lambda y: rules.of_kind(UNION) & rules.existing_on(year_end(y)),
        ),
        AsOf.YEAR_END,
    ),
    count(
        "union_operating",
        _("Unions operating at the end of the year"),
        Unit.UNION,
        Part(_("unions operating on 31/12"), ORGS, lambda y: rules.of_kind(UNION) & rules.operating_on(year_end(y))),
        AsOf.YEAR_END,
    ),
    count(
        "union_registered",
        _("New unions registered in the year"),
        Unit.UNION,
        Part(_("unions registered in the year"), ORGS, lambda y: rules.of_kind(UNION) & rules.registered_in_year(y)),
    ),
    count(
        "union_dissolved",
        _("Unions dissolved or ended in the year"),
        Unit.UNION,
        Part(
            _("unions dissolved, revoked or bankrupt in the year"),
            ORGS,
            lambda y: rules.of_kind(UNION) & rules.ended_in_year(y),
        ),
    ),
    count(
        "tht_total",
        _("THT at the end of the year"),
        Unit.THT,
        Part(
            _("THT established by 31/12, neither dissolved nor grown into an HTX"),
            GROUPS,
            lambda y: rules.group_existing_on(year_end(y)),
        ),
        AsOf.YEAR_END,
        condition=_("THT keep no dated status: a dissolved THT is left out of every year."),
    ),
    count(
        "tht_operating",
        _("THT operating at the end of the year"),
        Unit.THT,
        Part(_("THT at the end of the year, not suspended"), GROUPS, lambda y: rules.group_operating_on(year_end(y))),
        AsOf.YEAR_END,
        condition=_("THT keep no dated status: a dissolved THT is left out of every year."),
    ),
    count(
        "tht_upgraded",
        _("THT grown into HTX in the year"),
        Unit.THT,
        Part(_("THT whose HTX was registered in the year"), GROUPS, rules.upgraded_in_year),
    ),
    total(
        "htx_members",
        _("Members of HTX"),
        Unit.PEOPLE,
        Part(_("members in HTX reports"), ORG_REPORTS, _htx_report, "members"),
        columns=("members",),
    ),
    ratio(
        "htx_revenue_avg",
        _("Average revenue per HTX"),
        Unit.MILLION_VND_PER_HTX,
        [
            Part(
                _("revenue in HTX reports"), ORG_REPORTS, lambda y: _htx_report(y) & rules.revenue_reported(), "revenue"
            )
        ],
        [Part(_("HTX reports with a revenue"), ORG_REPORTS, lambda y: _htx_report(y) & rules.revenue_reported())],
        scale=PER_MILLION,
        condition=_("A revenue of 0 means “not reported” and leaves that report out."),
        columns=("revenue", "profit"),
    ),
    ratio(
        "htx_profit_avg",
        _("Average profit per HTX"),
        Unit.MILLION_VND_PER_HTX,
        [Part(_("profit in HTX reports"), ORG_REPORTS, lambda y: _htx_report(y) & rules.revenue_reported(), "profit")],
        [Part(_("HTX reports with a revenue"), ORG_REPORTS, lambda y: _htx_report(y) & rules.revenue_reported())],
        scale=PER_MILLION,
        condition=_("Over the reports with a revenue (a revenue of 0 means “not reported”)."),
        columns=("revenue", "profit"),
    ),
    *[
        count(
            f"htx_class_{name}",
            format_lazy("{} {}", _("HTX rated"), c.label),
            Unit.HTX,
            _htx_class(c),
            AsOf.YEAR_REPORTS,
            columns=RATING,
        )
        for name, c in [
            ("good", Classification.GOOD),
            ("fair", Classification.FAIR),
            ("average", Classification.AVERAGE),
            ("weak", Classification.WEAK),
        ]
    ],
]

MEASURES = {m.code: m for m in _MEASURES}
# The standard figures, in the order provinces report them.
STANDARD_FIGURES = [
    "htx_total", "htx_operating", "htx_registered", "htx_dissolved", "htx_converted",
    "union_total", "union_operating", "union_registered", "union_dissolved",
    "tht_total", "tht_operating", "tht_established", "tht_upgraded",
    "htx_members", "htx_regular_jobs", "htx_revenue_avg", "htx_profit_avg", "htx_income_avg",
    "htx_class_good", "htx_class_fair", "htx_class_average", "htx_class_weak", "htx_good_share",
]  # fmt: skip


def register_measures(measures):
    """Add another app's measures (called from its AppConfig.ready(); planning
    imports no app above it). A code may be registered once."""
    for measure in measures:
        if measure.code in MEASURES:
            raise ValueError(f"measure {measure.code} is registered twice")
        MEASURES[measure.code] = measure


def feed_numerator(code, parts):
    """Count measure ``code``'s numerator from another app's records (called
    from its AppConfig.ready(); planning imports no app above it): the
    support app's training records feed new_manager_trained_share."""
    MEASURES[code].numerator = list(parts)


def _cached(kind, codes, years, scope, compute, extra=""):
    """Figures stay cached until the registry changes: the key holds the
    registry's data version (one query reads it). Figures whose every source
    reads of the registry only where and when organisations were founded
    (``Source.organisation_facts_only``: the Alliance's) key on the version
    that only such writes move. Each process keeps its own copy (Django's
    cache, local memory by default)."""
    counter, organisations_counter = DataVersion.versions()
    sources = {part.source for code in codes for part in MEASURES[code].parts}
    narrow = bool(sources) and all(source.organisation_facts_only for source in sources)
    parts = [
        kind,
        f"o{organisations_counter}" if narrow else str(counter),
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


def figures(codes, years, scope=EVERYWHERE):
    """Compute measures ``codes`` for each of ``years``: summed from the
    summary rows (planning.summary), the parts that cannot be summed by one
    aggregate query per source table. Returns {(code, year): Figure}."""
    return _cached("figures", codes, years, scope, lambda: _figures(codes, years, scope, summarised=True)[0])


def evaluate(codes, years, scope=EVERYWHERE):
    """``figures``' values only: {(code, year): Decimal or None}."""
    return {key: figure.value for key, figure in figures(codes, years, scope).items()}


def evaluate_by_area(codes, years, scope=EVERYWHERE, by_province=False):
    """``figures`` and, from the same queries, the count measures of
    ``years[0]`` by commune (or by province): summary rows grouped by area,
    and one grouped query per source table of the parts that are not summed,
    added up for the totals (every aggregate here is a sum or a count).
    Returns ({(code, year): Figure}, {area code: {measure code: count}})."""
    extra = "province" if by_province else "commune"
    compute = lambda: _figures(codes, years, scope, by_province, summarised=True)  # noqa: E731
    return _cached("by_area", codes, years, scope, compute, extra=extra)


def direct_figures(codes, years, scope=EVERYWHERE, by_province=None):
    """The figures (and breakdown) computed from the registry itself, with no
    summary row: what the summary rows must always add up to."""
    return _figures(codes, years, scope, by_province)


def _figures(codes, years, scope, by_province=None, summarised=False):
    """One aggregate per source table, or, when ``summarised``, the summary
    rows for the parts that are additive; grouped by area when
    ``by_province`` is not None. Returns (figures, breakdown)."""
    measures = [MEASURES[code] for code in sorted(codes)]
    by_source, summed = {}, []
    for measure in measures:
        for index, part in enumerate(measure.parts):
            if summarised and part.additive:
                summed.append((measure, index, part))
            else:
                by_source.setdefault(part.source, []).append((measure, index, part))
    row, table = {}, {}
    if summed:
        from planning import summary  # planning.models imports this module

        summary.add_sums(summed, years, scope, by_province, row, table)
    for source, parts in by_source.items():
        aggregates = {}
        for measure, index, part in parts:
            for year in years:
                aggregates.update(part.aggregates(measure.alias(year, index), year))
        rows = source_rows(source, [(part, year) for _m, _i, part in parts for year in years], scope)
        counted = [m for m, index, _p in parts if m.kind == Kind.COUNT and m.by_area and index == 0]
        if by_province is None or not counted:
            # Nothing of this table is broken down: no grouping, no joins for it.
            row.update(rows.aggregate(**aggregates))
            continue
        area = f"{source.commune_path}commune_" + ("_province_id" if by_province else "id")
        for group in rows.values(area).annotate(**aggregates).order_by():
            for alias in aggregates:
                if group[alias] is not None:
                    row[alias] = (row.get(alias) or 0) + group[alias]
            for measure in counted:
                n = measure.count_of(group, years[0])
                if n:
                    table.setdefault(group[area], {})[measure.code] = n
    results = {(m.code, year): m.figure(row, year) for m in measures for year in years}
    return results, table


def source_rows(source, wanted, scope):
    """The source's rows that any (part, year) of ``wanted`` counts: filtering
    on them up front lets the database use its indexes (year, dates) instead
    of reading the whole table for the FILTER clauses."""
    if source.year_field:
        years = sorted({year for _part, year in wanted})
        return source.queryset(scope).filter(**{f"{source.year_field}__in": years})
    condition = Q(pk__in=[])
    for part, year in wanted:
        condition |= part.condition(year)
    return source.queryset(scope).filter(condition)
