"""The simpler sheets in the admin: django-import-export's import and
export action, by role and within the user's area."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from accounts import roles
from registry.models import Cooperative, OcopProduct
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/registry/ocopproduct/import/"
HEADER = ["Tên sản phẩm", "Mã số HTX", "Số sao", "Ngày công nhận", "Liên minh HTX hỗ trợ"]


def _upload(client, rows):
    upload = SimpleUploadedFile("ocop.xlsx", xlsx_bytes(rows))
    return client.post(IMPORT_URL, {"import_file": upload, "format": "0"})


def test_an_officer_previews_and_confirms_an_ocop_file(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    coop = Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()
    response = _upload(client, [HEADER, ["Mật ong bạc hà", coop.registration_code, 4, "20/10/2022", "Có"]])
    assert response.status_code == 200
    assert not response.context["result"].has_validation_errors()
    assert not OcopProduct.objects.filter(name="Mật ong bạc hà").exists()
    confirm = response.context["confirm_form"].initial
    response = client.post("/admin/registry/ocopproduct/process_import/", confirm)
    assert response.status_code == 302
    product = OcopProduct.objects.get(name="Mật ong bạc hà")
    assert (product.cooperative, product.stars, product.alliance_supported) == (coop, 4, True)
    assert product.history.count() == 1


def test_errors_of_every_row_and_nothing_written(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    coop = Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()
    rows = [
        HEADER,
        ["Sản phẩm đúng", coop.registration_code, 4, "20/10/2022", "Có"],
        ["Sản phẩm sai sao", coop.registration_code, 7, "20/10/2022", "Có"],
        ["Sản phẩm sai ngày", "9999999999", 4, "31/02/2022", "Có"],
    ]
    result = _upload(client, rows).context["result"]
    assert [row.number for row in result.invalid_rows] == [3, 4]
    assert set(result.invalid_rows[1].error_dict) == {"Mã số HTX", "Ngày công nhận"}
    assert not OcopProduct.objects.filter(name__startswith="Sản phẩm").exists()


def test_a_leader_may_not_import_but_may_export(client, make_user):
    client.force_login(make_user("lanhdao", roles.LEADERSHIP))
    assert client.get(IMPORT_URL).status_code == 403
    page = client.get("/admin/registry/ocopproduct/").content.decode()
    assert "Nhập từ Excel" not in page and IMPORT_URL not in page
    ids = list(OcopProduct.objects.values_list("pk", flat=True)[:2])
    response = client.post(
        "/admin/registry/ocopproduct/",
        {"action": "export_admin_action", "_selected_action": ids, "format": "0"},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats"), response["Content-Type"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER) and len(rows) == 3


def test_a_cooperative_outside_the_users_area_is_refused(client, make_user):
    client.force_login(make_user("canbo-hanoi", roles.DATA_ENTRY, province="01"))
    coop = Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()
    result = _upload(client, [HEADER, ["Sản phẩm xa", coop.registration_code, 4, "20/10/2022", "Có"]]).context["result"]
    assert "Mã số HTX" in result.invalid_rows[0].error_dict


def test_the_export_is_typed_and_neutralises_formulas():
    from registry.excel.formats import GuardedSpreadsheet
    from registry.resources import OcopProductResource

    product = OcopProduct.objects.order_by("pk").first()
    product.name = "=HYPERLINK(1)"
    product.save()
    data = GuardedSpreadsheet().export_data(OcopProductResource().export(OcopProduct.objects.filter(pk=product.pk)))
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER)
    assert rows[1][0] == "'=HYPERLINK(1)" and isinstance(rows[1][2], int) and hasattr(rows[1][3], "year")


def test_an_office_style_ocop_file_finds_its_header_below_the_title(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    coop = Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()
    rows = [
        ["DANH SÁCH SẢN PHẨM OCOP NĂM 2022"],
        [],
        ["STT", *HEADER],
        [1, "Miến dong", coop.registration_code, 3, "01/09/2022", "Không"],
        [2, "Chè sai sao", coop.registration_code, 7, "01/09/2022", "Không"],
    ]
    result = _upload(client, rows).context["result"]
    assert [(row.number, set(row.error_dict)) for row in result.invalid_rows] == [(5, {"Số sao"})]
