import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from coopportal.lib.scope import Scope
from places.models import Commune
from planning.measures import MEASURES
from planning.models import Indicator, ManualActual
from registry.models import Cooperative

pytestmark = pytest.mark.django_db

SEED_2021 = {
    # code: (target, actual, percent at one decimal, status)
    "htx_new": (65, 87, 133.8, "exceeded"),
    "tht_new": (1000, 1183, 118.3, "exceeded"),
    "htx_converted": (20, 30, 150.0, "exceeded"),
    "htx_value_chain": (3, 5, 166.7, "exceeded"),
    "ocop_products": (5, 5, 100.0, "achieved"),
    "poor_households_escaped": (15, 25, 166.7, "exceeded"),
    "htx_effective": (None, 309, None, "no_target"),
}
TARGETS_2022 = {
    "htx_new": 80,
    "tht_new": 300,
    "htx_new_lawful_share": 100,
    "new_manager_trained_share": 100,
    "htx_good_share": 62,
    "htx_manager_degree_share": 22,
    "htx_income_avg": 60,
    "tht_income_avg": 45,
    "htx_regular_jobs": 9000,
}


def _api(client, year, **params):
    response = client.get(f"/api/plan/{year}/", params)
    assert response.status_code == 200
    return {row["code"]: row for row in response.json()["indicators"]}


def test_the_api_gives_the_seed_2021_results(leader_client):
    rows = _api(leader_client, 2021)
    for code, (target, actual, percent, status) in SEED_2021.items():
        row = rows[code]
        assert (row["target"], row["actual"], row["percent_of_plan"], row["status"]) == (
            target,
            actual,
            percent,
            status,
        ), code


def test_the_api_gives_the_2022_targets_and_comparisons(leader_client):
    rows = _api(leader_client, 2022)
    assert {code: rows[code]["target"] for code in TARGETS_2022} == TARGETS_2022
    assert rows["htx_good_share"]["comparison"] == "gte"
    assert rows["htx_manager_degree_share"]["comparison"] == "gt"
    assert rows["htx_regular_jobs"]["comparison"] == "gt"
    assert rows["htx_income_avg"]["unit"] == "million_vnd"
    assert all(rows[code]["status"] != "no_target" for code in TARGETS_2022)


def test_the_api_uses_json_numbers_and_null(leader_client):
    rows = _api(leader_client, 2021)
    assert isinstance(rows["htx_new"]["actual"], int)
    assert isinstance(rows["htx_new"]["percent_of_plan"], float)
    assert rows["htx_effective"]["percent_of_plan"] is None


def _typed_in_indicator():
    """Every demo figure is computed: an indicator whose actual is typed in."""
    return Indicator.objects.create(code="typed_in", name="Chỉ tiêu nhập tay")


def test_the_latest_manual_actual_counts(leader_client, django_user_model):
    indicator = _typed_in_indicator()
    ManualActual.objects.create(
        indicator=indicator,
        year=2021,
        province_id="15",
        value=Decimal(25),
        as_of=datetime.date(2021, 12, 31),
    )
    ManualActual.objects.create(
        indicator=indicator,
        year=2021,
        province_id="15",
        former_province="15",  # the 2021 plan is the former Yên Bái's
        value=Decimal(27),
        as_of=datetime.date(2022, 1, 20),
        note="Bổ sung",
    )
    assert _api(leader_client, 2021)["typed_in"]["actual"] == 27


def test_the_dashboard_shows_the_seed_percentages(leader_client):
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert "133,8%" in page
    assert "118,3%" in page
    assert "166,7%" in page
    assert "1.183" in page
    assert "Thành lập mới HTX" in page


def test_the_dashboard_shows_134_at_zero_decimals(leader_client, settings):
    settings.PLAN_PERCENT_DECIMALS = 0
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert "134%" in page
    assert "133,8%" not in page


def test_the_dashboard_speaks_english_when_asked(leader_client):
    leader_client.post("/i18n/setlang/", {"language": "en", "next": "/dashboard/2021/"})
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert "New HTX established" in page
    assert "133.8%" in page


def test_the_home_page_opens_the_latest_planned_year(leader_client):
    # The demo plans 2021 and 2022 only: this year has no plan.
    assert timezone.localdate().year > 2022
    response = leader_client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/dashboard/2022/"


def test_the_home_page_opens_this_year_when_it_has_a_plan(leader_client):
    from planning.models import Target

    this_year = timezone.localdate().year
    Target.objects.create(indicator=Indicator.objects.get(code="htx_new"), year=this_year, province_id="15", value=70)
    response = leader_client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == f"/dashboard/{this_year}/"


def test_the_year_switcher_offers_every_year_with_targets_or_data(leader_client):
    years = leader_client.get("/dashboard/2022/").context["years"]
    # reports 2020–2022, targets 2021–2022, and this year
    assert years == [timezone.localdate().year, 2022, 2021, 2020]


@pytest.mark.parametrize(
    "url",
    [
        "/dashboard/2021/",
        "/api/plan/2021/",
        "/api/figures/2021/",
        "/dashboard/2021/htx_new/",
        "/dashboard/trend/htx_new/",
        "/registry/",
    ],
)
def test_anonymous_users_get_no_data(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/login/")


@pytest.mark.parametrize(
    "code", ["htx_new", "tht_new", "htx_converted", "htx_value_chain", "ocop_products", "htx_effective"]
)
def test_drilldown_counts_equal_the_figures(leader_client, code):
    figure = _api(leader_client, 2021)[code]["actual"]
    response = leader_client.get(f"/dashboard/2021/{code}/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == figure


def test_the_drilldown_of_new_htx_lists_the_87(leader_client):
    response = leader_client.get("/dashboard/2021/htx_new/")
    assert len(response.context["rows"]) == 87
    assert all(cells[3].year == 2021 for _url, cells in response.context["rows"])


def test_a_manual_indicator_has_no_drilldown(leader_client):
    _typed_in_indicator()
    assert leader_client.get("/dashboard/2021/typed_in/").status_code == 404


def test_the_commune_filter_narrows_figures_and_records(leader_client):
    commune = Cooperative.objects.registered_in(2021).values_list("commune", flat=True).first()
    expected = Cooperative.objects.cooperatives().registered_in(2021).filter(commune=commune).count()
    assert 0 < expected < 87
    assert _api(leader_client, 2021, commune=commune)["htx_new"]["actual"] == expected
    response = leader_client.get("/dashboard/2021/htx_new/", {"commune": commune})
    assert response.context["page"].paginator.count == expected
    assert MEASURES["htx_registered"].records(2021, Scope(communes=frozenset([commune]))).count() == expected


def test_an_unknown_commune_is_a_404(leader_client):
    assert leader_client.get("/api/plan/2021/", {"commune": "99999"}).status_code == 404


def test_the_breakdown_by_commune_adds_up(leader_client):
    response = leader_client.get("/dashboard/2021/")
    position = [r.indicator.code for r in response.context["count_rows"]].index("htx_new")
    assert sum(counts[position] for _n, _c, counts in response.context["breakdown_rows"]) == 87


def test_the_drilldown_exports_a_typed_workbook(leader_client):
    coop = Cooperative.objects.registered_in(2021).first()
    coop.name = "Hợp tác xã =HYPERLINK(1)"
    coop.save()
    response = leader_client.get("/dashboard/2021/htx_new/", {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 88  # header + 87
    assert isinstance(rows[1][3], datetime.datetime)  # registration date stays a date
    names = [r[1] for r in rows[1:]]
    assert "Hợp tác xã =HYPERLINK(1)" in names


def _add_htx(n, year=2021):
    commune = Commune.objects.get(code="04606")
    for i in range(n):
        Cooperative.objects.create(
            registration_code=f"52077{i:05d}",
            name=f"Hợp tác xã Thêm {i}",
            commune=commune,
            registration_date=datetime.date(year, 6, 1),
        )


# The dashboard's queries: session, user, the user's profile and its
# communes (the scope), indicators, targets, manual actuals, the registry's
# data version (the figures' cache key; the tests run without a cache), the
# marks of communes whose figures changed (none), which parts and years the
# summary rows hold, the registry's summary rows added up by part, year and
# commune (planning.summary), one aggregate for
# the supported households (the poor-households indicator) and one for the
# training participants (the trained managers of new organisations), which
# are read directly; the province's communes, the province in view, the
# years with targets or manual actuals, the first and last years of yearly
# reports, the count of the year's awards, and the home province for the
# page header; for the section on the Alliance's work the data version again
# and one aggregate per table of its records (members, loans, disbursements,
# classes, participants, cases, founding cases, trade participations,
# households).
DASHBOARD_QUERIES = 29
# Just after a write, before the summary rows are added up, the marked
# communes' rows are recomputed, however many records were written: a
# savepoint, the data version's row locked, the marks, the parts and years
# computed so far, the provinces of the marked communes' rows, those rows
# deleted, one aggregate grouped by commune per registry table
# (cooperatives, their reports, groups, their reports, OCOP products,
# value-chain models) restricted to those communes, the new rows inserted;
# the provinces' rows deleted, added up again from their communes' and
# inserted; the marks deleted, the savepoint released.
AFTER_A_WRITE = 18
# session, user, profile and its communes (the scope), indicators, targets,
# manual actuals, the registry's data version, the marks, the parts and years
# held, the summary rows added up, the poor households' aggregate and the
# training participants' aggregate
API_QUERIES = 13


@pytest.mark.parametrize("added", [1, 40])
def test_the_dashboard_costs_a_fixed_number_of_queries(leader_client, django_assert_num_queries, added):
    leader_client.get("/dashboard/2021/")  # a session's first request renews it (SessionIdleMiddleware)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        leader_client.get("/dashboard/2021/")
    _add_htx(added)
    with django_assert_num_queries(DASHBOARD_QUERIES + AFTER_A_WRITE):
        assert leader_client.get("/dashboard/2021/").status_code == 200
    with django_assert_num_queries(DASHBOARD_QUERIES):
        assert leader_client.get("/dashboard/2021/").status_code == 200


@pytest.mark.parametrize("added", [1, 40])
def test_the_api_costs_a_fixed_number_of_queries(leader_client, django_assert_num_queries, added):
    leader_client.get("/api/plan/2021/")  # a session's first request renews it (SessionIdleMiddleware)
    with django_assert_num_queries(API_QUERIES):
        leader_client.get("/api/plan/2021/")
    _add_htx(added)
    with django_assert_num_queries(API_QUERIES + AFTER_A_WRITE):
        assert _api(leader_client, 2021)["htx_new"]["actual"] == 87 + added
    with django_assert_num_queries(API_QUERIES):
        assert _api(leader_client, 2021)["htx_new"]["actual"] == 87 + added


def test_the_portal_stays_vietnamese_for_an_english_browser(leader_client):
    page = leader_client.get("/dashboard/2021/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Thành lập mới HTX" in page
    assert "133,8%" in page


def test_2022_shares_rated_htx_over_every_operating_htx(leader_client):
    row = _api(leader_client, 2022)["htx_good_share"]
    # 95 Tốt + 235 Khá over the 598 HTX operating on 31/12/2022 (624 registered
    # by then, less 20 dissolved before 2021 and 6 suspended in 2021)
    assert (row["numerator"], row["denominator"], row["actual"]) == (330, 598, 55.2)
    assert row["status"] == "not_achieved"
    page = leader_client.get("/dashboard/2022/").content.decode()
    assert "330 / 598 HTX" in page
    assert "55,2%" in page


def test_each_figure_carries_its_definition_and_source(leader_client):
    rows = _api(leader_client, 2022)
    assert rows["htx_good_share"]["source"] == "computed"
    assert (
        rows["htx_good_share"]["definition"]["denominator"]
        == "HTX đang hoạt động tại ngày 31/12 (đã xếp loại hay chưa)"
    )
    assert rows["htx_good_share"]["unit_label"] == "%"
    assert rows["htx_income_avg"]["unit_label"] == "triệu đồng/người/năm"
    # The Alliance's household records compute it (support registers the measure).
    assert _api(leader_client, 2021)["poor_households_escaped"]["source"] == "computed"
    assert _api(leader_client, 2021)["htx_new"]["unit_label"] == "HTX"


def test_the_dashboard_names_the_plan_area_and_units(leader_client):
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai" in page
    assert "87 HTX" in page
    assert "1.183 THT" in page
    assert "5 mô hình" in page
    assert "25 hộ" in page


def test_records_of_the_former_lao_cai_leave_the_yen_bai_figures_alone(leader_client):
    from places.admin_units import communes_from_legacy_province
    from registry.models import CooperativeGroup, CooperativeReport

    before = _api(leader_client, 2021)
    former_lao_cai = sorted(set(communes_from_legacy_province("10")) - set(communes_from_legacy_province("15")))
    commune = Commune.objects.get(code=former_lao_cai[0])
    assert commune.province_id == "15"  # today's Lào Cai
    coop = Cooperative.objects.create(
        registration_code="1000000001",
        name="Hợp tác xã Bắc Hà",
        commune=commune,
        registration_date=datetime.date(2021, 5, 5),
        converted_on=datetime.date(2021, 6, 6),
    )
    CooperativeReport.objects.create(cooperative=coop, year=2021, classification="tot", regular_workers=9)
    CooperativeGroup.objects.create(name="Tổ hợp tác Bắc Hà", commune=commune, established_on=datetime.date(2021, 3, 3))
    assert _api(leader_client, 2021) == before
    # The area of today's province counts it.
    assert _api(leader_client, 2021, former="none")["htx_new"]["actual"] == 88


def test_figure_links_keep_the_province_asked_for(client, make_user):
    from accounts import roles

    user = make_user("quocgia", roles.LEADERSHIP, province=None)
    client.force_login(user)
    page = client.get("/dashboard/2021/", {"province": "all"}).content.decode()
    assert 'href="/dashboard/2021/htx_new/?province=all"' in page


def test_the_year_end_report_names_the_plan_area(leader_client):
    response = leader_client.get("/reports/2021.xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    heading = [cell for row in book.worksheets[0].iter_rows(max_row=12, values_only=True) for cell in row if cell]
    assert "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai" in heading


def test_the_standard_figures_of_the_year(leader_client):
    response = leader_client.get("/api/figures/2022/")
    assert response.status_code == 200
    data = response.json()
    assert data["former_province"] == "15"  # the 2022 plan's area
    rows = {row["code"]: row for row in data["figures"]}
    # the demo's 2022: 92 new HTX, 336 new THT, 598 operating on 31/12 (624 registered
    # by then, 20 dissolved before 2021, 6 suspended in 2021), ratings 95/235/140/36
    assert {code: rows[code]["value"] for code in ["htx_registered", "tht_established", "htx_operating"]} == {
        "htx_registered": 92,
        "tht_established": 336,
        "htx_operating": 598,
    }
    assert [rows[f"htx_class_{c}"]["value"] for c in ["good", "fair", "average", "weak"]] == [95, 235, 140, 36]
    assert (rows["htx_good_share"]["numerator"], rows["htx_good_share"]["denominator"]) == (330, 598)
    assert rows["htx_total"]["value"] == 604  # the 598 and the 6 suspended
    assert rows["htx_operating"]["unit_label"] == "HTX"
    assert rows["htx_revenue_avg"]["unit_label"] == "triệu đồng/HTX"
    assert rows["htx_dissolved"]["definition"]["as_of"] == "ngày phát sinh từ 01/01 đến 31/12 của năm"
