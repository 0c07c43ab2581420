"""The national-scale measurements: dashboard and API for the whole country
and one province, a drill-down of 2,000 records, registry search over the
115,000 cooperatives and groups, and the year-end report (in a fresh
process each, against openpyxl's normal mode)."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

from bench import generate
from bench.pages import client_for, measure
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
    for label, url in [
        (f"API /api/plan/{YEAR}/, whole country ({size})", f"/api/plan/{YEAR}/?province=all"),
        (f"API /api/plan/{YEAR}/, one province", f"/api/plan/{YEAR}/?province=15"),
        (f"dashboard /dashboard/{YEAR}/, whole country", f"/dashboard/{YEAR}/?province=all"),
        (f"dashboard /dashboard/{YEAR}/, one province", f"/dashboard/{YEAR}/?province=15"),
    ]:
        measure(table, client, f"{label}, cold (just after a write)", url, repeat, cold=True)
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
    results = {}
    for mode in ("stream", "normal"):
        args = [sys.executable, str(ROOT / "bench" / "report_worker.py"), mode, str(YEAR)] + (
            ["--sqlite"] if sqlite else []
        )
        output = subprocess.run(args, capture_output=True, text=True, check=True, env=os.environ.copy())
        results[mode] = json.loads(output.stdout.strip().splitlines()[-1])
    stream, normal = results["stream"], results["normal"]
    table.add(
        f"year-end report {YEAR}, whole country: portal (write-only)",
        f"{stream['seconds']:.2f} s",
        f"peak {stream['peak_mb']:.0f} MB",
        f"{stream['bytes'] / 1e6:.1f} MB file",
    )
    table.add(
        f"year-end report {YEAR}: its sheets unstyled, without awards, openpyxl normal mode",
        f"{normal['seconds']:.2f} s",
        f"peak {normal['peak_mb']:.0f} MB",
        f"normal ÷ portal: {normal['seconds'] / stream['seconds']:.2f}× the time, "
        f"{normal['growth_mb'] / max(stream['growth_mb'], 1):.1f}× the memory growth "
        f"({normal['growth_mb']:.0f} vs {stream['growth_mb']:.0f} MB)",
    )
