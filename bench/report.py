"""The year-end report's measurements, each in a fresh process
(bench/report_worker.py) so that peak memory is the report's own:

- the national workbook as the portal writes it, and as it was written
  before issue 16, in the same run;
- the old workbook's sheets through openpyxl's normal mode;
- the drafted narrative;
- the largest table written alone with XlsxWriter (constant-memory) and
  with openpyxl (write-only), every cell styled, the rows read beforehand;
- a province of 200,000 HTX, when its database (BIG_DATABASE) was built with
  `python bench/report.py --build-big`.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2024
BIG_DATABASE_SUFFIX = "_big"  # <bench database>_big: one province of 200,000 HTX
BIG_PROVINCE = "15"


def _worker(mode, database, sqlite, province=None):
    args = [sys.executable, str(ROOT / "bench" / "report_worker.py"), mode, str(YEAR), "--database", database]
    args += ["--sqlite"] * sqlite + (["--province", province] if province else [])
    output = subprocess.run(args, capture_output=True, text=True, check=True, env=os.environ.copy())
    return json.loads(output.stdout.strip().splitlines()[-1])


def _big_database_ready(database, sqlite):
    if sqlite:
        return False
    import psycopg2

    try:
        connection = psycopg2.connect(dbname=database, user="postgres", host="127.0.0.1", port=5432)
    except psycopg2.OperationalError:
        return False
    with connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM registry_cooperative")
        (count,) = cursor.fetchone()
    connection.close()
    return count >= 200_000


def run(table, database, sqlite):
    portal = _worker("portal", database, sqlite)
    before = _worker("before", database, sqlite)
    normal = _worker("normal", database, sqlite)
    narrative = _worker("narrative", database, sqlite)
    xlsxwriter = _worker("writer-xlsxwriter", database, sqlite)
    openpyxl = _worker("writer-openpyxl", database, sqlite)
    table.add(
        f"year-end report {YEAR}, whole country: portal (XlsxWriter constant-memory, values_list rows)",
        f"{portal['seconds']:.2f} s",
        f"peak {portal['peak_mb']:.0f} MB",
        f"{portal['bytes'] / 1e6:.1f} MB file; growth {portal['growth_mb']:.0f} MB",
    )
    table.add(
        f"year-end report {YEAR}, whole country: as before issue 16 (openpyxl write-only), same run",
        f"{before['seconds']:.2f} s",
        f"peak {before['peak_mb']:.0f} MB",
        f"portal is {before['seconds'] / portal['seconds']:.1f}× faster; growth {before['growth_mb']:.0f} MB",
    )
    table.add(
        f"year-end report {YEAR}: the old sheets unstyled, without awards, openpyxl normal mode",
        f"{normal['seconds']:.2f} s",
        f"peak {normal['peak_mb']:.0f} MB",
        f"growth {normal['growth_mb']:.0f} MB",
    )
    table.add(
        f"report narrative {YEAR} (.docx), whole country",
        f"{narrative['seconds']:.2f} s",
        f"peak {narrative['peak_mb']:.0f} MB",
        f"{narrative['bytes'] / 1e3:.0f} kB file",
    )
    rows = f"{xlsxwriter['rows']:,}"
    table.add(
        f"writing the {rows}-row HTX table alone, every cell styled: XlsxWriter constant-memory",
        f"{xlsxwriter['seconds']:.2f} s",
        f"peak {xlsxwriter['peak_mb']:.0f} MB",
        f"growth {xlsxwriter['growth_mb']:.0f} MB (rows read beforehand)",
    )
    table.add(
        f"writing the {rows}-row HTX table alone, every cell styled: openpyxl write-only",
        f"{openpyxl['seconds']:.2f} s",
        f"peak {openpyxl['peak_mb']:.0f} MB",
        f"XlsxWriter is {openpyxl['seconds'] / xlsxwriter['seconds']:.1f}× faster",
    )
    big = database + BIG_DATABASE_SUFFIX
    if _big_database_ready(big, sqlite):
        province = _worker("portal", big, sqlite, province=BIG_PROVINCE)
        table.add(
            f"year-end report {YEAR}, one province of 200,000 HTX: portal",
            f"{province['seconds']:.2f} s",
            f"peak {province['peak_mb']:.0f} MB",
            f"{province['bytes'] / 1e6:.1f} MB file; gunicorn's timeout is 60 s",
        )


def build_big(database):
    """A database with one province of 200,000 HTX (and 50,000 THT)."""
    from bench.run import configure, prepare_database

    configure(False, database + BIG_DATABASE_SUFFIX)
    prepare_database(False)
    from bench import generate  # imports models: only once Django is set up

    if generate.registry_size()[0] == 0:
        generate.generate(cooperatives=200_000, groups=50_000, awards=500, provinces=[BIG_PROVINCE])


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if "--build-big" in sys.argv:
        build_big(sys.argv[sys.argv.index("--build-big") + 1] if len(sys.argv) > 2 else "coopportal_bench")
