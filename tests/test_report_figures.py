"""How the report words a plan figure: targets with their comparison, the
"Ghi chú" of a running or finished year, numbers as Vietnamese print them."""

from decimal import Decimal

import pytest
from django.utils import translation

from planning.models import Indicator
from planning.progress import plan_status
from reports.figures import PlanLine, vn_number

C = Indicator.Comparison


def _line(unit="HTX", comparison=C.AT_LEAST, target="65", actual="87"):
    target = Decimal(target) if target is not None else None
    actual = Decimal(actual) if actual is not None else None
    return PlanLine(
        code="x", section="htx", name="Chỉ tiêu", unit=unit, measure="", comparison=comparison,
        previous=None, target=target, actual=actual, status=plan_status(actual, target, comparison),
        definition="", evidence="", target_source="",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("unit", "comparison", "target", "in_table", "in_text"),
    [
        ("HTX", C.AT_LEAST, "80", None, "80 HTX"),
        ("%", C.AT_LEAST, "100", None, "100%"),
        ("%", C.AT_LEAST, "62", "từ 62 trở lên", "từ 62% trở lên"),
        ("%", C.MORE_THAN, "22", "trên 22", "trên 22%"),
        ("lao động", C.MORE_THAN, "9000", "trên 9.000", "trên 9.000 lao động"),
        ("triệu đồng/người/năm", C.AT_LEAST, "60", "từ 60 trở lên", "từ 60 triệu đồng/người/năm trở lên"),
        ("%", C.AT_MOST, "5.5", "không quá 5,5", "không quá 5,5%"),
    ],
)
def test_the_target_is_worded_as_the_plan_words_it(unit, comparison, target, in_table, in_text):
    line = _line(unit, comparison, target)
    with translation.override("vi"):
        assert line.target_text == in_table
        assert line.target_words() == in_text


def test_percent_of_plan_and_of_last_year_round_half_up_to_one_decimal():
    line = _line(target="65", actual="87")
    line.previous = Decimal(70)
    assert line.percent == Decimal("133.8")  # 133,846…
    assert line.versus_previous == Decimal("124.3")  # 124,285…
    assert _line(target="8", actual="1").percent == Decimal("12.5")  # exactly half: up


def test_the_note_of_a_missed_target_depends_on_whether_the_year_is_over():
    missed = _line(target="65", actual="40")
    assert missed.note(finished=False) == "Chưa đạt"
    assert missed.note(finished=True) == "Không đạt"
    assert _line(target=None).note(finished=True) == "Không giao chỉ tiêu"
    with translation.override("vi"):
        assert _line(target="65", actual="65").note(finished=True) == "Đạt kế hoạch"
        assert _line(target="65", actual="87").note(finished=True) == "Vượt kế hoạch"


def test_rates_are_shown_to_one_decimal_and_counts_as_they_are():
    assert _line(unit="%").shown(Decimal("24.94061")) == Decimal("24.9")
    assert _line(unit="HTX").shown(Decimal("1183")) == Decimal("1183")


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(Decimal("1183"), None, "1.183"), (Decimal("133.8"), None, "133,8"), (Decimal("8090000"), None, "8.090.000"),
     (Decimal("62.44"), 1, "62,4"), (Decimal("62.45"), 1, "62,5"), (Decimal("22.00"), None, "22"), (None, None, "")],
)  # fmt: skip
def test_numbers_are_printed_the_vietnamese_way(value, decimals, text):
    with translation.override("vi"):
        assert vn_number(value, decimals) == text
