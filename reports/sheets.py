"""Printable sheets in the administrative form, written with XlsxWriter in
constant-memory mode: each row goes to disk as it is written, so memory
stays flat however long the table.

Every cell carries an explicit Times New Roman format (LibreOffice falls
back to a serif of its own for a bold style without a font name), every
sheet prints on A4, fitted to one page wide, with its header rows repeated
and page numbers in the footer.
"""

import datetime
from decimal import Decimal

from xlsxwriter.utility import xl_rowcol_to_cell

FONT = "Times New Roman"
SIZE = 12
# Wider than this (in character units) a table prints landscape.
PORTRAIT_WIDTH = 120
# Height of one line of 12 pt text, in points.
LINE_HEIGHT = 15.75
FOOTER = '&C&"Times New Roman,Regular"&11Trang &P/&N'


class Formats:
    """The workbook's cell formats, made once and shared by its sheets."""

    def __init__(self, workbook):
        def fmt(**properties):
            return workbook.add_format({"font_name": FONT, "font_size": SIZE, **properties})

        box = {"border": 1, "valign": "vcenter"}
        self.plain = fmt()
        self.center = fmt(align="center", valign="vcenter")
        self.center_bold = fmt(align="center", valign="vcenter", bold=True)
        self.center_italic = fmt(align="center", valign="vcenter", italic=True)
        self.center_bold_underline = fmt(align="center", valign="vcenter", bold=True, underline=1)
        self.title = fmt(align="center", valign="vcenter", bold=True, font_size=14)
        self.subtitle = fmt(align="center", valign="vcenter", bold=True, text_wrap=True)
        self.left_italic = fmt(italic=True)
        self.left_bold_italic = fmt(italic=True, bold=True)
        self.small = fmt(font_size=11)
        self.header = fmt(bold=True, align="center", text_wrap=True, bg_color="#DDE7F3", **box)
        self.header_number = fmt(italic=True, align="center", font_size=10, **box)
        self.section = fmt(bold=True, text_wrap=True, **box)
        self.text = fmt(text_wrap=True, **box)
        self.text_center = fmt(text_wrap=True, align="center", **box)
        self.integer = fmt(num_format="#,##0", **box)
        self.decimal = fmt(num_format="#,##0.0", **box)
        self.decimal2 = fmt(num_format="#,##0.00", **box)
        self.percent = fmt(num_format="0.0", **box)
        self.date = fmt(num_format="dd/mm/yyyy", align="center", **box)
        self.total_text = fmt(bold=True, text_wrap=True, **box)
        self.total_integer = fmt(bold=True, num_format="#,##0", **box)
        self.blank = fmt(**box)


def new_workbook(stream):
    """A workbook writing to ``stream`` (a path or a binary file object)."""
    import xlsxwriter

    return xlsxwriter.Workbook(
        stream,
        {
            "constant_memory": True,
            "default_format_properties": {"font_name": FONT, "font_size": SIZE},
            "strings_to_formulas": False,  # text from the registry is never run as a formula
            "strings_to_urls": False,
        },
    )


def print_setup(sheet, widths, header_row, *, landscape=None):
    """A4, one page wide, ``header_row`` (0-based) repeated on every page,
    page numbers in the footer, fixed column widths."""
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.set_paper(9)
    if landscape if landscape is not None else sum(widths) > PORTRAIT_WIDTH:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_footer(FOOTER)
    sheet.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.7)
    sheet.center_horizontally()


def cell_format(formats, value):
    if isinstance(value, bool) or value is None:
        return formats.blank
    if isinstance(value, int):
        return formats.integer
    if isinstance(value, (float, Decimal)):
        return formats.decimal2
    if isinstance(value, (datetime.date, datetime.datetime)):
        return formats.date
    return formats.text


def write_value(sheet, row, column, value, cell):
    """One cell, typed: numbers as numbers, dates as dates, text as text."""
    if value is None or value == "":
        sheet.write_blank(row, column, None, cell)
    elif isinstance(value, bool):
        sheet.write_string(row, column, "x" if value else "", cell)
    elif isinstance(value, (int, float, Decimal)):
        sheet.write_number(row, column, float(value) if isinstance(value, Decimal) else value, cell)
    elif isinstance(value, datetime.datetime):
        sheet.write_datetime(row, column, value.replace(tzinfo=None), cell)
    elif isinstance(value, datetime.date):
        sheet.write_datetime(row, column, datetime.datetime(value.year, value.month, value.day), cell)
    else:
        sheet.write_string(row, column, str(value), cell)


def merged(sheet, row, first, last, value, cell):
    if first == last:
        write_value(sheet, row, first, value, cell)
    else:
        sheet.merge_range(row, first, row, last, value, cell)


def sum_formula(column, first_row, last_row):
    """=SUM over a column's data rows (0-based, inclusive)."""
    return f"=SUM({xl_rowcol_to_cell(first_row, column)}:{xl_rowcol_to_cell(last_row, column)})"


def text_width(text):
    """``text``'s width in the unit of column widths (the "0" of the default
    font): in Times New Roman a lowercase letter is about 0.85 of it, a
    capital 1.35, a space 0.5."""
    uppers = sum(map(str.isupper, text))
    return 0.85 * len(text) + 0.5 * uppers - 0.35 * text.count(" ")


def fits(text, width):
    """Surely on one line: even all in capitals it would fit."""
    return len(text) * 1.35 <= width - 1


def lines_needed(text, width):
    """How many lines wrapped ``text`` takes in a column ``width`` wide.
    Spreadsheets do not grow a row for wrapped text a program wrote, so the
    writer sets the height itself."""
    if not isinstance(text, str) or not text or fits(text, width):
        return 1
    room = max(1.0, width - 1)
    if text_width(text) <= room:
        return 1
    lines, used = 1, 0.0
    for word in text.split():
        size = text_width(word)
        if used and used + 0.5 + size > room:
            lines, used = lines + 1, 0.0
        used += size + (0.5 if used else 0.0)
        while used > room:
            lines, used = lines + 1, used - room
    return lines


def fit_row(sheet, row, values, widths):
    """Set the row's height to its tallest wrapped cell (only when above one line)."""
    lines = max(lines_needed(value, width) for value, width in zip(values, widths, strict=False))
    if lines > 1:
        sheet.set_row(row, LINE_HEIGHT * lines + 2)
