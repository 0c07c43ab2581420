"""The template staff fill in: an example row, a drop-down list on every
choice column, a notes sheet, a Vietnamese file name; and a template filled
in imports (the example row, left in, is refused with a clear message)."""

import io
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from registry.models import Cooperative

pytestmark = pytest.mark.django_db

TEMPLATE_URL = "/admin/registry/cooperative/import/template.xlsx"


def _template(client, url=TEMPLATE_URL):
    response = client.get(url)
    assert response.status_code == 200
    return response, load_workbook(io.BytesIO(response.content))


def test_the_template_has_a_vietnamese_file_name(admin_client):
    response, _book = _template(admin_client)
    assert unquote(response["Content-Disposition"].split("''", 1)[1]) == "Mẫu nhập hợp tác xã.xlsx"


def test_the_template_has_an_example_row_and_a_notes_sheet(admin_client):
    _response, book = _template(admin_client)
    assert book.sheetnames == ["Hợp tác xã", "Danh mục", "Hướng dẫn"]
    sheet = book["Hợp tác xã"]
    header = [c.value for c in sheet[1]]
    example = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert header[:2] == ["Mã số HTX", "Tên HTX"] and header[-1] == "Ghi chú"
    assert example["Tên HTX"] == "Hợp tác xã Chè Shan tuyết Trạm Tấu"
    assert example["Ghi chú"] == "Dòng ví dụ: xóa trước khi nhập"
    notes = [row[0] for row in book["Hướng dẫn"].iter_rows(values_only=True)]
    for column in header[:-1]:
        assert column in notes


def test_every_choice_column_has_a_drop_down_list(admin_client):
    _response, book = _template(admin_client)
    sheet = book["Hợp tác xã"]
    header = [c.value for c in sheet[1]]
    lists = book["Danh mục"]
    offered = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        column = header[next(iter(validation.sqref.ranges)).min_col - 1]
        source = validation.formula1.split("!")[1].replace("$", "")
        offered[column] = [c.value for row in lists[source] for c in row]
    assert set(offered) == {"Loại hình", "Ngành nghề", "Tình trạng", "Theo Luật HTX"}
    assert offered["Loại hình"] == ["Hợp tác xã", "Liên hiệp hợp tác xã"]
    assert offered["Theo Luật HTX"] == ["Có", "Không"]
    assert "Tạm ngừng hoạt động" in offered["Tình trạng"] and len(offered["Tình trạng"]) == 6
    assert "Nông, lâm, thủy sản" in offered["Ngành nghề"]


def test_the_groups_template_lists_the_groups_statuses(admin_client):
    _response, book = _template(admin_client, "/admin/registry/cooperativegroup/import/template.xlsx")
    header = [c.value for c in book["Tổ hợp tác"][1]]
    columns = {
        header[next(iter(v.sqref.ranges)).min_col - 1] for v in book["Tổ hợp tác"].data_validations.dataValidation
    }
    assert columns == {"Ngành nghề", "Tình trạng"}


def _upload(client, book):
    stream = io.BytesIO()
    book.save(stream)
    upload = SimpleUploadedFile("mau.xlsx", stream.getvalue())
    return client.post("/admin/registry/cooperative/import/", {"import_file": upload, "format": "0"})


def test_the_example_row_left_in_is_refused_and_a_filled_template_imports(admin_client):
    _response, book = _template(admin_client)
    response = _upload(admin_client, book)
    plan = response.context["plan"]
    assert [(e.row, e.column) for e in plan.errors] == [(2, "Ghi chú")]
    assert "example row" in plan.errors[0].message or "dòng ví dụ" in plan.errors[0].message
    sheet = book["Hợp tác xã"]
    sheet["A2"], sheet["B2"] = "5209920001", "Hợp tác xã Điền Mẫu"
    sheet.cell(row=2, column=sheet.max_column).value = None  # the example's mark, in Ghi chú
    response = _upload(admin_client, book)
    assert response.context["plan"].ok, response.context["plan"].errors
    admin_client.post("/admin/registry/cooperative/process_import/", response.context["confirm_form"].initial)
    coop = Cooperative.objects.get(registration_code="5209920001")
    assert (coop.founding_members, coop.status, coop.under_law) == (7, Cooperative.Status.OPERATING, True)
