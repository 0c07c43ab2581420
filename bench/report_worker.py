"""Build the national year-end report in a fresh process and print its time
and peak memory as JSON: `python bench/report_worker.py {stream,normal} YEAR`.

"stream" is the portal's writer (openpyxl write-only); "normal" writes the
same rows with openpyxl's ordinary workbook, as most code does."""

import io
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def build_normal(year, scope, stream):
    """The same sheets and rows, through openpyxl's normal (in-memory) mode."""
    from openpyxl import Workbook

    from planning import drilldown
    from planning.measures import MEASURES
    from planning.progress import plan_for_year
    from planning.year_report import PLAN_HEADERS, RECORD_SHEETS, REPORT_HEADERS

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kế hoạch"
    sheet.append(PLAN_HEADERS)
    for number, row in enumerate(plan_for_year(year, scope), start=1):
        sheet.append([number, row.indicator.display_name, row.indicator.unit, row.target, row.actual, row.percent])
    for title, measure in RECORD_SHEETS:
        sheet = workbook.create_sheet(title)
        records = drilldown.prepare(MEASURES[measure].records(year, scope))
        sheet.append(drilldown.headers(records.model))
        for obj in records.iterator(chunk_size=2000):
            sheet.append(drilldown.cells(obj))
    sheet = workbook.create_sheet("Báo cáo HTX năm")
    sheet.append(REPORT_HEADERS)
    reports = MEASURES["htx_regular_jobs"].records(year, scope).select_related("cooperative__commune__province")
    for number, report in enumerate(reports.iterator(chunk_size=2000), start=1):
        coop = report.cooperative
        sheet.append([number, coop.registration_code, coop.name, coop.commune.name, coop.commune.province.name,
                      report.members, report.regular_workers, report.revenue, report.avg_income,
                      report.get_classification_display()])  # fmt: skip
    workbook.save(stream)


def main():
    mode, year = sys.argv[1], int(sys.argv[2])
    from bench.run import configure

    configure(sqlite="--sqlite" in sys.argv)
    from coopportal.lib.scope import Scope
    from planning.year_report import write_year_report

    scope = Scope()  # the whole country
    baseline = rss_mb()
    stream = io.BytesIO()
    start = time.perf_counter()
    if mode == "stream":
        write_year_report(year, stream, scope=scope)
    else:
        build_normal(year, scope, stream)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"seconds": seconds, "peak_mb": peak, "growth_mb": peak - baseline, "bytes": len(stream.getvalue())})
    )


if __name__ == "__main__":
    main()
