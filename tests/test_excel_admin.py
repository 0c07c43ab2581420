import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from registry.models import Cooperative
from tests.excel_helpers import read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/registry/cooperative/import/"
CONFIRM_URL = "/admin/registry/cooperative/process_import/"
HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"]
GOOD = [HEADER, ["5209400001", "Hợp tác xã Qua Trang Quản Trị", "04606", "01/07/2021"]]
BAD = [HEADER, ["5209400002", "Hợp tác xã Ngày Sai", "04606", "31/02/2021"], ["123", "Công ty", "04606", "01/07/2021"]]


def _upload(client, rows, name="htx.xlsx"):
    return client.post(IMPORT_URL, {"import_file": SimpleUploadedFile(name, xlsx_bytes(rows)), "format": "0"})


def _confirm(client, response):
    """Post back the library's confirm form, as the confirm button does."""
    return client.post(CONFIRM_URL, response.context["confirm_form"].initial)


def test_upload_previews_then_confirm_writes(admin_client):
    response = _upload(admin_client, GOOD)
    assert response.status_code == 200
    plan = response.context["plan"]
    assert plan.ok and len(plan.created) == 1
    assert not Cooperative.objects.filter(registration_code="5209400001").exists()  # nothing before confirm
    response = _confirm(admin_client, response)
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
    # and no confirm is offered; posting one anyway writes nothing
    assert response.context.get("confirm_form") is None
    admin_client.post(
        CONFIRM_URL,
        {"import_file_name": response.context["token"], "original_file_name": "htx.xlsx", "format": "0"},
    )
    assert not Cooperative.objects.filter(registration_code="5209400002").exists()


def test_a_non_spreadsheet_gets_a_message_not_a_500(admin_client):
    response = admin_client.post(
        IMPORT_URL, {"import_file": SimpleUploadedFile("notes.xlsx", b"plain text"), "format": "0"}
    )
    assert response.status_code == 200
    assert "không phải tệp Excel" in response.content.decode()


def test_a_token_from_another_session_is_refused(admin_client, django_user_model):
    confirm = _upload(admin_client, GOOD).context["confirm_form"].initial
    other = django_user_model.objects.create_superuser("other", "o@example.org", "another-long-password")
    another_session = Client()  # admin_client is the ``client`` fixture itself
    another_session.force_login(other)
    assert another_session.post(CONFIRM_URL, confirm).status_code == 404
    assert not Cooperative.objects.filter(registration_code="5209400001").exists()


def test_the_template_and_export_action(admin_client):
    template = admin_client.get("/admin/registry/cooperative/import/template.xlsx")
    assert read_xlsx(template.content)[0][:2] == ["Mã số HTX", "Tên HTX"]
    ids = list(Cooperative.objects.values_list("pk", flat=True)[:3])
    response = admin_client.post("/admin/registry/cooperative/", {"action": "export_xlsx", "_selected_action": ids})
    assert response.status_code == 200
    assert len(read_xlsx(response.content)) == 4


def test_the_import_page_is_the_librarys_import_view(admin_client):
    from import_export.admin import ImportMixin

    from registry.admin import CooperativeAdmin

    response = admin_client.get(IMPORT_URL)
    assert response.status_code == 200
    assert response.resolver_match.func.__name__ == "import_action"
    assert CooperativeAdmin.import_action is not ImportMixin.import_action  # extends it, through super()
    assert issubclass(CooperativeAdmin, ImportMixin)


def test_the_preview_shows_every_column_as_read_and_old_to_new_for_updates(admin_client):
    coop = Cooperative.objects.order_by("pk").first()
    header = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký", "Vốn điều lệ (đồng)"]
    rows = [
        header,
        ["5209400003", "Hợp tác xã Xem Trước", "04606", "05/03/2021", "1.500.000"],
        [
            coop.registration_code,
            "Hợp tác xã Đổi Tên Khi Xem",
            coop.commune_id,
            coop.registration_date.strftime("%d/%m/%Y"),
            coop.charter_capital,
        ],
    ]
    response = _upload(admin_client, rows)
    preview = response.context["preview"]
    assert preview["headers"] == header
    assert preview["created"] == [["5209400003", "Hợp tác xã Xem Trước", "04606", "05/03/2021", "1.500.000"]]
    assert preview["updated"] == [
        ("Hợp tác xã Đổi Tên Khi Xem", [("Tên HTX", coop.name, "Hợp tác xã Đổi Tên Khi Xem")])
    ]
    page = response.content.decode()
    assert "05/03/2021" in page and "Hợp tác xã Đổi Tên Khi Xem" in page and f"<del>{coop.name}</del>" in page
    assert Cooperative.objects.get(pk=coop.pk).name == coop.name  # nothing before confirm


def test_a_stale_confirm_writes_nothing(admin_client):
    response = _upload(admin_client, GOOD)
    Cooperative.objects.create(
        registration_code="5209400001",
        name="Hợp tác xã Đến Trước",
        commune_id="04606",
        registration_date="2021-06-01",  # another cooperative took the code meanwhile
    )
    response = _confirm(admin_client, response)
    assert response.status_code == 302 and response.url == IMPORT_URL
    assert Cooperative.objects.get(registration_code="5209400001").name == "Hợp tác xã Đến Trước"


def test_import_needs_add_and_change_permission(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", password="a-long-test-password", is_staff=True)
    client.force_login(viewer)
    assert client.get(IMPORT_URL).status_code == 403
