"""Reading the figures: what a ratio divides, drill-down rows that open
their record, only the columns that apply, the trend chart, the map, tables
that say they scroll on a phone."""

import pytest
from django.template import Context, Template
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_ratio_drilldown_lists_what_it_divides_by_and_what_it_counts(leader_client):
    response = leader_client.get("/dashboard/2022/htx_good_share/")
    assert response.context["page"].paginator.count == 598
    page = response.content.decode()
    assert "330 / 598 HTX" in page
    assert "55,2%" in page
    counted = leader_client.get("/dashboard/2022/htx_good_share/", {"part": 0})
    assert counted.context["page"].paginator.count == 330
    assert leader_client.get("/dashboard/2022/htx_good_share/", {"part": 9}).status_code == 404


def test_drilldown_rows_open_their_record(leader_client):
    response = leader_client.get("/dashboard/2021/htx_new/")
    url, cells = response.context["rows"][0]
    assert url.startswith("/registry/htx/")
    assert leader_client.get(url).status_code == 200
    assert f'<a href="{url}">{cells[0]}</a>' in response.content.decode()


def test_columns_that_cannot_apply_are_left_out(leader_client):
    new = leader_client.get("/dashboard/2021/htx_new/").context["headers"]
    converted = leader_client.get("/dashboard/2021/htx_converted/").context["headers"]
    assert "Ngày chuyển đổi thành HTX kiểu mới" not in new  # a new HTX is of the new type from the start
    assert "Ngày chuyển đổi thành HTX kiểu mới" in converted
    rated = leader_client.get("/dashboard/2021/htx_effective/").context["headers"]
    assert "Xếp loại" in rated
    assert "Thu nhập bình quân (đồng/người/năm)" not in rated


def test_each_card_leads_to_its_trend_drawn_on_the_server(leader_client):
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert 'href="/dashboard/trend/htx_new/' in page
    response = leader_client.get("/dashboard/trend/htx_new/")
    assert response.status_code == 200
    points = {year: (actual, target) for year, actual, target in response.context["points"]}
    assert points[2021] == (87, 65)
    assert points[2022] == (92, 80)
    assert points[2023] == (75, None)  # a year with data and no plan
    chart = response.content.decode()
    assert '<svg id="trend"' in chart
    assert chart.count('class="bar-target"') == 2
    assert "<script" not in chart


def test_the_commune_breakdown_is_also_a_map_whose_circles_filter(leader_client):
    response = leader_client.get("/dashboard/2021/")
    dots = response.context["dots"]
    assert len(dots) == sum(1 for _n, _c, counts in response.context["breakdown_rows"] if counts[0])
    biggest = dots[0]
    assert all(d.r <= biggest.r for d in dots)
    page = response.content.decode()
    assert f'<a href="?commune={biggest.code}"><circle class="dot"' in page
    assert "<script" not in page


def test_tables_say_that_they_scroll_on_a_phone(leader_client):
    for url in ["/dashboard/2021/", "/dashboard/2021/htx_new/", "/dashboard/trend/htx_new/"]:
        page = leader_client.get(url).content.decode()
        assert "Vuốt ngang để xem hết bảng." in page, url
        assert 'class="table-wrap" tabindex="0" role="region"' in page, url


def test_pages_keep_the_province_in_every_link(client, make_user):
    from accounts import roles

    client.force_login(make_user("quocgia", roles.LEADERSHIP, province=None))
    page = client.get("/dashboard/2021/htx_new/", {"province": "all"}).content.decode()
    assert "?province=all&amp;format=xlsx" in page
    assert 'href="/dashboard/2021/?province=all"' in page


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("0.25", "percent", "0,3%"),  # round() gives 0,2%
        ("62.45", "percent", "62,5%"),  # round() gives 62,4%
        ("64.45", "million_vnd", "64,5"),
        ("2.5", "htx", "3"),  # round() gives 2
        ("62", "percent", "62%"),
        ("1183", "tht", "1.183"),
    ],
)
def test_every_figure_rounds_half_up(value, unit, shown):
    from decimal import Decimal

    with translation.override("vi"):
        text = Template("{% load formatting %}{{ v|figure:u }}").render(Context({"v": Decimal(value), "u": unit}))
    assert text == shown


def test_figures_carry_their_unit_in_the_plans_words():
    from decimal import Decimal

    template = Template("{% load formatting %}{{ v|figure_unit:u }}")
    with translation.override("vi"):
        assert template.render(Context({"v": Decimal("62.44"), "u": "million_vnd"})) == "62,4 triệu đồng/người/năm"
        assert template.render(Context({"v": Decimal(25), "u": "households"})) == "25 hộ"
        assert template.render(Context({"v": Decimal(5), "u": "products"})) == "5 sản phẩm"
        assert template.render(Context({"v": Decimal(9), "u": "people"})) == "9 người"
