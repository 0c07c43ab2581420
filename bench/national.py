"""The national-scale measurements: dashboard and API for the whole country
and one province, a drill-down of 2,000 records, registry search over the
115,000 cooperatives and groups. The year-end report is bench/report.py."""

import sys
import time
from pathlib import Path

from django.db import connection

from bench import generate
from bench.common import timed
from bench.pages import client_for, figures_from_the_registry, mark_one, measure, refound_one, write_one
from coopportal.lib.scope import Scope
from planning.measures import MEASURES

YEAR = 2024
ROOT = Path(__file__).resolve().parent.parent


def ensure_data():
    coops, groups = generate.registry_size()
    if coops == 0:
        start = time.perf_counter()
        generate.generate()
        print(f"generated the national registry in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        coops, groups = generate.registry_size()
    return coops, groups


def run(table, repeat, sqlite, pages_only=False):
    coops, groups = ensure_data()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Earlier runs' rolled-back imports leave dead rows behind; clear
            # them so that every run measures the same tables.
            cursor.execute("VACUUM ANALYZE")
    client = client_for()
    size = f"{coops:,} HTX, {groups:,} THT"
    # What a write costs now that it keeps the summary rows current.
    median, p95, queries = timed(write_one, repeat)
    table.add(
        "save of one HTX through the ORM (history, marks, its commune's summary rows recomputed after commit)",
        f"{median * 1000:.0f} ms",
        f"{p95 * 1000:.0f} ms",
        f"{queries} queries",
    )
    for label, url, province in [
        (f"API /api/plan/{YEAR}/, whole country ({size})", f"/api/plan/{YEAR}/?province=all", None),
        (f"API /api/plan/{YEAR}/, one province", f"/api/plan/{YEAR}/?province=15", "15"),
        (f"dashboard /dashboard/{YEAR}/, whole country", f"/dashboard/{YEAR}/?province=all", None),
        (f"dashboard /dashboard/{YEAR}/, one province", f"/dashboard/{YEAR}/?province=15", "15"),
    ]:
        cold = f"{label}, cold (just after a write)"
        measure(table, client, cold, url, repeat, cold=True, province=province)
        if "dashboard" in label:
            founded = f"{label}, cold, after a registration date changed (the Alliance's figures recomputed too)"
            measure(table, client, founded, url, repeat, cold=True, province=province, write=refound_one)
            emptied = f"{label}, cold, figures cache emptied too (a worker that never computed them)"
            measure(table, client, emptied, url, repeat, cold=True, province=province, empty_cache=True)
            left = f"{label}, cold, the write's commune recomputed by the reader (a bulk path's marks)"
            measure(table, client, left, url, repeat, cold=True, province=province, write=mark_one)
        with figures_from_the_registry():
            before = f"{label}, cold, figures cache emptied, registry aggregated (as before the summary rows)"
            measure(table, client, before, url, repeat, cold=True, empty_cache=True)
        measure(table, client, f"{label}, cached figures", url, repeat)
    if pages_only:
        return
    drill = MEASURES["htx_registered"].records(YEAR, Scope()).count()
    measure(
        table,
        client,
        f"drill-down of {drill:,} new HTX (page 1 of 200)",
        f"/dashboard/{YEAR}/htx_new/?province=all",
        repeat,
    )
    measure(
        table,
        client,
        f"drill-down of {drill:,} new HTX as .xlsx",
        f"/dashboard/{YEAR}/htx_new/?province=all&format=xlsx",
        max(3, repeat // 4),
    )
    measure(
        table,
        client,
        f"registry search, diacritics ignored, over {coops + groups:,} records",
        "/registry/?q=tram+tau",
        repeat,
    )
    measure(table, client, "registry search for a name that matches nothing", "/registry/?q=khong+co+ai", repeat)
