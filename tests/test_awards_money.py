"""Reward money: coefficient x the base salary in force on the decision's
date, rounded up to 10,000 VND (Decree 98/2023), stored, overridable with
a note."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards import law
from awards.models import BaseSalary, Title
from tests.awards_helpers import award, build, decision, person, title, unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("coefficient", "base", "expected"),
    [
        ("1.0", 1_490_000, 1_490_000),
        ("0.3", 1_490_000, 450_000),  # 447,000 rounded up
        ("0.8", 1_490_000, 1_200_000),  # 1,192,000 rounded up
        ("0.3", 2_340_000, 710_000),  # 702,000 rounded up
        ("0.6", 2_340_000, 1_410_000),  # 1,404,000: the collective's 0.6, then rounded
        ("0.3", 1_800_000, 540_000),  # exact: stays
        ("3.0", 2_340_000, 7_020_000),
    ],
)
def test_reward_money_is_rounded_up_to_ten_thousand(coefficient, base, expected):
    assert law.reward_money(Decimal(coefficient), base) == expected


def test_the_seeded_coefficients_are_those_of_the_decree():
    seeded = {t.code: (t.coefficient_person, t.coefficient_collective) for t in Title.objects.all()}
    assert seeded == {
        "cstd_toan_quoc": (Decimal("4.5"), None),
        "cstd_tinh": (Decimal("3.0"), None),
        "cstd_co_so": (Decimal("1.0"), None),
        "ldtt": (Decimal("0.3"), None),
        "co_thi_dua_tinh": (None, Decimal("8.0")),
        "tt_ldxs": (None, Decimal("1.5")),
        "tt_ldtt": (None, Decimal("0.8")),
        "bang_khen_tinh": (Decimal("1.5"), Decimal("3.0")),
        "giay_khen": (Decimal("0.3"), Decimal("0.6")),
    }


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (datetime.date(2019, 6, 30), 1_390_000),
        (datetime.date(2019, 7, 1), 1_490_000),
        (datetime.date(2022, 1, 20), 1_490_000),
        (datetime.date(2024, 6, 30), 1_800_000),
        (datetime.date(2024, 7, 1), 2_340_000),
        (datetime.date(2026, 1, 15), 2_340_000),
    ],
)
def test_the_base_salary_in_force_on_a_day(day, amount):
    assert BaseSalary.objects.in_force_on(day).amount == amount


def test_a_2021_award_is_valued_at_the_2021_base_salary():
    on = decision(2021, issued_on=datetime.date(2022, 1, 20))
    someone = person()
    ldtt = award(on, law.LDTT, someone)
    cstd = award(on, law.CSTD_CO_SO, someone)
    assert (ldtt.base_salary, ldtt.coefficient, ldtt.reward_amount) == (1_490_000, Decimal("0.3"), 450_000)
    assert cstd.reward_amount == 1_490_000


def test_an_award_after_1_july_2024_uses_2_340_000():
    on = decision(2024, issued_on=datetime.date(2024, 7, 1))
    line = award(on, law.LDTT, person())
    assert (line.base_salary, line.reward_amount) == (2_340_000, 710_000)


def test_a_collective_receives_twice_the_giay_khen_of_an_individual():
    on = decision(2021, issued_on=datetime.date(2022, 1, 20))
    individual = award(on, law.GIAY_KHEN, person())
    collective = award(on, law.GIAY_KHEN, unit())
    assert (individual.coefficient, collective.coefficient) == (Decimal("0.3"), Decimal("0.6"))
    assert (individual.reward_amount, collective.reward_amount) == (450_000, 900_000)


def test_an_overridden_amount_is_kept_with_its_note():
    line = award(decision(2023), law.LDTT, person(), override_amount=600_000, override_note="Theo Quyết định")
    line.refresh_from_db()
    assert (line.computed_amount, line.reward_amount) == (540_000, 600_000)
    line.override_amount = None
    line.override_note = ""
    line.save()
    assert line.reward_amount == 540_000


def test_an_override_without_a_note_is_refused():
    line = build(decision(2023), law.LDTT, person(), override_amount=600_000)
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert "override_note" in error.value.message_dict


def test_a_later_change_of_coefficient_does_not_revalue_an_award():
    line = award(decision(2023), law.LDTT, person())
    Title.objects.filter(code=law.LDTT).update(coefficient_person=Decimal("0.5"))
    line.refresh_from_db()
    line.reason = "Sửa lý do"
    line.save()
    assert (line.coefficient, line.reward_amount) == (Decimal("0.3"), 540_000)


def test_changing_the_title_takes_the_new_title_coefficient():
    line = award(decision(2023), law.GIAY_KHEN, person())
    line.title = title(law.LDTT)
    line.save()
    line.refresh_from_db()
    assert line.coefficient == Decimal("0.3")
    line.title = title(law.CSTD_CO_SO)
    line.save()
    assert (line.coefficient, line.reward_amount) == (Decimal("1.0"), 1_800_000)


def test_a_new_date_for_the_decision_revalues_its_awards():
    on = decision(2023, issued_on=datetime.date(2024, 6, 28))
    line = award(on, law.LDTT, person())
    assert line.reward_amount == 540_000
    on.refresh_from_db()
    on.issued_on = datetime.date(2024, 7, 2)
    on.save()
    line.refresh_from_db()
    assert (line.base_salary, line.reward_amount) == (2_340_000, 710_000)


def test_a_decision_before_any_recorded_base_salary_is_refused():
    line = build(decision(2015, issued_on=datetime.date(2016, 1, 10)), law.LDTT, person())
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert [e.code for e in error.value.error_dict["title"]] == ["no_base_salary"]
