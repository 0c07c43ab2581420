"""Each figure of the Alliance's work on a small hand-built set (Hà Nội),
with the values worked out by hand."""

import datetime
from decimal import Decimal

import pytest

from coopportal.lib.scope import Scope
from planning.measures import MEASURES, evaluate, evaluate_by_area
from support.measures import count_new_organisations_with_trained_manager, new_organisations_with_trained_manager
from tests.support_helpers import build_hanoi_set

pytestmark = pytest.mark.django_db

HANOI = Scope(province="01")
END_2021 = datetime.date(2021, 12, 31)


@pytest.fixture
def hanoi():
    return build_hanoi_set()


# code: (2021, 2020), by hand from tests/support_helpers.py
EXPECTED = {
    "fund_loans_disbursed": (2, 1),  # L1 and L2 in 2021 (L2's 2022 part not), L3 in 2020
    "fund_loans_amount": (700_000_000, 100_000_000),  # 500 + 200 million; 100 million
    "fund_loans_outstanding": (540_000_000, 100_000_000),  # (500-100) + (200-60) + (100-100); L3 in 2020
    "training_classes": (1, None),
    "training_participants": (4, None),  # the officer did not attend
    "new_managers_trained": (2, None),  # new_a's manager and the group's; new_b's did not complete
    "support_cases": (2, 1),  # the legal case and the open founding case; the first opened in 2020
    "htx_founded_with_support": (1, 0),
    "trade_events": (2, None),
    "trade_contracts_value": (230_000_000, None),  # 150 + 50 + 0 + 30 million
    "alliance_members": (2, 2),  # 2021: old, the company (joined 31/12); b left on 31/12. 2020: old, b
    "poor_households_escaped": (3, 0),
}


def test_each_figure_of_2021_and_2020(hanoi):
    values = evaluate(list(EXPECTED), [2021, 2020], HANOI)
    for code, (in_2021, in_2020) in EXPECTED.items():
        for year, expected in ((2021, in_2021), (2020, in_2020)):
            if expected is None:
                assert values[(code, year)] in (None, 0), (code, year)
            else:
                assert values[(code, year)] == expected, (code, year)


def test_the_overdue_share_at_the_end_of_2021(hanoi):
    # 60 million of L2 overdue / 540 million outstanding = 11.11…%
    share = evaluate(["fund_loans_overdue_share"], [2021], HANOI)[("fund_loans_overdue_share", 2021)]
    assert share.quantize(Decimal("0.01")) == Decimal("11.11")
    assert evaluate(["fund_loans_overdue_share"], [2020], HANOI)[("fund_loans_overdue_share", 2020)] == 0


def test_a_loan_partly_repaid_and_one_overdue(hanoi):
    l1, l2, l3 = hanoi["loans"]
    assert l1.balances_on(END_2021) == {
        "disbursed": 500_000_000,
        "repaid": 100_000_000,
        "outstanding": 400_000_000,
        "overdue": 0,
    }
    assert l1.overdue_days_on(END_2021) == 0
    assert l2.balances_on(END_2021) == {
        "disbursed": 200_000_000,
        "repaid": 60_000_000,
        "outstanding": 140_000_000,
        "overdue": 60_000_000,
    }
    assert l2.overdue_days_on(END_2021) == 16  # due 15/12/2021
    # At the end of its due day an unpaid instalment is overdue, 0 days late.
    assert l2.balances_on(datetime.date(2021, 12, 15))["overdue"] == 60_000_000
    assert l2.overdue_days_on(datetime.date(2021, 12, 15)) == 0
    assert l3.balances_on(END_2021)["outstanding"] == 0
    # After the 2022 disbursement and a repayment of L1 in January:
    assert l1.balances_on(datetime.date(2022, 1, 31))["outstanding"] == 350_000_000
    # Paid ahead of the schedule: nothing overdue (not a negative amount).
    assert l1.balances_on(datetime.date(2022, 1, 31))["overdue"] == 0


def test_the_figures_by_area_add_up_where_they_may(hanoi):
    a, b = hanoi["a"].code, hanoi["b"].code
    values, table = evaluate_by_area(list(EXPECTED), [2021, 2020], HANOI)
    assert table[a]["fund_loans_disbursed"] == 1 and table[b]["fund_loans_disbursed"] == 1
    assert table[a]["training_participants"] == 3 and table[b]["training_participants"] == 1
    assert table[a]["new_managers_trained"] == 2
    assert table[a]["poor_households_escaped"] == 3
    # An event with members of two communes is one event: not broken down.
    assert "trade_events" not in table[a]
    assert values[("trade_events", 2021)].value == 2  # evaluate_by_area gives Figures


def test_a_commune_sees_its_own_figures(hanoi):
    only_b = Scope(province="01", communes=frozenset([hanoi["b"].code]))
    values = evaluate(
        ["fund_loans_outstanding", "trade_events", "trade_contracts_value", "alliance_members"], [2021], only_b
    )
    assert values[("fund_loans_outstanding", 2021)] == 140_000_000
    assert values[("trade_events", 2021)] == 1
    assert values[("trade_contracts_value", 2021)] == 50_000_000
    assert values[("alliance_members", 2021)] == 1  # the company


def test_the_new_manager_numerator_from_training_records(hanoi):
    cooperatives, groups = new_organisations_with_trained_manager(2021, HANOI)
    assert [c.name for c in cooperatives] == ["Hợp tác xã Nông nghiệp new_a"]
    assert [g.name for g in groups] == ["Tổ hợp tác rau an toàn"]
    assert count_new_organisations_with_trained_manager(2021, HANOI) == 2
    # new_b's manager completed a class only in January 2022.
    assert count_new_organisations_with_trained_manager(2022, HANOI) == 0


def test_every_figure_has_a_drilldown(hanoi):
    counts = {code: MEASURES[code].records(2021, HANOI).count() for code in EXPECTED}
    assert counts["fund_loans_disbursed"] == 2
    assert counts["fund_loans_outstanding"] == 2  # L3 is repaid
    assert counts["training_participants"] == 4
    assert counts["poor_households_escaped"] == 3
    assert MEASURES["fund_loans_overdue_share"].records(2021, HANOI).filter(overdue__gt=0).count() == 1
