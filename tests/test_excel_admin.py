import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from registry.models import Cooperative
from tests.excel_helpers import read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/registry/cooperative/import/"
CONFIRM_URL = "/admin/registry/cooperative/import/confirm/"
HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"]
GOOD = [HEADER, ["5209400001", "Hợp tác xã Qua Trang Quản Trị", "04606", "01/07/2021"]]
BAD = [HEADER, ["5209400002", "Hợp tác xã Ngày Sai", "04606", "31/02/2021"], ["123", "Công ty", "04606", "01/07/2021"]]


def _upload(client, rows, name="htx.xlsx"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, xlsx_bytes(rows))})


def test_upload_previews_then_confirm_writes(admin_client):
    response = _upload(admin_client, GOOD)
    assert response.status_code == 200
    plan = response.context["plan"]
    assert plan.ok and len(plan.created) == 1
    assert not Cooperative.objects.filter(registration_code="5209400001").exists()  # nothing before confirm
    response = admin_client.post(CONFIRM_URL, {"token": response.context["token"]})
    assert response.status_code == 302
    assert Cooperative.objects.filter(registration_code="5209400001").exists()


def test_a_bad_file_lists_errors_and_offers_the_rejected_rows(admin_client):
    response = _upload(admin_client, BAD)
    page = response.content.decode()
    assert "31/02/2021" in page
    assert "không phải là ngày hợp lệ" in page
    assert response.context["plan"].errors
    rejected = admin_client.get(response.context["rejected_url"])
    assert rejected.status_code == 200
    rows = read_xlsx(rejected.content)
    assert rows[0] == [*HEADER, "Lỗi"]
    assert [r[0] for r in rows[1:]] == ["5209400002", "123"]
    assert "Ngày đăng ký" in rows[1][-1]
    # and confirming such a file writes nothing
    admin_client.post(CONFIRM_URL, {"token": response.context["token"]})
    assert not Cooperative.objects.filter(registration_code="5209400002").exists()


def test_a_non_spreadsheet_gets_a_message_not_a_500(admin_client):
    response = admin_client.post(IMPORT_URL, {"file": SimpleUploadedFile("notes.xlsx", b"plain text")})
    assert response.status_code == 200
    assert "không phải tệp Excel" in response.content.decode()


def test_a_token_from_another_session_is_refused(admin_client, django_user_model):
    token = _upload(admin_client, GOOD).context["token"]
    other = django_user_model.objects.create_superuser("other", "o@example.org", "another-long-password")
    another_session = Client()  # admin_client is the ``client`` fixture itself
    another_session.force_login(other)
    assert another_session.post(CONFIRM_URL, {"token": token}).status_code == 404
    assert not Cooperative.objects.filter(registration_code="5209400001").exists()


def test_the_template_and_export_action(admin_client):
    template = admin_client.get("/admin/registry/cooperative/import/template.xlsx")
    assert read_xlsx(template.content)[0][:2] == ["Mã số HTX", "Tên HTX"]
    ids = list(Cooperative.objects.values_list("pk", flat=True)[:3])
    response = admin_client.post("/admin/registry/cooperative/", {"action": "export_xlsx", "_selected_action": ids})
    assert response.status_code == 200
    assert len(read_xlsx(response.content)) == 4


def test_import_needs_add_and_change_permission(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="a-long-test-password", is_staff=True)
    client.force_login(viewer)
    assert client.get(IMPORT_URL).status_code == 403
