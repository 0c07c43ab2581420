"""Export of registry records in exactly the import format: the same
headers, typed cells (numbers as numbers, dates as dates), formula-like text
neutralised. Written in write-only mode, so memory stays flat."""

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from coopportal.lib.xlsx import header_cells, typed_row
from registry.excel.columns import EXAMPLE_NOTE, NOTES_HEADER, SHEETS, TEMPLATE_NOTES, TEMPLATE_ROWS


def header_row(worksheet, layout):
    return header_cells(worksheet, [column.vi for column in layout.columns])


def write_registry(kind, queryset, stream):
    """Write ``queryset`` (cooperatives or groups) to ``stream`` as .xlsx:
    each cell as the sheet's resource renders it (registry.resources)."""
    from registry.resources import RESOURCES

    layout = SHEETS[kind]
    resource = RESOURCES[kind]()
    fields = resource.get_export_fields()
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(layout.title)
    worksheet.freeze_panes = "A2"
    for index, column in enumerate(layout.columns, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = column.width
    worksheet.append(header_row(worksheet, layout))
    count = 0
    for record in queryset.select_related(*layout.related).order_by("pk").iterator(chunk_size=2000):
        worksheet.append(typed_row(worksheet, [resource.export_field(field, record) for field in fields]))
        count += 1
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(layout.columns))}{count + 1}"
    workbook.save(stream)
    return count


# How each kind of column is written, for the notes sheet.
_FORMATS = {
    "text": "Chữ",
    "date": "Ngày, dạng dd/mm/yyyy (ví dụ 01/07/2021), hoặc ô kiểu Ngày của Excel",
    "integer": "Số nguyên, ví dụ 25 hoặc 1.234",
    "money": "Số tiền bằng đồng, ví dụ 1.500.000.000",
    "bool": "Có hoặc Không (chọn trong danh sách)",
    "choice": "Chọn trong danh sách",
    "commune_code": "Mã xã, phường theo danh mục hành chính (5 chữ số)",
    "commune_name": "Tên xã, phường hiện nay, hoặc địa chỉ trước năm 2025 (xã, huyện, tỉnh)",
}


def write_template(kind, stream):
    """The file staff fill in: the headers, an example row (marked in the
    Ghi chú column: left in, it is refused), a drop-down list (data
    validation) on every choice column, and a notes sheet explaining each
    column. Small, so written in openpyxl's normal mode."""
    from openpyxl import Workbook as FullWorkbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    layout = SHEETS[kind]
    workbook = FullWorkbook()
    worksheet = workbook.active
    worksheet.title = layout.title
    lists = workbook.create_sheet("Danh mục")
    notes = workbook.create_sheet("Hướng dẫn")
    headers = [column.vi for column in layout.columns] + [NOTES_HEADER]
    worksheet.append(headers)
    worksheet.append([layout.example.get(column.key) for column in layout.columns] + [EXAMPLE_NOTE])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F3")
    for cell in worksheet[2]:
        cell.font = Font(italic=True, color="808080")
    worksheet.freeze_panes = "A2"
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = column.width
        if column.kind == "date":
            worksheet[f"{letter}2"].number_format = "dd/mm/yyyy"
    worksheet.column_dimensions[get_column_letter(len(headers))].width = 30
    # One column of the "Danh mục" sheet per choice column, and a list
    # validation pointing at it (a literal list is limited to 255 characters).
    list_column = 0
    for index, column in enumerate(layout.columns, start=1):
        options = column.options
        if not options:
            continue
        list_column += 1
        source = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=column.vi).font = Font(bold=True)
        for row, option in enumerate(options, start=2):
            lists.cell(row=row, column=list_column, value=option)
        lists.column_dimensions[source].width = 28
        validation = DataValidation(
            type="list",
            formula1=f"'Danh mục'!${source}$2:${source}${len(options) + 1}",
            allow_blank=not column.required,
            showErrorMessage=True,
            errorTitle=column.vi,
            error="Hãy chọn một giá trị trong danh sách.",
        )
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
        worksheet.add_data_validation(validation)
    notes.append(["Cột", "Bắt buộc", "Cách ghi", "Giá trị được chọn"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in layout.columns:
        notes.append(
            [
                column.vi,
                "Có" if column.required else "",
                _FORMATS.get(column.kind, ""),
                "; ".join(column.options),
            ]
        )
    notes.append([])
    for line in TEMPLATE_NOTES:
        notes.append([line])
    for letter, width in zip("ABCD", (32, 10, 60, 60), strict=True):
        notes.column_dimensions[letter].width = width
    workbook.save(stream)


def write_rejected(plan, stream, error_header):
    """The rows that failed, as they were, with one more column saying why:
    staff fix them there and upload the file again."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(plan.sheet.title)
    worksheet.freeze_panes = "A2"
    headers = ["" if value is None else str(value) for value in [*plan.headers, error_header]]
    worksheet.append(header_cells(worksheet, headers))
    width = len(plan.headers)
    for _number, cells, errors in plan.rejected_rows:
        padded = list(cells[:width]) + [None] * (width - len(cells))
        message = "; ".join(f"{e.column}: {e.message}" if e.column else e.message for e in errors)
        worksheet.append(typed_row(worksheet, [*padded, message]))
    worksheet.column_dimensions[get_column_letter(len(headers))].width = 80
    workbook.save(stream)
