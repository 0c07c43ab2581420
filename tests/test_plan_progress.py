from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from planning.models import Indicator
from planning.progress import PlanStatus, percent_of_plan, plan_status, round_half_up

GTE, GT, LTE = Indicator.Comparison.AT_LEAST, Indicator.Comparison.MORE_THAN, Indicator.Comparison.AT_MOST


@pytest.mark.parametrize(
    ("actual", "target", "one_decimal", "zero_decimals"),
    [
        (87, 65, "133.8", "134"),
        (1183, 1000, "118.3", "118"),
        (5, 3, "166.7", "167"),
        (30, 20, "150.0", "150"),
        (25, 15, "166.7", "167"),
        (5, 5, "100.0", "100"),
    ],
)
def test_percent_of_plan_rounds_half_up(actual, target, one_decimal, zero_decimals):
    percent = percent_of_plan(Decimal(actual), Decimal(target))
    assert str(round_half_up(percent, 1)) == one_decimal
    assert str(round_half_up(percent, 0)) == zero_decimals


def test_percent_is_exact_before_rounding():
    assert percent_of_plan(Decimal(87), Decimal(65)) == Decimal(8700) / Decimal(65)
    assert round_half_up(Decimal("0.05"), 1) == Decimal("0.1")  # half up, not to even


def test_the_setting_decides_the_decimals(settings):
    settings.PLAN_PERCENT_DECIMALS = 0
    assert str(round_half_up(percent_of_plan(Decimal(87), Decimal(65)))) == "134"
    settings.PLAN_PERCENT_DECIMALS = 1
    assert str(round_half_up(percent_of_plan(Decimal(87), Decimal(65)))) == "133.8"


def test_no_percent_without_target_or_actual_or_with_target_zero():
    assert percent_of_plan(None, Decimal(5)) is None
    assert percent_of_plan(Decimal(5), None) is None
    assert percent_of_plan(Decimal(5), Decimal(0)) is None


@pytest.mark.parametrize(
    ("actual", "target", "comparison", "status"),
    [
        (87, 65, GTE, PlanStatus.EXCEEDED),
        (62, 62, GTE, PlanStatus.ACHIEVED),
        (61, 62, GTE, PlanStatus.NOT_ACHIEVED),
        (9500, 9000, GT, PlanStatus.EXCEEDED),
        (9000, 9000, GT, PlanStatus.NOT_ACHIEVED),
        (3, 5, LTE, PlanStatus.EXCEEDED),
        (5, 5, LTE, PlanStatus.ACHIEVED),
        (6, 5, LTE, PlanStatus.NOT_ACHIEVED),
        (309, None, GTE, PlanStatus.NO_TARGET),
        (None, 15, GTE, PlanStatus.NO_DATA),
        (0, 0, GTE, PlanStatus.ACHIEVED),
        (2, 0, GTE, PlanStatus.EXCEEDED),
    ],
)
def test_plan_status(actual, target, comparison, status):
    actual = None if actual is None else Decimal(actual)
    target = None if target is None else Decimal(target)
    assert plan_status(actual, target, comparison) == status


def test_percent_is_shown_with_a_decimal_comma_in_vietnamese():
    template = Template("{% load formatting %}{{ p|percent }} {{ n|figure:'count' }}")
    context = Context({"p": Decimal("133.8"), "n": Decimal(1183)})
    with translation.override("vi"):
        assert template.render(context) == "133,8% 1.183"
    with translation.override("en"):
        assert template.render(context) == "133.8% 1,183"
