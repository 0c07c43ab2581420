"""How the dashboard and the API grow with the registry: one database grown
step by step to 1×, 10× and 100× the size of one province (a province is a
34th of the country: about 1,030 HTX and 2,350 THT), measured at each step,
cold (just after a write: summary rows refreshed, and, for comparison,
the registry aggregated as before them) and cached."""

import time

from django.db import connection

from bench import generate
from bench.pages import client_for, figures_from_the_registry, mark_one, measure, refound_one

PROVINCE = {"cooperatives": 1_030, "groups": 2_350, "awards": 150}
STEPS = [1, 10, 100]
YEAR = 2024


def run(table, repeat):
    done = 0
    client = client_for("bench-scale")
    for step in STEPS:
        add = step - done
        start = time.perf_counter()
        generate.generate(
            cooperatives=PROVINCE["cooperatives"] * add,
            groups=PROVINCE["groups"] * add,
            awards=PROVINCE["awards"] * add,
            seed=step,
            code_offset=PROVINCE["groups"] * done,
        )
        done = step
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Fresh tables have no statistics yet: without them the
                # planner's choices, not the code, would be measured.
                cursor.execute("ANALYZE")
        coops, groups = generate.registry_size()
        built = time.perf_counter() - start
        size = f"{step}× ({coops:,} HTX, {groups:,} THT; built in {built:.0f} s)"
        measure(table, client, f"scale {size}: API, cold", f"/api/plan/{YEAR}/?province=all", repeat, cold=True)
        measure(table, client, f"scale {step}×: dashboard, cold", f"/dashboard/{YEAR}/?province=all", repeat, cold=True)
        dashboard = f"/dashboard/{YEAR}/?province=all"
        founded = f"scale {step}×: dashboard, cold, after a registration date changed"
        measure(table, client, founded, dashboard, repeat, cold=True, write=refound_one)
        emptied = f"scale {step}×: dashboard, cold, figures cache emptied too"
        measure(table, client, emptied, dashboard, repeat, cold=True, empty_cache=True)
        measure(
            table,
            client,
            f"scale {step}×: dashboard, cold, the write's commune recomputed by the reader",
            f"/dashboard/{YEAR}/?province=all",
            repeat,
            cold=True,
            write=mark_one,
        )
        with figures_from_the_registry():
            measure(
                table,
                client,
                f"scale {step}×: dashboard, cold, figures cache emptied, registry aggregated (as before)",
                f"/dashboard/{YEAR}/?province=all",
                repeat,
                cold=True,
                empty_cache=True,
            )
        measure(table, client, f"scale {step}×: dashboard, cached", f"/dashboard/{YEAR}/?province=all", repeat)
