"""Run the benchmark: `python bench/run.py` (PostgreSQL on 127.0.0.1:5432,
database coopportal_bench) or `python bench/run.py --sqlite`.

Never part of the test suite. Prints one Markdown table and writes it to
bench/results.md with the machine's core count."""

import argparse
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(sqlite):
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "b" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
    os.environ["DEBUG"] = "0"
    if sqlite:
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
    else:
        os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coopportal_bench")
    os.environ["DJANGO_SETTINGS_MODULE"] = "coopportal.settings"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = True  # to count queries; nothing is served


def prepare_database(sqlite):
    from django.core.management import call_command

    if not sqlite:
        _create_postgres_database()
    call_command("migrate", verbosity=0)
    call_command("load_admin_units", verbosity=0)


def _create_postgres_database():
    import psycopg2
    from django.conf import settings

    db = settings.DATABASES["default"]
    connection = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{db["NAME"]}"')
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sqlite", action="store_true", help="Use SQLite (var/bench.sqlite3) instead of PostgreSQL.")
    parser.add_argument("--only", nargs="*", default=None, help="Run only these parts: import")
    parser.add_argument("--quick", action="store_true", help="Fewer repeats, for a first look.")
    args = parser.parse_args()
    configure(args.sqlite)
    prepare_database(args.sqlite)

    from bench import importing
    from bench.common import Table

    parts = args.only or ["import"]
    table = Table(
        f"coopportal benchmark ({'SQLite' if args.sqlite else 'PostgreSQL'}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()})",
        ["what", "median", "p95 / rate", "notes"],
    )
    if "import" in parts:
        importing.run(table, repeat=1 if args.quick else 3)
    text = table.markdown()
    print(text)
    (ROOT / "bench" / "results.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
