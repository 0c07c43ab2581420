"""Paths around the scope that are easy to miss: old versions in the
history, spreadsheet imports, plan rows of communes, inline rows, users."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest

from accounts import roles
from places.models import Commune
from planning.models import Indicator, ManualActual
from registry.excel.formats import FileRejected
from registry.excel.importer import import_file
from registry.models import Cooperative, DataVersion
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db


def test_old_versions_outside_the_scope_are_a_404(client, make_user):
    coop = Cooperative.objects.filter(commune__province_id="15").first()
    version = coop.history.earliest()
    client.force_login(make_user("hanoi", roles.DATA_ENTRY, province="01"))
    url = f"/admin/registry/cooperative/{coop.pk}/history/{version.history_id}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Hợp tác xã Chiếm Đoạt", "commune": "00004"}).status_code == 404
    coop.refresh_from_db()
    assert coop.name != "Hợp tác xã Chiếm Đoạt"


def test_an_import_does_not_reach_outside_the_users_area(make_user):
    hanoi = make_user("hanoi-import", roles.DATA_ENTRY, province="01")
    lao_cai = Cooperative.objects.filter(commune__province_id="15").first()
    rows = [
        ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"],
        [lao_cai.registration_code, "Hợp tác xã Đổi Chủ", "00004", lao_cai.registration_date],
        ["0109000001", "Hợp tác xã Lạc Tỉnh", "04606", "01/01/2022"],
    ]
    plan, counts = import_file("cooperatives", xlsx_bytes(rows), "f.xlsx", user=hanoi)
    assert counts is None
    assert {(e.row, e.column) for e in plan.errors} == {(2, "Mã số HTX"), (3, "Mã xã")}
    assert lao_cai.name not in " ".join(e.message for e in plan.errors)  # nothing about it is told
    lao_cai.refresh_from_db()
    assert lao_cai.name != "Hợp tác xã Đổi Chủ"


def test_a_commune_officer_sees_only_the_communes_plan_rows(client, make_user):
    officer = make_user("xa", roles.DATA_ENTRY, communes=[Commune.objects.get(code="04606")])
    indicator = Indicator.objects.create(code="typed_in", name="Chỉ tiêu nhập tay")
    province_wide = ManualActual.objects.create(
        indicator=indicator, year=2021, province_id="15", value=Decimal(25), as_of=datetime.date(2021, 12, 31)
    )
    own = ManualActual.objects.create(
        indicator=indicator,
        year=2021,
        province_id="15",
        commune_id="04606",
        value=Decimal(3),
        as_of=datetime.date(2021, 12, 1),
    )
    client.force_login(officer)
    listed = client.get("/admin/planning/manualactual/").context["cl"].result_list
    assert list(listed) == [own]
    assert client.get(f"/admin/planning/manualactual/{province_wide.pk}/change/").status_code == 404


def test_a_provincial_plan_manager_cannot_add_a_national_target(client, make_user):
    client.force_login(make_user("kehoach", roles.PLAN_MANAGER))
    indicator = Indicator.objects.get(code="htx_new")
    url = f"/admin/planning/indicator/{indicator.pk}/change/"
    page = client.get(url)
    data = {k: v for k, v in page.context["adminform"].form.initial.items() if v is not None}
    formset = page.context["inline_admin_formsets"][0].formset
    data.update(
        {
            f"{formset.prefix}-TOTAL_FORMS": "1",
            f"{formset.prefix}-INITIAL_FORMS": "0",
            f"{formset.prefix}-0-year": "2030",
            f"{formset.prefix}-0-value": "10",
            f"{formset.prefix}-0-province": "",
        }
    )
    assert client.post(url, data).status_code == 403
    assert not indicator.targets.filter(year=2030).exists()


def test_a_provincial_administrator_manages_only_the_provinces_users(client, make_user, django_user_model):
    admin15 = make_user("quantri15", roles.ADMINISTRATOR)
    hanoi = make_user("nguoi-hanoi", roles.LEADERSHIP, province="01")
    make_user("nguoi-laocai", roles.LEADERSHIP)
    client.force_login(admin15)
    names = {u.username for u in client.get("/admin/auth/user/").context["cl"].result_list}
    assert "nguoi-laocai" in names and "nguoi-hanoi" not in names and "boss" not in names
    assert client.get(f"/admin/auth/user/{hanoi.pk}/change/").status_code == 404
    form = client.get(f"/admin/auth/user/{admin15.pk}/change/").context["adminform"].form
    assert "is_superuser" not in form.fields  # read-only for a provincial administrator


def test_moving_a_commune_makes_cached_figures_stale():
    before = DataVersion.current()
    commune = Commune.objects.get(code="04606")
    commune.save()
    assert DataVersion.current() > before


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e999999999", "-inf"])
def test_absurd_numbers_are_cell_errors_not_crashes(value):
    rows = [["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký", "Vốn điều lệ (đồng)"]]
    rows.append(["5209900001", "Hợp tác xã Số Lạ", "04606", "01/01/2022", value])
    plan, counts = import_file("cooperatives", xlsx_bytes(rows), "f.xlsx")
    assert counts is None
    assert [(e.row, e.column) for e in plan.errors] == [(2, "Vốn điều lệ (đồng)")]


def test_a_damaged_sheet_inside_a_valid_workbook_is_rejected():
    good = xlsx_bytes([["Mã số HTX"], ["5209900002"]])
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut off mid-element
            target.writestr(item, data)
    with pytest.raises(FileRejected):
        import_file("cooperatives", damaged.getvalue(), "f.xlsx")


@pytest.mark.parametrize("url", ["/dashboard/0001/", "/api/plan/9999/", "/reports/1200.xlsx", "/awards/3000/"])
def test_a_year_out_of_range_is_a_404(leader_client, url):
    assert leader_client.get(url).status_code == 404


def test_incomes_not_reported_do_not_lower_the_average(leader_client):
    from coopportal.lib.scope import Scope
    from planning.measures import evaluate
    from registry.models import CooperativeReport

    # A commune of Hà Nội, where the demo has no HTX: three HTX reporting 2021.
    commune = Commune.objects.filter(province_id="01").order_by("code").first()
    for number, (workers, income) in enumerate([(10, 40_000_000), (30, 60_000_000), (20, 0)]):
        coop = Cooperative.objects.create(
            registration_code=f"01099990{number:02d}",
            name=f"Hợp tác xã Thu Nhập {number}",
            commune=commune,
            registration_date=datetime.date(2020, 1, 6),
        )
        CooperativeReport.objects.create(cooperative=coop, year=2021, regular_workers=workers, avg_income=income)
    average = evaluate({"htx_income_avg"}, [2021], Scope(province="01", communes=frozenset([commune.code])))
    # (10 × 40 + 30 × 60) / 40 = 55 million; counting the unreported 0 would give 2,200 / 60 = 36.7
    assert average[("htx_income_avg", 2021)] == Decimal("55")


def test_the_dashboard_counts_the_awards_of_the_province_in_view(client, django_user_model):
    boss = django_user_model.objects.create_superuser("quocgia", "q@example.org", "a-long-test-password")
    client.force_login(boss)
    assert client.get("/dashboard/2021/?province=15").context["award_count"] > 0
    assert client.get("/dashboard/2021/?province=01").context["award_count"] == 0
