"""Import of 10,000 new cooperatives from one .xlsx, the same file for
three resources of django-import-export:

- the portal's (registry.resources.CooperativeResource, through the guarded
  format): every row validated (model rules, communes, the user's area,
  duplicates) in one pass, then bulk writes with status rows and change
  history;
- the library's default ModelResource, as its documentation sets it up;
- the same, tuned as the library's documentation advises for speed
  (use_bulk, batch_size, skip_diff, CachedInstanceLoader).

Each run happens inside a transaction that is rolled back, so every run
starts from the same database.

The default resource takes minutes on 10,000 rows: while iterating,
``BENCH_IMPORT_DEFAULT_ROWS=1000`` times it on the first 1,000 rows of the
same generator (its rate barely depends on the file's length: one row at a
time), and ``BENCH_IMPORT_DEFAULT_ROWS=0`` leaves it out. A published run
keeps all three on the full file."""

import datetime
import io
import os
import random
import time

import xlsxwriter
from django.db import transaction
from import_export import fields, instance_loaders, resources, widgets

from places.models import Commune
from registry.excel.importer import import_file
from registry.models import Cooperative

HEADERS = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký", "Vốn điều lệ (đồng)", "Người đại diện"]


def build_file(rows, seed=7):
    """The file as an office sends it: saved the way Excel and LibreOffice
    save (XlsxWriter writes as they do: shared strings, a <dimension> for
    each sheet, dates as numbers with a date format). A file without a
    <dimension> (openpyxl's write-only mode) makes openpyxl read the sheet
    twice, a cost no office file has."""
    rng = random.Random(seed)
    communes = list(Commune.objects.values_list("code", flat=True)[:200])
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    sheet = workbook.add_worksheet("HTX")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, HEADERS)
    for i in range(rows):
        row = i + 1
        sheet.write_string(row, 0, f"59{i:08d}")
        sheet.write_string(row, 1, f"Hợp tác xã Đo Tốc Độ {i}")
        sheet.write_string(row, 2, rng.choice(communes))
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        sheet.write_datetime(row, 3, datetime.datetime.combine(day, datetime.time()), date_format)
        sheet.write_number(row, 4, rng.randrange(1, 900) * 1_000_000)
        sheet.write_string(row, 5, "Nguyễn Văn A")
    workbook.close()
    return stream.getvalue()


class DefaultCooperativeResource(resources.ModelResource):
    """django-import-export as its documentation sets it up: a ModelResource
    with the file's headers, matched on the registration code, defaults
    everywhere else (row by row, save() per row, diffs, one transaction)."""

    registration_code = fields.Field(attribute="registration_code", column_name="Mã số HTX")
    name = fields.Field(attribute="name", column_name="Tên HTX")
    commune = fields.Field(
        attribute="commune", column_name="Mã xã", widget=widgets.ForeignKeyWidget(Commune, field="code")
    )
    registration_date = fields.Field(
        attribute="registration_date", column_name="Ngày đăng ký", widget=widgets.DateWidget()
    )
    charter_capital = fields.Field(
        attribute="charter_capital", column_name="Vốn điều lệ (đồng)", widget=widgets.IntegerWidget()
    )
    representative = fields.Field(attribute="representative", column_name="Người đại diện")

    class Meta:
        model = Cooperative
        import_id_fields = ["registration_code"]
        fields = ["registration_code", "name", "commune", "registration_date", "charter_capital", "representative"]


class TunedCooperativeResource(DefaultCooperativeResource):
    """The default resource with the library's documented speed options."""

    class Meta(DefaultCooperativeResource.Meta):
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        instance_loader_class = instance_loaders.CachedInstanceLoader


def _portal(data):
    plan, counts = import_file("cooperatives", data, "bench.xlsx")
    assert plan.ok and counts["created"] > 0, plan.errors[:3]


def _library(resource_class):
    def run(data):
        import tablib

        dataset = tablib.Dataset().load(data, format="xlsx")
        result = resource_class().import_data(dataset, dry_run=False, raise_errors=True)
        assert not result.has_validation_errors()
        assert Cooperative.objects.filter(registration_code__startswith="59").count() == len(dataset)

    return run


def _once(function, data):
    with transaction.atomic():
        start = time.perf_counter()
        function(data)
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    return elapsed


def _median(times):
    times = sorted(times)
    return times[len(times) // 2]


def run(table, rows=10_000, repeat=3):
    data = build_file(rows)
    default_rows = min(rows, int(os.environ.get("BENCH_IMPORT_DEFAULT_ROWS", rows)))
    # Interleaved, so that a change in the machine's load between the two
    # does not tilt their ratio.
    portal_times, tuned_times = [], []
    for _ in range(repeat):
        portal_times.append(_once(_portal, data))
        tuned_times.append(_once(_library(TunedCooperativeResource), data))
    portal_s, tuned_s = _median(portal_times), _median(tuned_times)
    table.add(
        f"import {rows:,} new HTX (xlsx): portal resource, full validation and history",
        f"{portal_s:.2f} s",
        f"{rows / portal_s:,.0f} rows/s",
        "",
    )
    table.add(
        f"import {rows:,} new HTX (xlsx): django-import-export tuned (bulk, batch 1,000, skip diff, cached loader)",
        f"{tuned_s:.2f} s",
        f"{rows / tuned_s:,.0f} rows/s",
        f"portal is {tuned_s / portal_s:.1f}× faster",
    )
    measured = {"portal_rows_per_s": rows / portal_s, "tuned_rows_per_s": rows / tuned_s}
    if default_rows <= 0:
        return measured
    default_data = data if default_rows == rows else build_file(default_rows)
    default_s = _median(_once(_library(DefaultCooperativeResource), default_data) for _ in range(max(1, repeat - 2)))
    per_row = default_s / default_rows
    table.add(
        f"import {default_rows:,} new HTX (xlsx): django-import-export default",
        f"{default_s:.2f} s",
        f"{1 / per_row:,.0f} rows/s",
        f"portal is {per_row / (portal_s / rows):.1f}× faster" + (" (per row)" if default_rows != rows else ""),
    )
    return {**measured, "die_rows_per_s": 1 / per_row}
