"""Every measure on a small area built by hand, against figures worked out
by hand (see the comments): for the year, and for each of its two communes.

The area lies in Hà Nội (province 01), where the demo has no records:

commune A: HTX h1 h2 h3 h7 h8 h10 h12, union u1, THT g1 g2 g5 g7
commune B: HTX h4 h5 h6 h9 h11, union u2, THT g3 g4 g6
"""

import datetime

import pytest

from coopportal.lib.scope import Scope
from places.models import Commune
from planning.measures import MEASURES, evaluate_by_area, figures
from planning.units import round_half_up
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    GroupReport,
    OcopProduct,
    ValueChainModel,
)
from support.models import TrainingClass, TrainingParticipant
from support.models.training import ParticipantRole

pytestmark = pytest.mark.django_db

YEAR = 2024
D = datetime.date
OP, SUSP, DISS = Cooperative.Status.OPERATING, Cooperative.Status.SUSPENDED, Cooperative.Status.DISSOLVED
G, F, AV, W, NR = (
    Classification.GOOD,
    Classification.FAIR,
    Classification.AVERAGE,
    Classification.WEAK,
    Classification.NOT_RATED,
)
M = 1_000_000

# code: (whole area, commune A, commune B) for 2024, worked out by hand.
EXPECTED = {
    "htx_registered": (2, 1, 1),  # h3 (A), h4 (B)
    "tht_established": (2, 2, 0),  # g1, g2
    "htx_converted": (1, 1, 0),  # h2
    "value_chain_models": (2, 2, 0),  # vc1, vc3 (vc2 is 2023's)
    "ocop_supported": (2, 2, 0),  # o1, o3 (o2 not supported)
    "htx_good_or_fair": (3, 2, 1),  # h1 G, h2 F, h9 G
    # Tốt/Khá over HTX operating on 31/12: 3/8 (h1 h2 h3 h4 h7 h9 h11 h12), A 2/5, B 1/3
    "htx_good_share": ("37.5", "40.0", "33.3"),
    # over the rated: 3/5 (h1 h2 h5 h6 h9), A 2/2, B 1/3
    "htx_good_share_of_rated": ("60.0", "100.0", "33.3"),
    # degrees / managers: 10/22, A 3/10, B 7/12
    "htx_manager_degree_share": ("45.5", "30.0", "58.3"),
    # Σ income × workers / Σ workers over reports with an income (h3 and h5 report 0):
    # (60×10 + 48×5 + 36×2 + 42×6 + 72×20) / 43 = 2604/43; A 840/15; B 1764/28
    "htx_income_avg": ("60.6", "56.0", "63.0"),
    # (30×10 + 50×4) / 14 (g2 reports 0); A 30; B 50
    "tht_income_avg": ("35.7", "30.0", "50.0"),
    "htx_regular_jobs": (47, 19, 28),  # 10+5+4+2+0+6+20
    "htx_new_lawful_share": ("50.0", "100.0", "0.0"),  # h3 under the law, h4 not
    # trained / managers of new HTX and unions + one per new THT:
    # (3+1+2) / (3+2+4 + 2) = 6/11; A (3+2)/(3+4+2) = 5/9; B 1/2
    "new_manager_trained_share": ("54.5", "55.6", "50.0"),
    "htx_total": (9, 5, 4),  # operating ones + h6 suspended
    "htx_operating": (8, 5, 3),
    "htx_dissolved": (1, 0, 1),  # h5 (h8 in 2023, h12 in 2025)
    "union_total": (1, 1, 0),  # u1 (u2 dissolved in 2024)
    "union_operating": (1, 1, 0),
    "union_registered": (1, 1, 0),
    "union_dissolved": (1, 0, 1),
    "tht_total": (5, 3, 2),  # g1 g2 g7 (its HTX came in 2025), g3 g6
    "tht_operating": (4, 3, 1),  # without g6, suspended
    "tht_upgraded": (1, 0, 1),  # g4 became h4 in 2024
    "htx_members": (97, 43, 54),
    # revenue over reports with a revenue: 7100/5; A 3000/2; B 4100/3 (million VND)
    "htx_revenue_avg": ("1420.0", "1500.0", "1366.7"),
    # profit over the same reports: 550/5; A 300/2; B 250/3
    "htx_profit_avg": ("110.0", "150.0", "83.3"),
    "htx_class_good": (2, 1, 1),
    "htx_class_fair": (1, 1, 0),
    "htx_class_average": (1, 0, 1),
    "htx_class_weak": (1, 0, 1),
}
# what the ratios divide, for the whole area
PARTS = {
    "htx_good_share": (3, 8),
    "htx_good_share_of_rated": (3, 5),
    "htx_manager_degree_share": (10, 22),
    "htx_new_lawful_share": (1, 2),
    "new_manager_trained_share": (6, 11),
}
# 2023, the year before
# operating on 31/12/2023: h1 h2 h5 h6 h7 h9 h12 (h11 suspended since 2022, h8 dissolved)
EXPECTED_2023 = {"htx_dissolved": 1, "value_chain_models": 1, "htx_registered": 0, "htx_operating": 7}


def _coop(code, commune, registered, *, kind=Cooperative.Kind.COOPERATIVE, changes=(), **fields):
    prefix = "Hợp tác xã" if kind == Cooperative.Kind.COOPERATIVE else "Liên hiệp hợp tác xã"
    coop = Cooperative.objects.create(
        registration_code=f"01999{code:05d}",
        name=f"{prefix} Thử {code}",
        kind=kind,
        commune=commune,
        registration_date=registered,
        **fields,
    )
    for status, on in changes:
        coop.change_status(status, on)
    return coop


def _report(coop, classification, members, workers, income, revenue, profit, managers, degree, trained):
    CooperativeReport.objects.create(
        cooperative=coop,
        year=YEAR,
        classification=classification,
        members=members,
        regular_workers=workers,
        avg_income=income * M,
        revenue=revenue * M,
        profit=profit * M,
        managers_total=managers,
        managers_degree=degree,
        managers_trained=trained,
    )


@pytest.fixture
def area():
    a, b = Commune.objects.filter(province_id="01").order_by("code")[:2]
    h1 = _coop(1, a, D(2010, 3, 1))
    h2 = _coop(2, a, D(2015, 5, 5), converted_on=D(2024, 2, 2))
    h3 = _coop(3, a, D(2024, 4, 4))
    h4 = _coop(4, b, D(2024, 6, 6), under_law=False)
    h5 = _coop(5, b, D(2012, 1, 1), changes=[(DISS, D(2024, 9, 9))])
    h6 = _coop(6, b, D(2018, 8, 8), changes=[(SUSP, D(2024, 3, 3))])
    _coop(7, a, D(2019, 9, 9))  # h7: no report for the year
    _coop(8, a, D(2020, 2, 2), changes=[(DISS, D(2023, 5, 5))])
    h9 = _coop(9, b, D(2016, 6, 6))
    h10 = _coop(10, a, D(2025, 1, 10))
    _coop(11, b, D(2014, 4, 4), changes=[(SUSP, D(2022, 1, 1)), (OP, D(2024, 7, 7))])  # h11: back at work
    _coop(12, a, D(2013, 3, 3), changes=[(DISS, D(2025, 2, 2))])  # h12: operating on 31/12/2024
    u1 = _coop(13, a, D(2024, 3, 3), kind=Cooperative.Kind.UNION)
    _coop(14, b, D(2017, 7, 7), kind=Cooperative.Kind.UNION, changes=[(DISS, D(2024, 10, 10))])
    # class, members, workers, income (M/person), revenue (M), profit (M), managers, degree, trained
    _report(h1, G, 20, 10, 60, 2000, 200, 4, 2, 1)
    _report(h2, F, 15, 5, 48, 1000, 100, 3, 1, 0)
    _report(h3, NR, 8, 4, 0, 0, 0, 3, 0, 0)  # new: not rated, income not reported; trained: see the classes
    _report(h4, NR, 7, 2, 36, 500, -50, 2, 1, 1)
    _report(h5, W, 10, 0, 0, 0, 0, 2, 0, 0)
    _report(h6, AV, 12, 6, 42, 600, 0, 3, 3, 0)
    _report(h9, G, 25, 20, 72, 3000, 300, 5, 3, 0)
    _report(u1, NR, 6, 3, 50, 900, 90, 4, 0, 0)  # a union's report counts only for new organisations
    group = CooperativeGroup.Status
    g1 = CooperativeGroup.objects.create(name="Tổ hợp tác Một", commune=a, established_on=D(2024, 2, 2), members=10)
    g2 = CooperativeGroup.objects.create(name="Tổ hợp tác Hai", commune=a, established_on=D(2024, 5, 5), members=6)
    g3 = CooperativeGroup.objects.create(name="Tổ hợp tác Ba", commune=b, established_on=D(2020, 1, 1), members=4)
    CooperativeGroup.objects.create(
        name="Tổ hợp tác Bốn", commune=b, established_on=D(2019, 3, 3), status=group.UPGRADED, upgraded_to=h4
    )
    CooperativeGroup.objects.create(
        name="Tổ hợp tác Năm", commune=a, established_on=D(2018, 1, 1), status=group.DISSOLVED
    )
    CooperativeGroup.objects.create(
        name="Tổ hợp tác Sáu", commune=b, established_on=D(2021, 1, 1), status=group.SUSPENDED
    )
    CooperativeGroup.objects.create(
        name="Tổ hợp tác Bảy", commune=a, established_on=D(2022, 2, 2), status=group.UPGRADED, upgraded_to=h10
    )
    # The trained managers of the year's new organisations, from training
    # records (support): h3's three, h4's one, u1's two; not counted: h4's
    # second manager (did not complete), h1's (not new), a member of h3, and
    # h3's first manager in a second class (counted once).
    first = TrainingClass.objects.create(
        topic="Quản trị HTX", starts_on=D(2024, 6, 3), ends_on=D(2024, 6, 5), place="Hội trường", commune=a
    )
    second = TrainingClass.objects.create(
        topic="Kế toán HTX", starts_on=D(2024, 12, 30), ends_on=D(2024, 12, 31), place="Hội trường", commune=a
    )
    later = TrainingClass.objects.create(
        topic="Chuyển đổi số", starts_on=D(2025, 1, 5), ends_on=D(2025, 1, 6), place="Hội trường", commune=b
    )
    manager, member = ParticipantRole.MANAGER, ParticipantRole.MEMBER
    for klass, name, role, coop, completed in [
        (first, "Nguyễn Văn An", manager, h3, True),
        (first, "Trần Thị Bình", manager, h3, True),
        (first, "Lê Văn Cường", manager, h3, True),
        (second, "Nguyễn Văn An", manager, h3, True),
        (first, "Phạm Thị Dung", member, h3, True),
        (first, "Hoàng Văn Em", manager, h4, True),
        (first, "Vũ Thị Gấm", manager, h4, False),
        (later, "Vũ Thị Gấm", manager, h4, True),  # completed only in 2025
        (first, "Đặng Văn Hải", manager, u1, True),
        (second, "Bùi Thị Lan", manager, u1, True),
        (first, "Ngô Văn Khánh", manager, h1, True),
    ]:
        TrainingParticipant.objects.create(
            training_class=klass, full_name=name, role=role, cooperative=coop, attended=True, completed=completed
        )
    GroupReport.objects.create(group=g1, year=YEAR, members=10, avg_income=30 * M)
    GroupReport.objects.create(group=g2, year=YEAR, members=6, avg_income=0)
    GroupReport.objects.create(group=g3, year=YEAR, members=4, avg_income=50 * M)
    ValueChainModel.objects.create(cooperative=h1, name="Chuỗi chè", built_on=D(2024, 3, 1))
    ValueChainModel.objects.create(cooperative=h9, name="Chuỗi quế", built_on=D(2023, 12, 31))
    ValueChainModel.objects.create(cooperative=h2, name="Chuỗi măng", built_on=D(2024, 11, 11))
    OcopProduct.objects.create(cooperative=h1, name="Chè", stars=3, certified_on=D(2024, 5, 5), alliance_supported=True)
    OcopProduct.objects.create(cooperative=h9, name="Quế", stars=4, certified_on=D(2024, 6, 6))
    OcopProduct.objects.create(
        cooperative=h2, name="Măng", stars=4, certified_on=D(2024, 7, 7), alliance_supported=True
    )
    return a.code, b.code


def _shown(value, expected):
    if isinstance(expected, str):
        return str(round_half_up(value, 1))
    return value


def test_every_code_has_a_hand_figure():
    # The Alliance's own measures (support registers them) have theirs in
    # tests/test_support_measures.py.
    from support.measures import BY_CODE

    assert set(EXPECTED) == set(MEASURES) - set(BY_CODE)


@pytest.mark.parametrize("column", [0, 1, 2], ids=["whole area", "commune A", "commune B"])
def test_every_measure_matches_the_hand_figure(area, column):
    scopes = [
        Scope(province="01", communes=frozenset(area)),
        Scope(communes=frozenset([area[0]])),
        Scope(communes=frozenset([area[1]])),
    ]
    got = figures(set(EXPECTED), [YEAR], scopes[column])
    wrong = {
        code: (_shown(got[(code, YEAR)].value, expected[column]), expected[column])
        for code, expected in EXPECTED.items()
        if _shown(got[(code, YEAR)].value, expected[column]) != expected[column]
    }
    assert wrong == {}


def test_ratios_say_what_they_divide(area):
    got = figures(set(PARTS), [YEAR], Scope(province="01", communes=frozenset(area)))
    assert {code: (got[(code, YEAR)].numerator, got[(code, YEAR)].denominator) for code in PARTS} == PARTS
    counted = figures({"htx_registered", "htx_members"}, [YEAR], Scope(province="01", communes=frozenset(area)))
    assert [(f.numerator, f.denominator) for f in counted.values()] == [(None, None), (None, None)]


def test_the_year_before(area):
    got = figures(set(EXPECTED_2023), [YEAR - 1], Scope(province="01", communes=frozenset(area)))
    assert {code: got[(code, YEAR - 1)].value for code in EXPECTED_2023} == EXPECTED_2023


def test_no_reports_means_no_average_and_no_total(area):
    got = figures({"htx_income_avg", "htx_regular_jobs", "htx_good_share_of_rated"}, [2019], Scope(province="01"))
    assert [got[(c, 2019)].value for c in ("htx_income_avg", "htx_regular_jobs", "htx_good_share_of_rated")] == [
        None,
        None,
        None,
    ]


def test_the_breakdown_by_commune_counts_each_commune(area):
    values, table = evaluate_by_area(set(EXPECTED), [YEAR, YEAR - 1], Scope(province="01", communes=frozenset(area)))
    a, b = area
    assert table[a]["htx_operating"] == 5
    assert table[b]["htx_operating"] == 3
    assert table[a]["tht_established"] == 2
    assert "tht_established" not in table[b]
    assert table[b]["htx_dissolved"] == 1
    assert values[("htx_total", YEAR)].value == 9
    assert values[("htx_dissolved", YEAR - 1)].value == 1
    assert str(round_half_up(values[("new_manager_trained_share", YEAR)].value, 1)) == "54.5"


def test_drilldowns_list_what_the_figures_count(area):
    scope = Scope(province="01", communes=frozenset(area))
    for code, expected in EXPECTED.items():
        measure = MEASURES[code]
        if measure.kind == "count":
            assert measure.records(YEAR, scope).count() == expected[0], code
    good_share = MEASURES["htx_good_share"]
    assert good_share.records(YEAR, scope).count() == 8  # what it divides by
    assert good_share.records(YEAR, scope, part=0).count() == 3


def test_a_ratio_row_says_what_it_divides_when_its_parts_are_counts(area):
    from planning.models import Indicator
    from planning.progress import PlanRow
    from planning.units import Unit

    scope = Scope(province="01", communes=frozenset(area))
    got = figures({"htx_good_share", "htx_income_avg", "htx_registered"}, [YEAR], scope)

    def row(code):
        figure = got[(code, YEAR)]
        return PlanRow(Indicator(code=code, measure=code), None, "", figure.value, None, None, figure)

    assert row("htx_good_share").divides == (3, 8, Unit.HTX)
    assert row("htx_income_avg").divides is None  # money over people: nothing a reader counts
    assert row("htx_registered").divides is None


def test_definitions_name_what_is_counted_over_what():
    from django.utils import translation

    with translation.override("en"):
        assert MEASURES["htx_good_share"].definition == {
            "numerator": "HTX rated Tốt or Khá for the year",
            "denominator": "HTX operating on 31/12 (rated or not)",
            "condition": "The base is every HTX operating at the end of the year, rated or not.",
            "as_of": "status on 31/12 of the year",
            "source": "yearly reports of HTX and unions; registry of HTX and unions",
        }
        assert MEASURES["new_manager_trained_share"].definition["denominator"] == (
            "managers of HTX and unions founded in the year + "
            "new THT of the year, one manager each (its representative)"
        )
        assert MEASURES["htx_registered"].definition == {
            "numerator": "HTX registered in the year",
            "denominator": "",
            "condition": "",
            "as_of": "dates from 1/1 to 31/12 of the year",
            "source": "registry of HTX and unions",
        }


def test_a_measure_without_its_own_columns_lists_them_all(area):
    from django.utils import translation

    from planning import drilldown

    with translation.override("en"):
        assert len(drilldown.headers(Cooperative, MEASURES["htx_converted"].columns)) == 6
        new = drilldown.headers(Cooperative, MEASURES["htx_registered"].columns)
        rated = drilldown.headers(CooperativeReport, MEASURES["htx_good_or_fair"].columns)
    assert new == ["Registration code", "Name", "Commune", "Registration date", "Status"]
    assert rated == ["Registration code", "Cooperative", "Commune", "Classification"]
