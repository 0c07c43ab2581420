"""Writing spreadsheets people open in Excel: typed cells, and text that a
spreadsheet would run as a formula neutralised."""

import datetime
from decimal import Decimal

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# OWASP's trigger set for CSV/formula injection.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Numbers and dates stay typed; text that starts like a formula gets a
    leading apostrophe (OWASP's advice), so a spreadsheet shows it as text."""
    if value is None or isinstance(value, (bool, int, float, Decimal, datetime.date, datetime.datetime)):
        if isinstance(value, Decimal):
            return float(value) if value != value.to_integral_value() else int(value)
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


DATE_FORMAT = "dd/mm/yyyy"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"


def typed_row(sheet, values):
    """Cells for a write-only sheet: safe text, dates as dates shown
    dd/mm/yyyy, numbers with thousands grouping (Excel shows the user's own
    separators, "1.234" in a Vietnamese Excel). Text goes in as plain values:
    a styled cell object per value costs more than the rest of the row."""
    from openpyxl.cell import WriteOnlyCell

    row = []
    for value in values:
        if isinstance(value, (datetime.date, datetime.datetime)):
            number_format = DATE_FORMAT
        elif isinstance(value, int) and not isinstance(value, bool):
            number_format = INTEGER_FORMAT
        elif isinstance(value, (float, Decimal)):
            number_format = DECIMAL_FORMAT
        else:
            row.append(safe_cell(value))
            continue
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        cell.number_format = number_format
        row.append(cell)
    return row


def header_cells(sheet, headers):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=safe_cell(str(header)))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cells.append(cell)
    return cells


def add_table_sheet(workbook, title, headers, rows, widths=None):
    """A sheet that is a proper table: bold frozen header, column widths,
    an autofilter over the rows. ``rows`` may be a generator."""
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    for index, header in enumerate(headers):
        width = widths[index] if widths else max(12, min(45, len(str(header)) + 4))
        sheet.column_dimensions[_column_letter(index)].width = width
    sheet.append(header_cells(sheet, headers))
    count = 0
    for values in rows:
        sheet.append(typed_row(sheet, values))
        count += 1
    if headers:
        sheet.auto_filter.ref = f"A1:{_column_letter(len(headers) - 1)}{count + 1}"
    return sheet


def table_workbook(title, headers, rows, stream):
    """Write one table sheet streaming ``rows`` into ``stream``: memory stays
    flat however many rows there are."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    add_table_sheet(workbook, title, headers, rows)
    workbook.save(stream)


def _column_letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def xlsx_response(filename, write):
    """A download of the workbook that ``write(stream)`` produces."""
    import io

    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    stream = io.BytesIO()
    write(stream)
    response = HttpResponse(stream.getvalue(), content_type=XLSX_CONTENT_TYPE)
    # RFC 6266/5987: a Vietnamese file name arrives as it is written.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
