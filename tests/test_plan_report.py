"""The plan report every reader shows (dashboard, API, year-end report):
which rows, in which groups and order, the breakdown rows, the progress bar,
and commune targets, over the hand-built area of test_measures_by_hand."""

from decimal import Decimal

import pytest

from coopportal.lib.scope import Scope
from planning.measures import Figure
from planning.models import Indicator, ManualActual, Target
from planning.progress import PlanReport, PlanRow, plan_report, plan_rows_filter
from tests.test_measures_by_hand import YEAR, area  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
G = Indicator.Group


def _indicator(code, measure="", group=G.HTX, position=1, unit="htx"):
    return Indicator.objects.update_or_create(
        code=code, defaults={"name": code, "measure": measure, "group": group, "position": position, "unit": unit}
    )[0]


@pytest.fixture
def plan(area):  # noqa: F811
    a, _b = area
    Indicator.objects.all().delete()
    new = _indicator("t_new", "htx_registered", G.HTX, 2)
    _indicator("t_converted", "htx_converted", G.HTX, 1)
    share = _indicator("t_share", "htx_good_share", G.QUALITY, 1, "percent")
    households = _indicator("t_households", "", G.SOCIAL, 1, "households")
    _indicator("t_empty", "", G.SOCIAL, 2, "households")  # neither target nor actual
    Target.objects.create(indicator=new, year=YEAR, province_id="01", value=1)
    Target.objects.create(indicator=share, year=YEAR, province_id="01", value=40)
    Target.objects.create(indicator=households, year=YEAR, province_id="01", value=10)
    Target.objects.create(indicator=new, year=YEAR, province_id="01", commune_id=a, value=3)
    return plan_report(YEAR, Scope(province="01"), by_province=False)


def test_rows_without_target_or_actual_are_left_out(plan):
    assert [r.indicator.code for r in plan.shown] == ["t_converted", "t_new", "t_share", "t_households"]


def test_groups_put_the_planned_indicators_first(plan):
    groups = [(group, [r.indicator.code for r in rows]) for group, _label, rows in plan.groups]
    # t_converted (position 1) has no target: it comes after t_new (position 2)
    assert groups == [("htx", ["t_new", "t_converted"]), ("quality", ["t_share"]), ("social", ["t_households"])]


def test_figures_targets_and_status(plan):
    rows = {r.indicator.code: r for r in plan.rows}
    assert (rows["t_new"].target, rows["t_new"].actual, rows["t_new"].status) == (1, 2, "exceeded")
    assert (rows["t_share"].figure.numerator, rows["t_share"].figure.denominator) == (3, 8)
    assert rows["t_share"].status == "not_achieved"  # 37,5% of 40%
    assert (rows["t_households"].actual, rows["t_households"].status) == (None, "no_data")
    assert [rows["t_new"].source, rows["t_households"].source] == ["computed", "manual"]
    assert rows["t_households"].definition is None


def test_the_breakdown_rows_count_each_commune_in_name_order(plan, area):  # noqa: F811
    a, b = area
    assert [r.indicator.code for r in plan.count_rows] == ["t_converted", "t_new"]
    rows = plan.breakdown_rows({a: "Zeta", b: "Alpha"})
    assert rows == [("Alpha", b, [0, 1]), ("Zeta", a, [1, 1])]


def test_a_commune_has_its_own_target(plan, area):  # noqa: F811
    a, _b = area
    assert plan_rows_filter(Scope(province="01", communes=frozenset([a]))) == {"commune_id": a}
    report = plan_report(YEAR, Scope(province="01", communes=frozenset([a])))
    row = next(r for r in report.rows if r.indicator.code == "t_new")
    assert (row.target, row.actual) == (3, 1)


def test_the_latest_manual_entry_counts(plan):
    households = Indicator.objects.get(code="t_households")
    for value, day in [(12, 20), (9, 10)]:
        ManualActual.objects.create(
            indicator=households, year=YEAR, province_id="01", value=value, as_of=f"{YEAR}-12-{day}"
        )
    row = next(r for r in plan_report(YEAR, Scope(province="01")).rows if r.indicator.code == "t_households")
    assert (row.actual, row.status, row.figure.value) == (12, "exceeded", 12)


@pytest.mark.parametrize(
    ("actual", "target", "width"),
    [(None, 5, 0), (6, 4, 100), (9, 4, 100), (3, 5, Decimal("40.0")), (1, 3, Decimal("22.2"))],
)
def test_the_bar_puts_the_target_at_two_thirds(actual, target, width):
    row = PlanRow(Indicator(code="x"), target, "", actual, None, None)
    assert row.bar_width == width


def test_a_report_without_breakdown_has_none():
    assert PlanReport(year=YEAR, area=None, rows=[], formers=[]).breakdown == {}
    assert PlanRow(Indicator(code="x"), None, "", None, None, None).figure == Figure(None)
