"""Import failures a person understands: the losing one of two concurrent
imports says so in one line, and the import button is shown only to those
who may import."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

import registry.resources as resources
from accounts import roles
from places.models import Commune
from registry.models import Cooperative
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"],
    ["5209600001", "Hợp tác xã Về Sau", "04606", "01/07/2021"],
]


@pytest.fixture
def raced(monkeypatch, tmp_path):
    """The file's code is taken by another import between this one's checks and its write."""
    checked = resources.plan_import

    def plan_then_lose_the_race(*args, **kwargs):
        plan = checked(*args, **kwargs)
        Cooperative.objects.create(
            registration_code="5209600001",
            name="Hợp tác xã Đến Trước",
            commune=Commune.objects.get(code="04606"),
            registration_date="2021-07-01",
        )
        return plan

    monkeypatch.setattr(resources, "plan_import", plan_then_lose_the_race)
    path = tmp_path / "htx.xlsx"
    path.write_bytes(xlsx_bytes(ROWS))
    return path


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Another import added these codes meanwhile; nothing was imported."),
        ("vi", "Một lần nhập khác vừa thêm các mã này; không có gì được nhập."),
    ],
)
def test_the_losing_import_says_so_in_one_line(raced, language, message):
    with pytest.raises(CommandError) as failed:
        call_command("import_registry", "cooperatives", str(raced), "--language", language)
    assert str(failed.value) == message
    assert failed.value.__cause__ is None and failed.value.__suppress_context__
    assert Cooperative.objects.get(registration_code="5209600001").name == "Hợp tác xã Đến Trước"


CHANGELIST = "/admin/registry/cooperative/"


@pytest.mark.parametrize(("role", "shown"), [(roles.LEADERSHIP, False), (roles.DATA_ENTRY, True)])
def test_the_import_button_only_for_roles_that_may_import(client, make_user, role, shown):
    client.force_login(make_user("someone", role))
    with translation.override("vi"):
        page = client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    assert ("Nhập từ Excel" in page.content.decode()) is shown
    assert ("/admin/registry/cooperative/import/" in page.content.decode()) is shown
