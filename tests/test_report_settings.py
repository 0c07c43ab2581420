"""The report's settings (issuing body, place, signer, recipients), one
record per province, edited by administrators in the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.roles import ADMINISTRATOR, LEADERSHIP
from places.models import Province
from reports.models import ReportSettings

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reports_reportsettings_changelist")


def _change(pk):
    return reverse("admin:reports_reportsettings_change", args=[pk])


def test_the_demo_seeds_the_alliance_of_the_seed_article():
    settings = ReportSettings.objects.get(province_id="15")
    assert (settings.issuing_body, settings.signer_title, settings.signer_name) == (
        "LIÊN MINH HTX TỈNH LÀO CAI", "CHỦ TỊCH", "Đỗ Nhân Đạo"
    )  # fmt: skip
    assert settings.recipient_lines == ["UBND tỉnh;", "Liên minh HTX Việt Nam;", "Lưu: VT."]
    assert settings.number_line == "Số: …/BC-LMHTX"
    assert settings.date_line == "Lào Cai, ngày … tháng … năm …"


def test_the_area_names_the_former_province_for_the_years_it_set_the_plan():
    settings = ReportSettings.objects.get(province_id="15")
    assert settings.area_line(2021, "Tỉnh Lào Cai") == "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai"
    assert settings.area_line(2025, "Tỉnh Lào Cai") == "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai"
    assert settings.area_line(2026, "Tỉnh Lào Cai") == "Tỉnh Lào Cai"


def test_a_former_province_needs_its_last_year_and_the_other_way_round():
    settings = ReportSettings(
        province=Province.objects.get(code="01"), issuing_body="X", place="Hà Nội", signer_title="CHỦ TỊCH"
    )
    settings.former_province = "Hà Tây"
    with pytest.raises(ValidationError, match="tỉnh cũ"):
        settings.full_clean()
    settings.former_province, settings.former_until_year = "", 2008
    with pytest.raises(ValidationError):
        settings.full_clean()
    settings.former_province = "Hà Tây"
    settings.full_clean()


def test_an_administrator_edits_the_settings_in_the_admin(make_user, client):
    client.force_login(make_user("quantri", ADMINISTRATOR))
    settings = ReportSettings.objects.get(province_id="15")
    assert client.get(CHANGELIST).status_code == 200
    page = client.get(_change(settings.pk))
    assert page.status_code == 200
    assert "Đỗ Nhân Đạo" in page.content.decode()
    data = {
        "province": "15",
        "parent_body": "",
        "issuing_body": "LIÊN MINH HTX TỈNH LÀO CAI",
        "document_code": "BC-LMHTX",
        "place": "Lào Cai",
        "former_province": "Yên Bái",
        "former_until_year": "2025",
        "signer_authority": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Nguyễn Văn B",
        "recipients": "UBND tỉnh;\r\nLưu: VT.",
    }
    response = client.post(_change(settings.pk), data)
    assert response.status_code == 302
    settings.refresh_from_db()
    assert (settings.signer_authority, settings.signer_name) == ("KT. CHỦ TỊCH", "Nguyễn Văn B")
    assert settings.recipient_lines == ["UBND tỉnh;", "Lưu: VT."]


def test_leadership_reads_reports_but_does_not_edit_their_settings(make_user, client):
    client.force_login(make_user("lanhdao2", LEADERSHIP))
    settings = ReportSettings.objects.get(province_id="15")
    assert client.get(CHANGELIST).status_code == 403
    assert client.post(_change(settings.pk), {"signer_name": "X"}).status_code == 403
    settings.refresh_from_db()
    assert settings.signer_name == "Đỗ Nhân Đạo"
    assert client.get("/reports/2021.xlsx").status_code == 200


def test_a_provincial_administrator_sees_only_the_own_provinces_settings(make_user, client):
    other = ReportSettings.objects.create(
        province_id="01", issuing_body="LIÊN MINH HTX THÀNH PHỐ HÀ NỘI", place="Hà Nội", signer_title="CHỦ TỊCH"
    )
    client.force_login(make_user("quantri15", ADMINISTRATOR, province="15"))
    assert client.get(_change(other.pk)).status_code == 404
    assert "HÀ NỘI" not in client.get(CHANGELIST).content.decode()
