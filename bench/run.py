"""Run the benchmark: `python bench/run.py` (PostgreSQL on 127.0.0.1:5432,
database coopportal_bench) or `python bench/run.py --sqlite`.

Never part of the test suite. Prints one Markdown table and writes it to
bench/results.md with the machine's core count."""

import argparse
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(sqlite, database="coopportal_bench"):
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "b" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
    os.environ["DEBUG"] = "0"
    # Served over plain HTTP on loopback, like the test suite.
    for name in ("SECURE_SSL_REDIRECT", "SECURE_COOKIES", "SECURE_HSTS_SECONDS"):
        os.environ.setdefault(name, "0")
    if sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / (database + '.sqlite3')}"
    else:
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "coopportal.settings"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = True  # to count queries; nothing is served


def prepare_database(sqlite, fresh=False):
    from django.core.management import call_command

    if sqlite and fresh:
        Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).unlink(missing_ok=True)
    if not sqlite:
        _create_postgres_database(fresh)
    call_command("migrate", verbosity=0)
    call_command("load_admin_units", verbosity=0)


def _create_postgres_database(fresh=False):
    import psycopg2
    from django.conf import settings

    db = settings.DATABASES["default"]
    connection = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432)
    connection.autocommit = True
    with connection.cursor() as cursor:
        if fresh:
            cursor.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{db["NAME"]}"')
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="Use SQLite (var/bench.sqlite3) instead of PostgreSQL.")
    parser.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="Run only these parts: national, dashboard, report, scale, load, import",
    )
    parser.add_argument("--database", default="coopportal_bench", help="The database (the scale series adds _scale).")
    parser.add_argument("--quick", action="store_true", help="Fewer repeats, for a first look.")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.md", help="Where the table goes.")
    args = parser.parse_args()
    parts = args.only or ["national", "report", "load", "import", "scale"]
    scale_only = parts == ["scale"]
    # The scale series grows a database of its own from empty.
    configure(args.sqlite, f"{args.database}_scale" if scale_only else args.database)
    prepare_database(args.sqlite, fresh=scale_only)

    from bench import importing, loadtest, national, report, scale
    from bench.common import Table

    table = Table(
        f"coopportal benchmark ({'SQLite' if args.sqlite else 'PostgreSQL'}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()})",
        ["what", "median", "p95 / rate", "notes"],
    )
    if "national" in parts or "dashboard" in parts:
        # "dashboard": the dashboard and API rows only (before/after a change to the figures).
        national.run(table, repeat=5 if args.quick else 20, sqlite=args.sqlite, pages_only="national" not in parts)
    if "report" in parts:
        national.ensure_data()
        report.run(table, args.database, sqlite=args.sqlite)
    if scale_only:
        scale.run(table, repeat=3 if args.quick else 10)
    elif "scale" in parts:
        part = ROOT / "var" / "bench-scale.md"
        part.unlink(missing_ok=True)
        command = [sys.executable, __file__, "--only", "scale", "--output", str(part), "--database", args.database]
        command += ["--sqlite"] * args.sqlite + ["--quick"] * args.quick
        subprocess.run(command, check=True, capture_output=True)
        table.rows += Table.from_markdown(part.read_text(encoding="utf-8")).rows
    if "load" in parts:
        loadtest.run(table)
    if "import" in parts:
        importing.run(table, repeat=1 if args.quick else 3)
    text = table.markdown()
    print(text)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
