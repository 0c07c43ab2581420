"""The year-end report as it was written before issue 16 (openpyxl write-only,
one model instance per row), kept only so the benchmark can measure the
portal's writer side by side with it in one run. Not used by the portal."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from coopportal.lib.collation import vietnamese
from coopportal.lib.scope import Scope
from coopportal.lib.xlsx import add_table_sheet, header_cells, safe_cell
from places.models import Province
from planning import drilldown
from planning.measures import MEASURES
from planning.progress import as_number, plan_report
from planning.units import Unit, unit_of

# (sheet title, measure whose records it lists)
RECORD_SHEETS = [
    ("HTX thành lập mới", "htx_registered"),
    ("THT thành lập mới", "tht_established"),
    ("HTX chuyển đổi", "htx_converted"),
    ("Mô hình chuỗi giá trị", "value_chain_models"),
    ("Sản phẩm OCOP", "ocop_supported"),
]
PLAN_HEADERS = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% kế hoạch", "Đánh giá"]
PLAN_WIDTHS = [6, 60, 20, 14, 14, 13, 18]
# Sheets other apps add after the registry's: callables (year, scope) ->
# [(title, headers, rows, widths)], registered from their AppConfig.ready().
REPORT_SHEETS = []


def register_report_sheets(sheets):
    if sheets not in REPORT_SHEETS:
        REPORT_SHEETS.append(sheets)


THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def _cell(sheet, value, *, bold=False, size=None, number_format=None, wrap=False, border=True, align=None):
    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    if bold or size:
        cell.font = Font(bold=bold, size=size or 11)
    if number_format:
        cell.number_format = number_format
    if wrap or align:
        cell.alignment = Alignment(wrap_text=wrap, vertical="top", horizontal=align)
    if border:
        cell.border = BOX
    return cell


def _number_format(unit, value):
    if value is None:
        return None
    return "#,##0" if value == value.to_integral_value() else unit_of(unit).excel_format.rstrip("%")


def _indicator_label(indicator):
    """The name, with the comparison when it is not the usual "at least"."""
    if indicator.comparison == indicator.Comparison.AT_LEAST:
        return indicator.display_name
    return f"{indicator.display_name} ({indicator.get_comparison_display()})"


def _plan_sheet(workbook, year, rows, made_on, scope, area=None):
    sheet = workbook.create_sheet("Kế hoạch")
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "5:5"
    sheet.freeze_panes = "A6"
    for index, width in enumerate(PLAN_WIDTHS):
        sheet.column_dimensions["ABCDEFG"[index]].width = width
    province = Province.objects.filter(code=scope.province).first() if scope.province else None
    title = f"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM {year}"
    sheet.append([_cell(sheet, title, bold=True, size=14, border=False)])
    place = (area.name(province.name) if area else province.name) if province else "Cả nước"
    sheet.append([_cell(sheet, place, bold=True, border=False)])
    sheet.append([_cell(sheet, f"Ngày lập: {made_on:%d/%m/%Y}", border=False)])
    sheet.append([])
    sheet.append(header_cells(sheet, PLAN_HEADERS))
    group = None
    number = 0
    for row in rows:
        indicator = row.indicator
        if indicator.group != group:
            group = indicator.group
            label = f"{ROMAN[indicator.group_order]}. {indicator.get_group_display()}"
            sheet.append([_cell(sheet, label, bold=True)] + [_cell(sheet, None) for _ in range(6)])
        number += 1
        percent = row.percent
        sheet.append(
            [
                _cell(sheet, number, align="center"),
                _cell(sheet, _indicator_label(indicator), wrap=True),
                _cell(sheet, indicator.get_unit_display()),
                _cell(sheet, as_number(row.target), number_format=_number_format(indicator.unit, row.target)),
                _cell(sheet, as_number(row.actual), number_format=_number_format(indicator.unit, row.actual)),
                _cell(
                    sheet,
                    float(percent / 100) if percent is not None else None,
                    number_format=Unit.PERCENT.excel_format.replace("#,##", ""),
                ),
                _cell(sheet, str(row.status.label)),
            ]
        )
    sheet.append([])
    sheet.append(
        [
            _cell(
                sheet,
                _("Figures computed from the registry on %(date)s.") % {"date": f"{made_on:%d/%m/%Y}"},
                border=False,
            )
        ]
    )


def _records_sheet(workbook, title, measure_code, year, scope):
    records = drilldown.prepare(MEASURES[measure_code].records(year, scope))
    model = records.model
    headers = ["STT", *drilldown.headers(model)]
    rows = ([i, *drilldown.cells(obj)] for i, obj in enumerate(records.iterator(chunk_size=2000), start=1))
    add_table_sheet(workbook, title, headers, rows, widths=[6] + [24] * (len(headers) - 1))


REPORT_HEADERS = ["STT", "Mã số HTX", "Tên HTX", "Xã, phường", "Tỉnh, thành phố", "Thành viên", "Lao động thường xuyên",
                  "Doanh thu (đồng)", "Thu nhập bình quân (đồng/người/năm)", "Xếp loại"]  # fmt: skip


def _yearly_reports_sheet(workbook, year, scope):
    """Every HTX's report for the year: the table the province sends upward.
    At national scale it is the largest sheet (one row per cooperative)."""
    reports = MEASURES["htx_regular_jobs"].records(year, scope)
    reports = reports.select_related("cooperative__commune__province").order_by(
        "cooperative__commune__province_id", vietnamese("cooperative__commune__name"), vietnamese("cooperative__name")
    )

    def rows():
        for number, report in enumerate(reports.iterator(chunk_size=2000), start=1):
            coop = report.cooperative
            yield [
                number,
                coop.registration_code,
                coop.name,
                coop.commune.name,
                coop.commune.province.name,
                report.members,
                report.regular_workers,
                report.revenue,
                report.avg_income,
                report.get_classification_display(),
            ]

    add_table_sheet(workbook, "Báo cáo HTX năm", REPORT_HEADERS, rows(), widths=[7, 13, 40, 22, 18, 10, 10, 16, 16, 14])


AWARD_HEADERS = ["STT", "Danh hiệu, hình thức", "Người hoặc tập thể", "Chức vụ, đơn vị", "Quyết định", "Ngày ký",
                 "Thành tích", "Số tiền thưởng (đồng)", "Ghi chú"]  # fmt: skip


def _awards_sheet(workbook, year, scope):
    from awards.models import AwardLine

    lines = AwardLine.objects.counting().for_year(year).with_details().in_list_order()
    if scope.province:
        lines = lines.filter(decision__province_id=scope.province)

    def rows():
        number = 0
        for number, line in enumerate(lines.iterator(chunk_size=2000), start=1):
            person = line.person
            where = ", ".join(p for p in (person.job_title, person.unit) if p) if person else ""
            yield [
                number,
                line.title.name,
                str(line.recipient),
                where,
                line.decision.number,
                line.decision.issued_on,
                line.reason,
                line.reward_amount,  # paid: 0 when a higher award for the same achievement is paid
                line.one_reward_note,
            ]
        if not number:
            yield ["", f"Năm {year} không có khen thưởng nào được ghi nhận."]

    add_table_sheet(workbook, "Khen thưởng", AWARD_HEADERS, rows(), widths=[6, 28, 28, 36, 16, 12, 40, 16, 40])


def write_year_report(year, stream, made_on=None, scope=None):
    """Write the year-end report for ``year`` to ``stream`` (Vietnamese,
    whatever the user's language: it is an official document)."""
    made_on = made_on or timezone.localdate()
    scope = scope or Scope(province=settings.HOME_PROVINCE_CODE)
    with translation.override(settings.LANGUAGE_CODE):
        workbook = Workbook(write_only=True)
        report = plan_report(year, scope)
        _plan_sheet(workbook, year, report.shown, made_on, scope, report.area)
        for title, measure in RECORD_SHEETS:
            _records_sheet(workbook, title, measure, year, report.area.scope)
        _yearly_reports_sheet(workbook, year, report.area.scope)
        _awards_sheet(workbook, year, scope)
        for sheets in REPORT_SHEETS:
            for title, headers, sheet_rows, widths in sheets(year, scope):
                add_table_sheet(workbook, title, headers, sheet_rows, widths=widths)
        workbook.save(stream)


def report_filename(year):
    return f"bao-cao-ket-qua-{year}.xlsx"
