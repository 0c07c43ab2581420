"""The year-end report workbook: the plan sheet in the administrative form of
Decree 30/2020/NĐ-CP (issuing body, national motto, number and date line,
title, area, the table, recipients and signature), then the annexes and a
notes sheet with the measures' definitions.

Written with XlsxWriter's constant-memory mode (measured against openpyxl's
write-only mode in bench/: faster with every cell styled, memory as flat).
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.functional import Promise

from coopportal.lib.scope import Scope
from places.models import Province
from planning.measures import MEASURES
from reports.annexes import AWARD_COLUMNS, HEADER_ROW, Column, award_count, award_rows, record_annexes, write_table
from reports.figures import SECTIONS, plan_area_scope, plan_lines
from reports.models import ReportSettings
from reports.sheets import Formats, fit_row, merged, new_workbook, print_setup, write_value

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
PLAN_SHEET = "Kế hoạch"
PLAN_WIDTHS = [6, 42, 19, 12, 13, 12, 10, 10, 18]
LEFT = (0, 2)  # columns of the issuing body's block
RIGHT = (3, 8)  # columns of the national motto's block
REPORT_TITLE = "Kết quả thực hiện kế hoạch phát triển kinh tế tập thể, hợp tác xã năm %(year)s"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def plan_headers(year, made_on):
    """The plan table's columns; before the year ends its actual is an estimate."""
    actual = f"Ước thực hiện năm {year}" if made_on.year <= year else f"Thực hiện năm {year}"
    return ["STT", "Chỉ tiêu", "Đơn vị tính", f"Thực hiện năm {year - 1}", f"Kế hoạch năm {year}", actual,
            "TH/KH (%)", f"So với năm {year - 1} (%)", "Ghi chú"]  # fmt: skip


def alliance_work_annexes(year, scope):
    """The Alliance's own work (members, fund loans, training, advice, trade,
    households) as annex tables, from the support app's report sheets:
    [(sheet name, title, columns, rows, noun)]."""
    from support.report import report_sheets

    annexes = []
    for title, headers, rows, widths, summed in report_sheets(year, scope):
        columns = [
            Column(str(header), width, summed=adds_up)
            for header, width, adds_up in zip(headers, widths, summed, strict=True)
        ]
        # The support app numbers its rows (the annex numbers them itself)
        # and may give labels as lazy translations.
        cells = ([str(v) if isinstance(v, Promise) else v for v in row[1:]] for row in rows)
        annexes.append((title, f"{title.upper()} NĂM {year}", columns, cells, "bản ghi"))
    return annexes


class Context:
    """What every part of the report needs: year, scope, settings, date."""

    def __init__(self, year, scope, made_on):
        self.year, self.scope, self.made_on = year, scope, made_on
        province = Province.objects.filter(code=scope.province).first() if scope.province else None
        self.settings = ReportSettings.for_province(province)
        self.area = self.settings.area_line(year, province.name) if province else "Cả nước"


def write_form_header(sheet, formats, context, widths_left=LEFT, widths_right=RIGHT):
    """Rows 0-2: parent and issuing body, number | motto, date line."""
    report = context.settings
    sheet.set_row(0, 18)
    sheet.set_row(1, 18)
    merged(sheet, 0, *widths_left, report.parent_body.upper(), formats.center)
    merged(sheet, 0, *widths_right, MOTTO[0], formats.center_bold)
    merged(sheet, 1, *widths_left, report.issuing_body.upper(), formats.center_bold_underline)
    merged(sheet, 1, *widths_right, MOTTO[1], formats.center_bold_underline)
    merged(sheet, 2, *widths_left, report.number_line, formats.center)
    merged(sheet, 2, *widths_right, report.date_line, formats.center_italic)


def write_signature(sheet, formats, context, row, widths_left=LEFT, widths_right=RIGHT):
    """ "Nơi nhận:" on the left, the signer on the right, from ``row``."""
    report = context.settings
    left = [("Nơi nhận:", formats.left_bold_italic)] + [(f"- {r}", formats.small) for r in report.recipient_lines]
    right = [(t, formats.center_bold) for t in (report.signer_authority.upper(), report.signer_title.upper()) if t]
    right += [("", formats.plain)] * 4 + [(report.signer_name, formats.center_bold)]
    for offset in range(max(len(left), len(right))):
        if offset < len(left):
            merged(sheet, row + offset, *widths_left, *left[offset])
        if offset < len(right):
            merged(sheet, row + offset, *widths_right, *right[offset])
    return row + max(len(left), len(right))


def write_plan_sheet(workbook, formats, context):
    year = context.year
    sheet = workbook.add_worksheet(PLAN_SHEET)
    header_row = 8
    print_setup(sheet, PLAN_WIDTHS, header_row, landscape=True)
    last = len(PLAN_WIDTHS) - 1
    write_form_header(sheet, formats, context)
    sheet.set_row(4, 22)
    merged(sheet, 4, 0, last, "BÁO CÁO", formats.title)
    sheet.set_row(5, 20)
    merged(sheet, 5, 0, last, REPORT_TITLE % {"year": year}, formats.subtitle)
    merged(sheet, 6, 0, last, context.area, formats.center_italic)
    sheet.set_row(header_row, 48)
    for index, header in enumerate(plan_headers(year, context.made_on)):
        sheet.write_string(header_row, index, header, formats.header)
    for index in range(len(PLAN_WIDTHS)):
        sheet.write_string(header_row + 1, index, f"({index + 1})", formats.header_number)
    sheet.freeze_panes(header_row + 2, 0)
    finished = context.made_on.year > year
    lines = plan_lines(year, context.scope)
    row = header_row + 1
    titles = dict(SECTIONS)
    section, number, numbered = None, 0, 0
    for line in lines:
        if line.section != section:
            section, number = line.section, 0
            row += 1
            sheet.merge_range(row, 0, row, last, f"{ROMAN[numbered]}. {titles[section]}", formats.section)
            numbered += 1
        number += 1
        row += 1
        target = line.target_text or line.target
        number_cell = formats.decimal if line.is_rate else formats.integer
        values = [
            (number, formats.text_center),
            (line.name, formats.text),
            (line.unit, formats.text_center),
            (line.shown(line.previous), number_cell),
            (target, formats.text_center if line.target_text else number_cell),
            (line.shown(line.actual), number_cell),
            (line.percent, formats.percent),
            (line.versus_previous, formats.percent),
            (line.note(finished), formats.text),
        ]
        fit_row(sheet, row, [value for value, _cell in values], PLAN_WIDTHS)
        for index, (value, cell) in enumerate(values):
            write_value(sheet, row, index, value, cell)
    row += 2
    fit_row(sheet, row, ["x" * 150], [sum(PLAN_WIDTHS)])
    merged(
        sheet,
        row,
        0,
        last,
        f"Số liệu tính từ cơ sở dữ liệu HTX, THT ngày {context.made_on:%d/%m/%Y}; "
        "TH/KH (%) = thực hiện ÷ kế hoạch × 100. Cách tính từng chỉ tiêu: xem trang Ghi chú.",
        formats.left_italic,
    )
    write_signature(sheet, formats, context, row + 2)
    return lines


def write_notes_sheet(workbook, formats, context, lines):
    """The definitions of the measures: how each figure is obtained."""
    sheet = workbook.add_worksheet("Ghi chú")
    widths = [6, 42, 50, 40]
    print_setup(sheet, widths, HEADER_ROW)
    merged(sheet, 0, 0, 3, f"GHI CHÚ CÁCH TÍNH CÁC CHỈ TIÊU NĂM {context.year}", formats.title)
    merged(sheet, 1, 0, 3, context.area, formats.center_italic)
    sheet.set_row(HEADER_ROW, 32)
    for index, header in enumerate(["STT", "Chỉ tiêu", "Cách tính", "Căn cứ giao chỉ tiêu"]):
        sheet.write_string(HEADER_ROW, index, header, formats.header)
    row = HEADER_ROW
    for number, line in enumerate(lines, start=1):
        row += 1
        definition = line.definition + (f" ({line.evidence})" if line.evidence else "")
        values = [number, line.name, definition, line.target_source]
        fit_row(sheet, row, values, widths)
        for index, value in enumerate(values):
            write_value(sheet, row, index, value, formats.text_center if index == 0 else formats.text)
    general = [
        "TH/KH (%): thực hiện chia kế hoạch nhân 100, làm tròn một chữ số thập phân (87/65 → 133,8).",
        "So với năm trước (%): thực hiện năm báo cáo chia thực hiện năm trước nhân 100.",
        f"Số liệu tính từ cơ sở dữ liệu HTX, THT ngày {context.made_on:%d/%m/%Y}.",
    ]
    for text in general:
        row += 1
        fit_row(sheet, row, [text], [sum(widths)])
        sheet.merge_range(row, 0, row, 3, text, formats.text)
    return sheet


class RowCounter:
    """Tells ``progress(sheet, rows written, rows to write)`` how far the
    annexes are, every CHUNK rows (a background job shows it)."""

    CHUNK = 1000

    def __init__(self, progress, total):
        self.progress, self.total, self.done = progress, total, 0

    def sheet(self, name, rows=()):
        self.progress(name, self.done, self.total)
        for row in rows:
            self.done += 1
            if not self.done % self.CHUNK:
                self.progress(name, self.done, self.total)
            yield row


def rows_to_write(year, scope):
    """The rows of the annexes that list records and awards: what a
    progress bar counts (the Alliance's own sheets are short)."""
    area = plan_area_scope(year, scope)
    count = sum(MEASURES[annex.measure].records(year, area).count() for annex in record_annexes())
    return count + award_count(year, scope)


def write_year_report(year, stream, made_on=None, scope=None, progress=None):
    """Write the year-end report for ``year`` to ``stream`` (a path or a
    binary file), in Vietnamese whatever the user's language: it is an
    official document. ``progress(sheet, rows written, rows to write)``,
    if given, hears how far it is."""
    made_on = made_on or timezone.localdate()
    scope = scope or Scope(province=settings.HOME_PROVINCE_CODE)
    counter = RowCounter(progress, rows_to_write(year, scope)) if progress else None

    def counted(sheet, rows):
        return counter.sheet(sheet, rows) if counter else rows

    with translation.override("vi"):
        context = Context(year, scope, made_on)
        workbook = new_workbook(stream)
        workbook.set_properties({"title": f"Báo cáo kết quả thực hiện kế hoạch năm {year}", "author": "coopportal"})
        formats = Formats(workbook)
        if counter:
            counter.progress(PLAN_SHEET, 0, counter.total)
        lines = write_plan_sheet(workbook, formats, context)
        subtitle = f"(Kèm theo Báo cáo số …/{context.settings.document_code}; {context.area})"
        # The records behind the plan's figures, over the area the plan was set for.
        area = plan_area_scope(year, scope)
        for annex in record_annexes():
            title, columns = f"{annex.title} {year}", annex.columns_for(scope)
            rows = counted(annex.sheet, annex.rows(year, area))
            write_table(workbook, formats, annex.sheet, title, subtitle, columns, rows, annex.noun)
        for sheet, title, columns, rows, noun in alliance_work_annexes(year, scope):
            if counter:
                counter.progress(sheet, counter.done, counter.total)
            write_table(workbook, formats, sheet, title, subtitle, columns, rows, noun)
        write_table(
            workbook, formats, "Khen thưởng", f"DANH SÁCH KHEN THƯỞNG NĂM {year}", subtitle, AWARD_COLUMNS,
            counted("Khen thưởng", award_rows(year, scope)), "lượt",
            empty=f"Năm {year} không có khen thưởng nào được ghi nhận.",
        )  # fmt: skip
        if counter:
            counter.progress("Ghi chú", counter.done, counter.total)
        write_notes_sheet(workbook, formats, context, lines)
        workbook.close()


def report_filename(year, extension="xlsx"):
    return f"bao-cao-ket-qua-{year}.{extension}"
