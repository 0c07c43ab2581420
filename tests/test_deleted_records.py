"""Deleted records: an administrator lists those of the scope, with who
deleted each and when, and restores one with its reports as far as they
were kept; nobody else does."""

import datetime

import pytest
from django.contrib import admin

from accounts import roles
from places.models import Commune
from registry.models import Cooperative, CooperativeReport
from tests.test_restore_permissions import post_data

pytestmark = pytest.mark.django_db

LIST = "/admin/registry/cooperative/deleted/"


@pytest.fixture
def deleted(client, make_user):
    """A Trạm Tấu HTX with a 2022 report, both deleted by a provincial
    administrator (the report first: the HTX is protected while it has one)."""
    coop = Cooperative.objects.create(
        registration_code="5209800001",
        name="Hợp tác xã Đã Xóa",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2015, 6, 1),
    )
    report = CooperativeReport.objects.create(cooperative=coop, year=2022, members=12)
    remover = make_user("xoa15", roles.ADMINISTRATOR)
    client.force_login(remover)
    assert client.post(f"/admin/registry/cooperativereport/{report.pk}/delete/", {"post": "yes"}).status_code == 302
    assert client.post(f"/admin/registry/cooperative/{coop.pk}/delete/", {"post": "yes"}).status_code == 302
    client.logout()
    return coop.pk, report.pk


def test_the_administrator_lists_deleted_records_with_who_and_when(client, make_user, deleted):
    pk, _report = deleted
    client.force_login(make_user("quantri15", roles.ADMINISTRATOR))
    page = client.get(LIST)
    assert page.status_code == 200
    [row] = [r for r in page.context["records"] if r.id == pk]
    assert row.history_user.username == "xoa15"
    assert row.history_date.date() == datetime.date.today()
    assert "Hợp tác xã Đã Xóa" in page.content.decode()
    # its history answers too, instead of a 404
    assert client.get(f"/admin/registry/cooperative/{pk}/history/").status_code == 200


def test_deleted_records_of_another_province_are_not_listed(client, make_user, deleted):
    pk, _report = deleted
    client.force_login(make_user("quantri01", roles.ADMINISTRATOR, province="01"))
    assert pk not in [r.id for r in client.get(LIST).context["records"]]
    assert client.get(f"/admin/registry/cooperative/{pk}/history/").status_code == 404


@pytest.mark.parametrize("role", [roles.DATA_ENTRY, roles.LEADERSHIP], ids=["entry", "leader"])
def test_only_administrators_see_the_list(client, make_user, role):
    client.force_login(make_user("khong-quantri", role))
    assert client.get(LIST).status_code == 403


def test_the_administrator_restores_a_deleted_htx_with_its_report(client, make_user, deleted):
    pk, report_pk = deleted
    client.force_login(make_user("quantri15", roles.ADMINISTRATOR))
    last = Cooperative.history.filter(id=pk, history_type="-").get()
    url = f"/admin/registry/cooperative/{pk}/history/{last.history_id}/"
    page = client.get(url)
    assert page.status_code == 200
    assert client.post(url, post_data(page.context["adminform"].form)).status_code == 302
    coop = Cooperative.objects.get(pk=pk)
    assert coop.name == "Hợp tác xã Đã Xóa"
    assert list(coop.reports.values_list("pk", "year", "members")) == [(report_pk, 2022, 12)]
    assert [(c.status, c.changed_on) for c in coop.status_changes.all()] == [("operating", datetime.date(2015, 6, 1))]
    assert coop.history.latest().history_user.username == "quantri15"


def test_a_data_entry_officer_cannot_restore_a_deleted_htx(client, make_user, deleted):
    pk, _report = deleted
    client.force_login(make_user("nhaplieu15", roles.DATA_ENTRY))
    last = Cooperative.history.filter(id=pk, history_type="-").get()
    url = f"/admin/registry/cooperative/{pk}/history/{last.history_id}/"
    assert client.post(url, {"name": "Hợp tác xã Đã Xóa"}).status_code == 403
    assert not Cooperative.objects.filter(pk=pk).exists()


def test_the_list_is_linked_from_the_administrators_list_page(client, make_user):
    client.force_login(make_user("quantri15", roles.ADMINISTRATOR))
    assert f'href="{LIST}"' in client.get("/admin/registry/cooperative/").content.decode()
    client.force_login(make_user("nhaplieu15", roles.DATA_ENTRY))
    assert f'href="{LIST}"' not in client.get("/admin/registry/cooperative/").content.decode()


@pytest.mark.parametrize(
    "model", [m for m in admin.site._registry if hasattr(m, "history")], ids=lambda m: m._meta.model_name
)
def test_every_model_with_history_has_the_list(client, make_user, model):
    client.force_login(make_user("quantri15", roles.ADMINISTRATOR))
    opts = model._meta
    assert client.get(f"/admin/{opts.app_label}/{opts.model_name}/deleted/").status_code == 200
