"""Reward money: coefficient x the base salary in force on the decision's
date, rounded up to 10,000 VND (Decree 98/2023), stored, overridable with
a note."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards import law
from awards.law import Rounding
from awards.models import (
    BaseSalary,
    CollectiveMultiplier,
    Decision,
    FighterShareCap,
    RoundingRule,
    TitleCoefficient,
)
from tests.awards_helpers import award, build, decision, person, title, unit, without_share_cap

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


@pytest.mark.parametrize(
    ("direction", "expected"),
    [(Rounding.UP, 1_200_000), (Rounding.NEAREST, 1_190_000), (Rounding.DOWN, 1_190_000)],
)
def test_the_rounding_direction(direction, expected):
    assert law.reward_money(Decimal("0.8"), 1_490_000, 10_000, direction) == expected  # 1,192,000


def _coefficients(code):
    rows = TitleCoefficient.objects.filter(title__code=code).order_by("effective_from")
    return [(row.effective_from, row.coefficient_person, row.coefficient_collective) for row in rows]


D91, D98, D152 = datetime.date(2017, 9, 15), datetime.date(2024, 1, 1), datetime.date(2025, 7, 1)


def test_the_seeded_coefficients_are_dated_by_decree():
    assert _coefficients(law.LDTT) == [(d, Decimal("0.3"), None) for d in (D91, D98, D152)]
    assert _coefficients(law.CO_THI_DUA_CP) == [(d, None, Decimal("12.0")) for d in (D91, D98, D152)]
    assert _coefficients(law.BANG_KHEN_TINH) == [
        (D91, Decimal("1.0"), None),
        (D98, Decimal("1.0"), None),
        (D152, Decimal("1.5"), None),
    ]
    assert _coefficients(law.BANG_KHEN_TTG) == [(d, Decimal("3.5"), None) for d in (D91, D98, D152)]
    assert _coefficients(law.KY_NIEM_CHUONG) == [(D152, Decimal("0.6"), None)]
    assert _coefficients(law.TIEN_THUONG) == []


def test_every_seeded_figure_names_its_source_and_the_unverified_are_marked():
    for model in (BaseSalary, TitleCoefficient, CollectiveMultiplier, RoundingRule, FighterShareCap):
        for row in model.objects.all():
            assert row.legal_basis.startswith(("Nghị định", "Luật")), row
            assert row.verified or "chưa đối chiếu" in row.legal_basis, row
    salary_2026 = BaseSalary.objects.get(effective_from=datetime.date(2026, 7, 1))
    assert (salary_2026.amount, salary_2026.verified) == (2_530_000, False)
    assert salary_2026.legal_basis.startswith("Nghị định 161/2026/NĐ-CP")


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (datetime.date(2019, 6, 30), 1_390_000),
        (datetime.date(2019, 7, 1), 1_490_000),
        (datetime.date(2022, 1, 20), 1_490_000),
        (datetime.date(2024, 6, 30), 1_800_000),
        (datetime.date(2024, 7, 1), 2_340_000),
        (datetime.date(2026, 1, 15), 2_340_000),
        (datetime.date(2026, 6, 30), 2_340_000),
        (datetime.date(2026, 7, 1), 2_530_000),
    ],
)
def test_the_base_salary_in_force_on_a_day(day, amount):
    assert BaseSalary.objects.in_force_on(day).amount == amount


def test_a_2021_award_is_valued_at_the_2021_base_salary():
    without_share_cap()
    on = decision(2021, issued_on=datetime.date(2022, 1, 20))
    someone = person()
    ldtt = award(on, law.LDTT, someone)
    cstd = award(on, law.CSTD_CO_SO, someone)
    assert (ldtt.base_salary, ldtt.coefficient, ldtt.reward_amount) == (1_490_000, Decimal("0.3"), 450_000)
    assert cstd.reward_amount == 1_490_000


@pytest.mark.parametrize(
    ("code", "day", "base", "coefficient", "amount"),
    [
        (law.LDTT, datetime.date(2026, 6, 30), 2_340_000, "0.3", 710_000),  # 702,000 rounded up
        (law.LDTT, datetime.date(2026, 7, 1), 2_530_000, "0.3", 760_000),  # 759,000 rounded up
        (law.CSTD_CO_SO, datetime.date(2026, 6, 30), 2_340_000, "1.0", 2_340_000),
        (law.CSTD_CO_SO, datetime.date(2026, 7, 1), 2_530_000, "1.0", 2_530_000),
    ],
)
def test_a_2026_award_uses_the_base_salary_in_force_on_its_date(code, day, base, coefficient, amount):
    someone = person()
    on = decision(2025, issued_on=day)
    if code == law.CSTD_CO_SO:
        award(on, law.LDTT, someone)
    line = award(on, code, someone)
    assert (line.base_salary, line.coefficient, line.entitled_amount) == (base, Decimal(coefficient), amount)
    assert line.reward_amount == amount


@pytest.mark.parametrize(
    ("day", "individual", "collective"),
    [
        # Decree 91/2017: 1,0 x 1,490,000; a collective twice that
        (datetime.date(2022, 3, 15), (Decimal("1.0"), 1_490_000), (Decimal("2.0"), 2_980_000)),
        # Decree 152/2025: 1,5 x 2,340,000; a collective twice that
        (datetime.date(2026, 3, 15), (Decimal("1.5"), 3_510_000), (Decimal("3.0"), 7_020_000)),
    ],
)
def test_a_bang_khen_of_the_province_uses_the_coefficient_of_its_date(day, individual, collective):
    on = decision(day.year - 1, issued_on=day, level=Decision.Level.PROVINCE)
    to_person = award(on, law.BANG_KHEN_TINH, person())
    to_unit = award(on, law.BANG_KHEN_TINH, unit())
    assert (to_person.coefficient, to_person.reward_amount) == individual
    assert (to_unit.coefficient, to_unit.reward_amount) == collective


def test_a_new_rounding_rule_applies_from_its_date():
    RoundingRule.objects.create(
        effective_from=datetime.date(2026, 2, 1),
        step=10_000,
        direction=Rounding.NEAREST,
        legal_basis="Nghị định thử nghiệm",
    )
    before = award(decision(2025, issued_on=datetime.date(2026, 1, 31)), law.LDTT, person("Người A"))
    after = award(decision(2025, issued_on=datetime.date(2026, 2, 1)), law.LDTT, person("Người B"))
    assert (before.reward_amount, after.reward_amount) == (710_000, 700_000)  # 702,000 up, then to the nearest


def test_a_new_collective_multiplier_applies_from_its_date():
    CollectiveMultiplier.objects.create(
        effective_from=datetime.date(2026, 2, 1), multiplier=Decimal("3.0"), legal_basis="Nghị định thử nghiệm"
    )
    before = award(decision(2025, issued_on=datetime.date(2026, 1, 31)), law.GIAY_KHEN, unit("Ban A"))
    after = award(decision(2025, issued_on=datetime.date(2026, 2, 1)), law.GIAY_KHEN, unit("Ban B"))
    assert (before.reward_amount, after.reward_amount) == (1_410_000, 2_110_000)  # 0.6 and 0.9 x 2,340,000


def test_a_ky_niem_chuong_before_decree_152_needs_its_amount_by_hand():
    line = build(decision(2024, issued_on=datetime.date(2025, 6, 30)), law.KY_NIEM_CHUONG, person())
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert [e.code for e in error.value.error_dict["override_amount"]] == ["no_coefficient"]
    line = award(decision(2024, issued_on=datetime.date(2025, 7, 1)), law.KY_NIEM_CHUONG, person("Người Khác"))
    assert line.reward_amount == 1_410_000  # 0.6 x 2,340,000 = 1,404,000 rounded up


def test_a_plain_reward_is_the_amount_the_decision_states():
    line = build(decision(2023), law.TIEN_THUONG, person())
    with pytest.raises(ValidationError):
        line.full_clean()
    line = award(decision(2023), law.TIEN_THUONG, person("Người Khác"), override_amount=500_000, override_note="QĐ")
    assert (line.coefficient, line.reward_amount) == (None, 500_000)


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
    TitleCoefficient.objects.filter(title__code=law.LDTT).update(coefficient_person=Decimal("0.5"))
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
