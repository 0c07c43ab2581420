"""Where the portal's import of new cooperatives spends its time: cProfile
of the preview (dry run) and of the real import of bench/importing.py's
file, each inside a rolled-back transaction, with the queries counted.

    python bench/profile_import.py [--sqlite] [--rows 10000] [--database NAME] [--top 25]

Never part of the tests."""

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", default="coopportal_bench")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--no-profile", action="store_true", help="Time only, without cProfile's overhead.")
    args = parser.parse_args()

    from bench.run import configure, prepare_database

    configure(args.sqlite, args.database)
    prepare_database(args.sqlite)

    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from bench.importing import build_file
    from registry.excel.importer import import_file

    data = build_file(args.rows)
    for dry_run in (True, False):
        label = "preview (dry run)" if dry_run else "import"
        profile = cProfile.Profile()
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            if not args.no_profile:
                profile.enable()
            plan, _counts = import_file("cooperatives", data, "bench.xlsx", dry_run=dry_run)
            if not args.no_profile:
                profile.disable()
            elapsed = time.perf_counter() - start
            assert plan.ok, plan.errors[:3]
            transaction.set_rollback(True)
        print(
            f"\n## {label}: {args.rows:,} rows in {elapsed:.2f} s ({args.rows / elapsed:,.0f} rows/s), "
            f"{len(queries.captured_queries)} queries"
        )
        if args.no_profile:
            continue
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
            print(f"\n### by {order}\n")
            print(out.getvalue().split("\n", 6)[-1] if order else out.getvalue())


if __name__ == "__main__":
    main()
