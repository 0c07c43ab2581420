"""Import of registry spreadsheets: every row is validated first and every
error reported at once (row, column, value, reason); only a file without
errors is written, in one transaction, through bulk inserts and updates.

Rows are matched by registration code (cooperatives) or by name and commune
(groups): a matched record is updated, a new one created, an unchanged one
left alone. A cooperative's first registration date is part of its identity:
a row with a known code but another registration date is refused, since it
is either a typing error or a different cooperative taking a code.
"""

import functools
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from coopportal.lib.history import copy_to_history
from coopportal.lib.scope import EVERYWHERE
from coopportal.lib.text import fold
from registry.excel.columns import COOPERATIVES, EXAMPLE_NOTE, GROUPS, NOTES_HEADER, Sheet
from registry.excel.communes import CommuneResolver
from registry.excel.values import CellError, is_blank, parse_text, shorten
from registry.models import Cooperative, CooperativeGroup, CooperativeStatusChange, DataVersion

BATCH = 2500
# Looked-up keys per query: below SQLite's bound-parameter limit.
LOOKUP_CHUNK = 900


@dataclass
class RowError:
    row: int
    column: str
    value: str
    message: str

    def __str__(self):
        where = _("row %(row)s") % {"row": self.row}
        if self.column:
            where += f", {self.column}"
        if self.value:
            return f"{where}: “{self.value}”: {self.message}"
        return f"{where}: {self.message}"


@dataclass
class ImportPlan:
    """What an import would do, or why it cannot."""

    sheet: Sheet
    headers: list
    header_row: int = 1
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)  # (record, [changed fields], status changed)
    unchanged: int = 0
    errors: list = field(default_factory=list)
    rows: dict = field(default_factory=dict)  # row number -> cells, for the rejected-rows file
    changes: dict = field(default_factory=dict)  # updated record's pk -> {field: value before}
    # The communes whose figures the write changes (None until written: every commune).
    communes: set | None = None

    @property
    def ok(self):
        return not self.errors

    @property
    def counts(self):
        """What the import does, as its messages and pages report it."""
        return {"created": len(self.created), "updated": len(self.updated), "unchanged": self.unchanged}

    @property
    def rejected_rows(self):
        by_row = {}
        for error in self.errors:
            by_row.setdefault(error.row, []).append(error)
        return [
            (number, self.rows.get(number, []), errs)
            for number, errs in sorted(by_row.items())
            if number > self.header_row
        ]


def _chunks(items, size):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


class RowReader:
    """Reads the cells of one row through the sheet's columns, collecting errors."""

    def __init__(self, plan, positions, number, cells):
        self.plan, self.positions, self.number, self.cells = plan, positions, number, cells
        self.failed = False
        self.failed_keys = set()

    def raw(self, key):
        position = self.positions.get(key)
        if position is None or position >= len(self.cells):
            return None
        return self.cells[position]

    def has(self, key):
        return key in self.positions

    def header(self, key):
        position = self.positions.get(key)
        return parse_text(self.plan.headers[position]) if position is not None else self.plan.sheet.column(key).vi

    def error(self, key, message, value=None):
        raw = self.raw(key) if value is None and key else value
        self.plan.errors.append(
            RowError(self.number, self.header(key) if key else "", shorten(parse_text(raw)), message)
        )
        self.failed = True
        if key:
            self.failed_keys.add(key)

    def value(self, key):
        column = self.plan.sheet.column(key)
        raw = self.raw(key)
        if is_blank(raw):
            if column.required:
                self.error(key, _("This column is required."), "")
            return "" if column.kind == "text" else None
        try:
            return column.parser(raw)
        except CellError as error:
            self.error(key, str(error))
            return None

    def commune(self, resolver):
        try:
            return resolver.resolve(self.raw("commune_code"), self.raw("commune"))
        except CellError as error:
            key = "commune_code" if not is_blank(self.raw("commune_code")) else "commune"
            self.error(key, str(error))
            return None

    def model_errors(self, error):
        for name, messages in error.message_dict.items():
            key = name if self.plan.sheet.has_column(name) else None
            if key in self.failed_keys:
                continue  # the cell's own error is already reported
            for message in messages:
                self.error(key, message)


def _fill(reader, record, values, commune):
    """Put a row's values on ``record`` and validate it. Returns the names of
    the fields that changed (after clean() normalised them), or None when the
    row has errors. Foreign keys are compared by id, without a query."""
    names = [f"{name}_id" if name == "upgraded_to" else name for name in values] + ["commune_id"]
    before = {name: getattr(record, name) for name in names}
    reader.before = before
    for name, value in values.items():
        if value is not None or name not in reader.failed_keys:
            setattr(record, name, value)
    if commune is not None:
        record.commune = commune
    _validate(reader, record)
    if reader.failed:
        return None
    return [name for name, value in before.items() if getattr(record, name) != value]


def plan_import(sheet, headers, rows, scope=EVERYWHERE, header_row=1):
    """Validate every row of ``rows`` against ``sheet`` and the database,
    within ``scope``, the importing user's area: records elsewhere are
    neither created, nor matched, nor described. ``header_row`` is the
    spreadsheet row of ``headers``."""
    plan = ImportPlan(sheet=sheet, headers=headers, header_row=header_row)
    positions, unknown = sheet.header_map(headers)
    for header in unknown:
        plan.errors.append(
            RowError(header_row, header, "", _("Unknown column: it is not one of the template's headers."))
        )
    for position, header in enumerate(headers):
        if is_blank(header):
            # Data under no header (a header merged over two columns, or
            # never typed) is reported, never dropped.
            filled = next(((n, c[position]) for n, c in rows if not is_blank(c[position])), None)
            if filled:
                plan.errors.append(
                    RowError(
                        filled[0],
                        get_column_letter(position + 1),
                        shorten(parse_text(filled[1])),
                        _(
                            "This column has data but no header (is its header merged with the column "
                            "before?): give it a header of the template, or clear it."
                        ),
                    )
                )
    for position, header in enumerate(headers):
        if fold(parse_text(header)) == fold(NOTES_HEADER):
            for number, cells in rows:
                if fold(parse_text(cells[position])) == fold(EXAMPLE_NOTE):
                    plan.errors.append(
                        RowError(
                            number,
                            parse_text(header),
                            EXAMPLE_NOTE,
                            _("This is the template's example row: delete it before importing."),
                        )
                    )
    missing = [c for c in sheet.columns if c.required and c.key not in positions]
    if "commune_code" not in positions and "commune" not in positions:
        missing.append(sheet.column("commune"))
    for column in missing:
        plan.errors.append(RowError(header_row, column.vi, "", _("This column is missing from the header row.")))
    if plan.errors:
        return plan
    plan.rows = {number: cells for number, cells in rows}
    resolver = CommuneResolver(scope)
    if sheet is COOPERATIVES:
        _plan_cooperatives(plan, positions, rows, resolver, scope)
    else:
        _plan_groups(plan, positions, rows, resolver, scope)
    return plan


_COOP_FIELDS = [c.key for c in COOPERATIVES.columns if c.key not in {"commune_code", "commune", "registration_code"}]


def _plan_cooperatives(plan, positions, rows, resolver, scope):
    codes = set()
    position = positions["registration_code"]
    for _number, cells in rows:
        codes.add(parse_text(cells[position] if position < len(cells) else None))
    existing = {}
    for chunk in _chunks(codes, LOOKUP_CHUNK):
        found = Cooperative.objects.filter(registration_code__in=chunk).select_related("commune")
        existing.update({c.registration_code: c for c in found})
    seen = {}
    given = [key for key in _COOP_FIELDS if key in positions]
    for number, cells in rows:
        reader = RowReader(plan, positions, number, cells)
        code = reader.value("registration_code")
        if code in existing and not scope.allows(existing[code].commune):
            reader.error("registration_code", _("This code belongs to a cooperative outside your area."))
            continue
        values = {key: reader.value(key) for key in given}
        commune = reader.commune(resolver)
        if code:
            if code in seen:
                reader.error(
                    "registration_code",
                    _("This code is already on row %(row)s of the file.") % {"row": seen[code]},
                )
            seen.setdefault(code, number)
        for key in ("kind", "sector", "status"):
            if key in values and values[key] is None:
                values.pop(key)  # blank: keep the record's (or the default) value
        if values.get("under_law") is None:
            values.pop("under_law", None)
        record = existing.get(code)
        if (
            record is not None
            and values.get("registration_date")
            and (values["registration_date"] != record.registration_date)
        ):
            reader.error(
                "registration_date",
                _(
                    "Code %(code)s is registered to “%(name)s” since %(date)s; a row cannot change the first "
                    "registration date or give the code to another cooperative."
                )
                % {"code": code, "name": record.name, "date": record.registration_date.strftime("%d/%m/%Y")},
            )
            continue  # another cooperative's row: checking it further only adds noise
        is_new = record is None
        if is_new:
            # The raw code, so that its own validator explains a malformed one.
            record = Cooperative(registration_code=code or parse_text(reader.raw("registration_code")))
        changed = _fill(reader, record, values, commune)
        if changed is None:
            continue
        if is_new:
            record.status_since = record.registration_date
            record.search_text = record.build_search_text(commune)
            plan.created.append(record)
        elif changed:
            record.search_text = record.build_search_text(commune)
            plan.updated.append((record, changed, "status" in changed))
            plan.changes[record.pk] = {name: reader.before[name] for name in changed}
        else:
            plan.unchanged += 1


@functools.lru_cache(maxsize=256)
def _excluded(model, given):
    """The fields clean_fields() skips when a row gives ``given``: the same
    few sets for every row of a file, so worked out once each."""
    return frozenset(f.name for f in model._meta.concrete_fields if f.name not in given)


def _validate(reader, record):
    """The model's own field validators and clean(), and its check
    constraints, without one query per row (uniqueness is checked above).
    Only the fields the file gives are validated: the others keep the
    record's (already valid) values or the model's defaults."""
    # Communes and cooperatives are looked up by the reader, not by a query per row.
    given = frozenset(key for key in reader.positions if key not in reader.failed_keys) - {"commune", "upgraded_to"}
    exclude = _excluded(type(record), given)
    errors = {}
    try:
        record.clean_fields(exclude=exclude)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    # clean() too, whatever else failed: every error of the row at once.
    try:
        record.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        reader.model_errors(ValidationError(errors))
        return
    if isinstance(record, Cooperative):
        if record.converted_on and record.registration_date and record.converted_on < record.registration_date:
            reader.error("converted_on", _("The conversion date cannot be before the registration date."))
        if record.charter_capital is not None and record.charter_capital < 0:
            reader.error("charter_capital", _("The amount cannot be negative."))
    elif record.members is not None and record.members < 2:
        reader.error("members", _("A cooperative group has at least 2 members."))


_GROUP_FIELDS = [c.key for c in GROUPS.columns if c.key not in {"commune_code", "commune", "name", "upgraded_to"}]


def _plan_groups(plan, positions, rows, resolver, scope):
    names = {parse_text(RowReader(plan, positions, 0, cells).raw("name")) for _n, cells in rows}
    existing = {}
    for chunk in _chunks(names, LOOKUP_CHUNK):
        for group in CooperativeGroup.objects.filter(name__in=chunk):
            existing[(group.name, group.commune_id)] = group
    codes = {parse_text(RowReader(plan, positions, 0, cells).raw("upgraded_to")) for _n, cells in rows} - {""}
    coops = {}
    for chunk in _chunks(codes, LOOKUP_CHUNK):
        found = Cooperative.objects.filter(registration_code__in=chunk).select_related("commune")
        # A cooperative outside the area is, for this user, no cooperative at all.
        coops.update({c.registration_code: c for c in found if scope.allows(c.commune)})
    seen = {}
    for number, cells in rows:
        reader = RowReader(plan, positions, number, cells)
        name = reader.value("name")
        values = {key: reader.value(key) for key in _GROUP_FIELDS if reader.has(key)}
        commune = reader.commune(resolver)
        for key in ("sector", "status", "members"):
            if key in values and values[key] is None:
                values.pop(key)
        if reader.has("upgraded_to"):
            code = parse_text(reader.raw("upgraded_to"))
            values["upgraded_to"] = coops.get(code) if code else None
            if code and code not in coops:
                reader.error(
                    "upgraded_to", _("No cooperative has the registration code %(code)s.") % {"code": shorten(code)}
                )
        if name and commune:
            key = (name, commune.code)
            if key in seen:
                reader.error("name", _("This group is already on row %(row)s of the file.") % {"row": seen[key]})
            seen.setdefault(key, number)
        record = existing.get((name, commune.code)) if name and commune else None
        is_new = record is None
        if is_new:
            record = CooperativeGroup(name=name or "")
        changed = _fill(reader, record, values, commune)
        if changed is None:
            continue
        record.search_text = record.build_search_text(commune)
        if is_new:
            plan.created.append(record)
        elif changed:
            plan.updated.append((record, changed, False))
            plan.changes[record.pk] = {name: reader.before[name] for name in changed}
        else:
            plan.unchanged += 1


@transaction.atomic
def apply_plan(plan, user=None):
    """Write a valid plan: bulk inserts and updates in one transaction, with
    the status history the records' own save() would have written and a
    change-history row per record (who, when, values), as a form save would."""
    status_rows = write_records(plan)
    return record_history(plan, status_rows, user)


def write_records(plan):
    """The bulk inserts and updates of a valid plan; returns the status rows
    that record_history() writes, as {note: [cooperative ids]}. Call both in
    one transaction."""
    if not plan.ok:
        raise ValueError("an import with errors is never written")
    model = plan.sheet.model
    today = timezone.localdate()
    now = timezone.now()
    reason = _("Spreadsheet import")
    created, changed_status = [], []
    # Every written record's commune, and a moved record's old one (read
    # before the update), for the summary rows of the figures.
    communes = {record.commune_id for record in plan.created}
    communes |= {record.commune_id for record, _changed, _status in plan.updated}
    for batch in _chunks([record.pk for record, _changed, _status in plan.updated], BATCH):
        communes |= set(model.objects.filter(pk__in=batch).values_list("commune_id", flat=True))
    plan.communes = communes
    for batch in _chunks(plan.created, BATCH):
        model.objects.bulk_create(batch)
        created += [record.pk for record in batch]
    for batch in _chunks(plan.updated, BATCH):
        records = []
        fields = {"search_text", "updated_at"}
        for record, changed, status_changed in batch:
            fields.update(name.removesuffix("_id") for name in changed)
            if status_changed:
                record.status_since = today
                fields.add("status_since")
                changed_status.append(record.pk)
            record.updated_at = now
            records.append(record)
        model.objects.bulk_update(records, sorted(fields))
    if model is not Cooperative:
        return {}
    return {"": created, reason: changed_status}


def record_history(plan, status_rows, user=None):
    """What the records' own save() would have written after a bulk write:
    their dated status rows (``status_rows``, from write_records()), a
    change-history row each (who, when, values) and the registry's data
    version, all copied inside the database from the rows just written."""
    model = plan.sheet.model
    reason = _("Spreadsheet import")
    for note, pks in status_rows.items():
        CooperativeStatusChange.copy_from(pks, note=note)
    now = timezone.now()
    copy_to_history(model, [r.pk for r in plan.created], "+", user=user, reason=reason, date=now)
    copy_to_history(model, [r.pk for r, _f, _s in plan.updated], "~", user=user, reason=reason, date=now)
    # Bulk writes send no signals. An import never changes an existing
    # cooperative's registration date, the one field THT elsewhere read.
    DataVersion.bump(plan.communes)
    return plan.counts


def import_file(kind, data, filename, dry_run=False, user=None):
    """Read, validate and (unless ``dry_run`` or invalid) write a file
    through the sheet's resource (registry.resources), within the user's
    area (everywhere for the command line, which has no user). Returns
    (plan, counts or None)."""
    from registry.excel.formats import format_for
    from registry.resources import RESOURCES

    dataset = format_for(filename).create_dataset(data)
    result = RESOURCES[kind]().import_data(dataset, dry_run=dry_run, user=user)
    plan = result.plan
    if not plan.ok or dry_run:
        return plan, None
    return plan, plan.counts
