"""Build a year-end report in a fresh process and print its time and peak
memory as JSON: `python bench/report_worker.py MODE YEAR [--province CODE] [--sqlite]`.

Modes:
- "portal": the portal's workbook (reports.workbook, XlsxWriter constant-memory);
- "before": the workbook as it was before issue 16 (bench/report_before.py,
  openpyxl write-only, one model instance per row);
- "normal": the old workbook's sheets unstyled through openpyxl's normal mode;
- "narrative": the drafted Word narrative;
- "writer-xlsxwriter" / "writer-openpyxl": the portal's largest table (the
  HTX's yearly reports), its rows read once, then only the writing timed,
  every cell styled as the portal styles it, with each library.
"""

import datetime
import io
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _status_mb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def rss_mb():
    return _status_mb("VmRSS:")


def peak_mb():
    """The process's own peak resident memory. Not getrusage's ru_maxrss:
    Linux keeps that across fork and exec, so a worker started by the bench
    would report the bench's own size."""
    return _status_mb("VmHWM:")


def build_normal(year, scope, stream):
    """The old report's sheets and rows, through openpyxl's normal (in-memory) mode."""
    from openpyxl import Workbook

    from bench.report_before import PLAN_HEADERS, RECORD_SHEETS, REPORT_HEADERS
    from planning import drilldown
    from planning.measures import MEASURES
    from planning.progress import plan_for_year

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


def largest_table(year, scope):
    from reports.annexes import record_annexes

    annex = record_annexes()[-1]
    return annex.columns_for(scope), [[n, *values] for n, values in enumerate(annex.rows(year, scope), start=1)]


def write_with_xlsxwriter(columns, rows, stream):
    from reports.sheets import Formats, cell_format, new_workbook, write_value

    workbook = new_workbook(stream)
    formats = Formats(workbook)
    sheet = workbook.add_worksheet("Báo cáo HTX năm")
    for index, column in enumerate(columns):
        sheet.write_string(0, index, column.header, formats.header)
    for row, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            write_value(sheet, row, index, value, cell_format(formats, value))
    workbook.close()


def write_with_openpyxl(columns, rows, stream):
    """The same cells through openpyxl's write-only mode, styled alike
    (font, border, number format per cell: write-only cells carry their own)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Border, Font, Side

    side = Side(style="thin")
    box, font = Border(left=side, right=side, top=side, bottom=side), Font(name="Times New Roman", size=12)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Báo cáo HTX năm")
    sheet.append([column.header for column in columns])
    for values in rows:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.font, cell.border = font, box
            if isinstance(value, int):
                cell.number_format = "#,##0"
            elif isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(stream)


def main():
    mode, year = sys.argv[1], int(sys.argv[2])
    province = sys.argv[sys.argv.index("--province") + 1] if "--province" in sys.argv else None
    from bench.run import configure

    configure(sqlite="--sqlite" in sys.argv, database=sys.argv[sys.argv.index("--database") + 1])
    from coopportal.lib.scope import Scope

    scope = Scope(province=province)
    stream = io.BytesIO()
    rows = None
    if mode.startswith("writer-"):
        columns, rows = largest_table(year, scope)
    baseline = rss_mb()
    start = time.perf_counter()
    if mode == "portal":
        from reports.workbook import write_year_report

        write_year_report(year, stream, scope=scope)
    elif mode == "before":
        from bench.report_before import write_year_report

        write_year_report(year, stream, scope=scope)
    elif mode == "narrative":
        from reports.narrative import write_narrative

        write_narrative(year, stream, scope=scope)
    elif mode == "normal":
        build_normal(year, scope, stream)
    elif mode == "writer-xlsxwriter":
        write_with_xlsxwriter(columns, rows, stream)
    elif mode == "writer-openpyxl":
        write_with_openpyxl(columns, rows, stream)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    seconds = time.perf_counter() - start
    peak = peak_mb()
    result = {"seconds": seconds, "peak_mb": peak, "growth_mb": peak - baseline, "bytes": len(stream.getvalue())}
    if rows is not None:
        result["rows"] = len(rows)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
