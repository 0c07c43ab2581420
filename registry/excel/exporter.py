"""Export of registry records in exactly the import format: the same
headers, typed cells (numbers as numbers, dates as dates), formula-like text
neutralised. Written in write-only mode, so memory stays flat."""

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from coopportal.lib.xlsx import header_cells, typed_row
from registry.excel.columns import COOPERATIVES, GROUPS


def header_row(sheet, spec):
    return header_cells(sheet, [column.vi for column in spec.columns])


def write_registry(kind, queryset, stream):
    """Write ``queryset`` (cooperatives or groups) to ``stream`` as .xlsx:
    each cell as the sheet's resource renders it (registry.resources)."""
    from registry.resources import RESOURCES

    spec, related = {
        "cooperatives": (COOPERATIVES, ["commune"]),
        "groups": (GROUPS, ["commune", "upgraded_to"]),
    }[kind]
    resource = RESOURCES[kind]()
    fields = resource.get_export_fields()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.append(header_row(sheet, spec))
    count = 0
    for record in queryset.select_related(*related).order_by("pk").iterator(chunk_size=2000):
        sheet.append(typed_row(sheet, [resource.export_field(field, record) for field in fields]))
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{count + 1}"
    workbook.save(stream)
    return count


def write_template(kind, stream):
    """An empty sheet with the headers: the file staff fill in."""
    spec = COOPERATIVES if kind == "cooperatives" else GROUPS
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.append(header_row(sheet, spec))
    workbook.save(stream)


def write_rejected(plan, stream, error_header):
    """The rows that failed, as they were, with one more column saying why:
    staff fix them there and upload the file again."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(plan.sheet.title)
    sheet.freeze_panes = "A2"
    headers = ["" if value is None else str(value) for value in [*plan.headers, error_header]]
    sheet.append(header_cells(sheet, headers))
    width = len(plan.headers)
    for _number, cells, errors in plan.rejected_rows:
        padded = list(cells[:width]) + [None] * (width - len(cells))
        message = "; ".join(f"{e.column}: {e.message}" if e.column else e.message for e in errors)
        sheet.append(typed_row(sheet, [*padded, message]))
    sheet.column_dimensions[get_column_letter(len(headers))].width = 80
    workbook.save(stream)
