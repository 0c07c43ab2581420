"""Summary rows: the registry's measures kept per part, year and commune, so
that a figure over any area is a sum of a few thousand rows instead of an
aggregate over the whole registry.

Every registry part counts records, each in one commune, or adds a value up
over them: its figure over an area is the sum of its communes'. A
``FigureSummary`` row holds, for one part (named by the first measure that
uses it, ``code/index``), one year and one commune, the records counted
and their total, and the commune's province; a row with a province and no
commune holds the sums of the province's communes (what the country and a
province read), and a row with neither says the part and year were
computed for every commune (a commune without records has no row).

Writes keep the rows current through ``registry.models.StaleCommune``: every
save or deletion of a registry record marks the communes it counts in
before and after (a record moving commune marks both; a cooperative also
marks the THT that grew into it), a commune saved (moving province) marks
itself, the spreadsheet import marks the communes it wrote in, and the
other bulk paths mark every commune. Once a write commits
(planning.apps), and in any case before a reader sums, the marked
communes' rows of every part and year computed so far are recomputed (a
status change dated in the past can move several years) with the parts'
own aggregate restricted to those communes, then their provinces' sums; a
mark of every commune empties the table. A part and year asked for the
first time is computed for every commune at once, grouped by commune.
Nothing here depends on today's date: every rule reads dates stored in the
records (the dated status history, registration dates), so rows go stale
only through writes. The Alliance's records (support) are read directly
(``Part.additive``)."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from coopportal.lib.scope import EVERYWHERE
from planning.measures import MEASURES, Kind, source_rows
from planning.models import FigureSummary
from registry.models import DataVersion, StaleCommune

# Past this many marked communes, recomputing them costs about what
# recomputing everything does: the table is emptied instead.
MAX_STALE_COMMUNES = 300
BATCH = 2000


def part_keys():
    """{id(part): key} for every additive part of every measure, a part used
    by several measures (the operating HTX) named once, by its first user."""
    keys = {}
    for measure in MEASURES.values():
        for index, part in enumerate(measure.parts):
            if part.additive:
                keys.setdefault(id(part), f"{measure.code}/{index}")
    return keys


def add_sums(parts, years, scope, by_province, row, table):
    """Add up the summary rows of ``parts`` ([(measure, index, part)], every
    part additive) for ``years`` over ``scope`` into ``row`` (the aggregate
    aliases ``Measure.figure`` reads) and, when ``by_province`` is not None,
    the count measures of ``years[0]`` by area into ``table``."""
    refresh()
    known = part_keys()
    users = {}  # key -> [(measure, index)] reading it
    for measure, index, part in parts:
        users.setdefault(known[id(part)], []).append((measure, index))
    wanted = {(key, year) for key in users for year in years}
    computed = _computed().filter(part__in=sorted(users), year__in=sorted(set(years)))
    missing = wanted - set(computed.values_list("part", "year"))
    if missing:
        _fill(missing)
    area = {None: None, False: "commune_id", True: "province_id"}[by_province]
    for summed in _summed(users, years, scope, area):
        records = int(summed["records"] or 0)
        if not records:
            continue
        total = summed["total"]
        for measure, index in users[summed["part"]]:
            alias = measure.alias(summed["year"], index)
            row[f"{alias}_n"] = row.get(f"{alias}_n", 0) + records
            if total is not None:
                row[f"{alias}_sum"] = row.get(f"{alias}_sum", 0) + _exact(total)
            if area and index == 0 and summed["year"] == years[0] and measure.kind == Kind.COUNT and measure.by_area:
                table.setdefault(summed[area], {})[measure.code] = records


def _summed(keys, years, scope, area):
    """One query: the rows of ``keys`` and ``years`` within ``scope`` added up
    by part and year (and area): the provinces' rows unless communes are
    asked for (some communes, or a breakdown by commune)."""
    rows = FigureSummary.objects.filter(part__in=sorted(keys), year__in=sorted(set(years)))
    if scope.communes or area == "commune_id":
        rows = rows.filter(commune__isnull=False)
    else:
        rows = rows.filter(commune__isnull=True, province__isnull=False)
    if scope.province:
        rows = rows.filter(province_id=scope.province)
    if scope.communes:
        rows = rows.filter(commune_id__in=sorted(scope.communes))
    group = ["part", "year", *filter(None, [area])]
    return rows.values(*group).annotate(records=Sum("records"), total=Sum("total")).order_by()


def _computed():
    """The rows saying which parts and years are computed (no commune, no province)."""
    return FigureSummary.objects.filter(commune__isnull=True, province__isnull=True).order_by()


def _exact(value):
    """A total as the registry's own aggregate gives it: a whole number
    without the column's decimal places."""
    value = Decimal(value)
    return Decimal(int(value)) if value == value.to_integral_value() else value


def _lock():
    """Serialise the rewriting of summary rows (PostgreSQL; SQLite has one
    writer at a time anyway) on the data version's row, which every write
    updates in the transaction that marks its communes: no mark is
    half-written while the marks are read."""
    list(DataVersion.objects.select_for_update().filter(pk=1).values_list("pk"))


def refresh():
    """Recompute the summary rows of the communes marked stale (one query when
    none is)."""
    if not StaleCommune.objects.exists():
        return
    with transaction.atomic():
        _lock()
        marks = list(StaleCommune.objects.values_list("pk", "commune_id"))
        if not marks:
            return  # another reader refreshed them meanwhile
        communes = {commune for _pk, commune in marks}
        if None in communes or len(communes) > MAX_STALE_COMMUNES:
            FigureSummary.objects.all().delete()
        else:
            tasks = _tasks(_computed().values_list("part", "year"))
            stale = FigureSummary.objects.filter(commune_id__in=sorted(communes))
            # The provinces whose totals change: the communes' before (a
            # commune may have moved) and after.
            provinces = set(stale.order_by().values_list("province_id", flat=True).distinct())
            stale.delete()
            rows = _compute(tasks, sorted(communes))
            FigureSummary.objects.bulk_create(rows, batch_size=BATCH)
            provinces |= {row.province_id for row in rows}
            _add_up_provinces(sorted(provinces))
        StaleCommune.objects.filter(pk__lte=max(pk for pk, _commune in marks)).delete()


def _fill(missing):
    """Compute parts and years never computed, for every commune at once."""
    with transaction.atomic():
        _lock()
        keys = sorted({key for key, _year in missing})
        years = sorted({year for _key, year in missing})
        done = _computed().filter(part__in=keys, year__in=years)
        tasks = _tasks(set(missing) - set(done.values_list("part", "year")))
        rows = _compute(tasks, None)
        rows += [FigureSummary(part=key, year=year) for key, _part, year in tasks]
        FigureSummary.objects.bulk_create(rows, batch_size=BATCH)
        provinces = {row.province_id for row in rows if row.province_id}
        _add_up_provinces(sorted(provinces), parts=sorted({key for key, _part, _year in tasks}))


def _add_up_provinces(provinces, parts=None):
    """Rewrite the provinces' rows (no commune) as the sums of their
    communes' (of ``parts`` only, when given)."""
    rows = FigureSummary.objects.filter(province_id__in=provinces)
    if parts is not None:
        rows = rows.filter(part__in=parts)
    rows.filter(commune__isnull=True).delete()
    communes = rows.filter(commune__isnull=False)
    summed = communes.values("part", "year", "province_id").annotate(records=Sum("records"), total=Sum("total"))
    FigureSummary.objects.bulk_create(
        [FigureSummary(**row) for row in summed.order_by()],
        batch_size=BATCH,
    )


def _tasks(pairs):
    """[(key, part, year)] for (key, year) pairs whose part is still a
    measure's additive part; the rows of others are dropped."""
    parts = {}
    for measure in MEASURES.values():
        for part in measure.parts:
            parts[id(part)] = part
    by_key = {key: parts[ident] for ident, key in part_keys().items()}
    tasks, unknown = [], set()
    for key, year in sorted(set(pairs)):
        if key in by_key:
            tasks.append((key, by_key[key], year))
        else:
            unknown.add(key)
    if unknown:
        FigureSummary.objects.filter(part__in=sorted(unknown)).delete()
    return tasks


def _compute(tasks, communes):
    """The summary rows of ``tasks`` in ``communes`` (None: every commune):
    one aggregate per source table, grouped by commune (and its province)."""
    by_source = {}
    for task in tasks:
        by_source.setdefault(task[1].source, []).append(task)
    found = []
    for source, items in by_source.items():
        aggregates = {}
        for number, (_key, part, year) in enumerate(items):
            aggregates.update(part.aggregates(f"p{number}", year))
        if communes is None:
            # Every commune: the rows any task counts, by their indexes.
            rows = source_rows(source, [(part, year) for _key, part, year in items], EVERYWHERE)
        else:
            # A few communes: their records, by the commune's index.
            rows = source.queryset(EVERYWHERE).filter(**{f"{source.commune_path}commune_id__in": communes})
        area = f"{source.commune_path}commune_id"
        province = f"{source.commune_path}commune__province_id"
        for group in rows.values(area, province).annotate(**aggregates).order_by():
            for number, (key, _part, year) in enumerate(items):
                if group[f"p{number}_n"]:
                    found.append(
                        FigureSummary(
                            part=key,
                            year=year,
                            commune_id=group[area],
                            province_id=group[province],
                            records=group[f"p{number}_n"],
                            total=group.get(f"p{number}_sum"),
                        )
                    )
    return found
