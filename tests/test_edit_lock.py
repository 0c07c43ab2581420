"""Two officers edit the same record: the second save, from a form opened
before the first was saved, is refused with who changed what and when, and
nothing is overwritten."""

import datetime

import pytest
from django.test import Client

from accounts import roles
from registry.models import Cooperative, CooperativeReport, GroupReport
from tests.form_helpers import admin_form_data

pytestmark = pytest.mark.django_db

# 03:42 UTC is 10:42 in Asia/Ho_Chi_Minh (UTC+7).
CHANGED_AT = datetime.datetime(2026, 11, 30, 3, 42, tzinfo=datetime.UTC)


@pytest.fixture
def officers(make_user):
    """Two data-entry officers, each with a browser (a test client)."""
    hoa = make_user("hoa", roles.DATA_ENTRY)
    hoa.first_name, hoa.last_name = "Lê Thị", "Hoa"
    hoa.save()
    browsers = []
    for user in [hoa, make_user("nam", roles.DATA_ENTRY)]:
        client = Client()
        client.force_login(user)
        browsers.append(client)
    return browsers


def _backdate_latest(record):
    record.history.filter(history_id=record.history.latest().history_id).update(history_date=CHANGED_AT)


def test_the_second_save_from_a_stale_form_is_refused_with_who_and_when(officers):
    hoa, nam = officers
    report = CooperativeReport.objects.order_by("pk").first()
    members = report.members
    url = f"/admin/registry/cooperativereport/{report.pk}/change/"
    form_hoa = admin_form_data(hoa.get(url))
    form_nam = admin_form_data(nam.get(url))

    form_hoa["avg_income"] = "64.000.000"
    assert hoa.post(url, form_hoa).status_code == 302
    _backdate_latest(report)

    form_nam["members"] = "77"
    response = nam.post(url, form_nam)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "Hồ sơ đã được Lê Thị Hoa sửa lúc 10:42 30/11/2026 (thu nhập bình quân (đồng/người/năm)) sau khi bạn mở trang. "
        "Chưa có gì được lưu: hãy tải lại trang rồi nhập lại thay đổi của bạn."
    ]
    report.refresh_from_db()
    assert (report.avg_income, report.members) == (64_000_000, members)

    # Reloaded, the same change goes through.
    form_nam = admin_form_data(nam.get(url))
    form_nam["members"] = "77"
    assert nam.post(url, form_nam).status_code == 302
    report.refresh_from_db()
    assert (report.avg_income, report.members) == (64_000_000, 77)


def test_an_unchanged_stale_form_does_not_write_back_old_values(officers):
    _hoa, nam = officers
    report = GroupReport.objects.order_by("pk").first()
    url = f"/admin/registry/groupreport/{report.pk}/change/"
    form_nam = admin_form_data(nam.get(url))
    report.members = 99
    report.save()  # e.g. by an import
    assert nam.post(url, form_nam).status_code == 200
    report.refresh_from_db()
    assert report.members == 99


def test_a_stale_inline_row_is_refused_and_nothing_of_the_page_is_saved(officers):
    hoa, nam = officers
    coop = Cooperative.objects.filter(reports__isnull=False).order_by("pk").first()
    coop_url = f"/admin/registry/cooperative/{coop.pk}/change/"
    form_nam = admin_form_data(nam.get(coop_url))
    report = coop.reports.order_by("-year").first()  # the first inline row ("reports-0")
    assert form_nam["reports-0-id"] == str(report.pk)

    report_url = f"/admin/registry/cooperativereport/{report.pk}/change/"
    form_hoa = admin_form_data(hoa.get(report_url))
    form_hoa["regular_workers"] = "12"
    assert hoa.post(report_url, form_hoa).status_code == 302

    # Nam's page still shows the report as it was: saving it would put it back.
    form_nam["representative_phone"] = "0912 345 678"
    response = nam.post(coop_url, form_nam)
    assert response.status_code == 200
    [inline] = [i for i in response.context["inline_admin_formsets"] if i.formset.prefix == "reports"]
    assert inline.formset.forms[0].non_field_errors()[0].startswith("Hồ sơ đã được Lê Thị Hoa sửa lúc ")
    coop.refresh_from_db()
    report.refresh_from_db()
    assert coop.representative_phone != "0912 345 678"
    assert report.regular_workers == 12


def test_an_inline_row_saved_meanwhile_without_a_change_does_not_block(officers):
    _hoa, nam = officers
    coop = Cooperative.objects.filter(reports__isnull=False).order_by("pk").first()
    coop_url = f"/admin/registry/cooperative/{coop.pk}/change/"
    form_nam = admin_form_data(nam.get(coop_url))
    report = coop.reports.order_by("-year").first()
    report.save()  # a new history row, the same values
    form_nam["representative_phone"] = "0912 345 678"
    assert nam.post(coop_url, form_nam).status_code == 302
    coop.refresh_from_db()
    assert coop.representative_phone == "0912 345 678"


def test_a_stale_restore_is_refused(admin_client, officers):
    hoa, _nam = officers
    coop = Cooperative.objects.order_by("pk").first()
    first = coop.history.earliest()
    restore_url = f"/admin/registry/cooperative/{coop.pk}/history/{first.history_id}/"
    restore_form = admin_form_data(admin_client.get(restore_url))

    change_url = f"/admin/registry/cooperative/{coop.pk}/change/"
    form_hoa = admin_form_data(hoa.get(change_url))
    form_hoa["representative"] = "Lê Thị Hoa"
    assert hoa.post(change_url, form_hoa).status_code == 302

    response = admin_client.post(restore_url, restore_form)
    assert response.status_code == 200
    assert "Hồ sơ đã được Lê Thị Hoa sửa lúc" in response.context["adminform"].form.non_field_errors()[0]
    coop.refresh_from_db()
    assert coop.representative == "Lê Thị Hoa"


def test_the_message_names_the_change_in_english(officers):
    hoa, nam = officers
    nam.cookies["django_language"] = "en"
    report = CooperativeReport.objects.order_by("pk").first()
    url = f"/admin/registry/cooperativereport/{report.pk}/change/"
    form_nam = admin_form_data(nam.get(url))
    form_hoa = admin_form_data(hoa.get(url))
    form_hoa["revenue"] = "1.200.000.000"
    assert hoa.post(url, form_hoa).status_code == 302
    _backdate_latest(report)
    response = nam.post(url, form_nam)
    assert response.context["adminform"].form.non_field_errors() == [
        "This record was changed by Lê Thị Hoa at 30/11/2026 10:42 (revenue (VND)) after you opened it. "
        "Nothing was saved: reload the page and enter your change again."
    ]


def test_a_read_only_page_carries_no_version(client, make_user):
    client.force_login(make_user("lanhdao", roles.LEADERSHIP))
    report = CooperativeReport.objects.order_by("pk").first()
    page = client.get(f"/admin/registry/cooperativereport/{report.pk}/change/").content.decode()
    assert "edit_version" not in page
    assert "Edit version" not in page
