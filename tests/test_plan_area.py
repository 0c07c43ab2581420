"""A plan belongs to the area it was set for: a former province (its
communes today), today's province, or a commune. Built by hand in today's
Lào Cai (15), which took in the former Yên Bái (15) and Lào Cai (10)."""

import datetime
from decimal import Decimal

import pytest

from coopportal.lib.scope import Scope
from places.admin_units import communes_from_legacy_province
from planning.models import Indicator, ManualActual, Target
from planning.progress import PlanArea, PlanStatus, as_number, choose_former_province, plan_report
from registry.models import Cooperative

pytestmark = pytest.mark.django_db

YEAR = 2019


@pytest.fixture
def lao_cai():
    yen_bai = sorted(set(communes_from_legacy_province("15")) - set(communes_from_legacy_province("10")))
    lao_cai = sorted(set(communes_from_legacy_province("10")) - set(communes_from_legacy_province("15")))
    indicator, _ = Indicator.objects.update_or_create(
        code="test_new_htx", defaults={"name": "HTX mới", "measure": "htx_registered", "unit": "htx"}
    )
    manual, _ = Indicator.objects.update_or_create(
        code="test_households", defaults={"name": "Hộ", "unit": "households"}
    )
    base = Cooperative.objects.cooperatives().filter(commune__province_id="15").registered_in(YEAR).count()
    for number, commune in enumerate([yen_bai[0], yen_bai[1], yen_bai[2], lao_cai[0]]):
        Cooperative.objects.create(
            registration_code=f"15888{number:05d}",
            name=f"Hợp tác xã Vùng {number}",
            commune_id=commune,
            registration_date=datetime.date(YEAR, 3, 3),
        )
    Target.objects.create(indicator=indicator, year=YEAR, province_id="15", former_province="15", value=2)
    Target.objects.create(indicator=indicator, year=YEAR, province_id="15", former_province="10", value=5)
    ManualActual.objects.create(
        indicator=manual, year=YEAR, province_id="15", former_province="10", value=7, as_of=datetime.date(YEAR, 12, 31)
    )
    return base, yen_bai, lao_cai


def _row(report, code):
    return next(r for r in report.rows if r.indicator.code == code)


def test_the_former_yen_bai_plan_counts_its_own_communes(lao_cai):
    yen_bai_before = (
        Cooperative.objects.cooperatives()
        .filter(commune_id__in=communes_from_legacy_province("15"))
        .registered_in(YEAR)
        .exclude(name__contains="Vùng")
        .count()
    )
    report = plan_report(YEAR, Scope(province="15"))
    assert report.formers == ["10", "15"]
    assert report.area.former_province == "15"  # the code today's province kept
    row = _row(report, "test_new_htx")
    assert (row.target, row.actual) == (2, yen_bai_before + 3)
    assert _row(report, "test_households").actual is None  # the former Lào Cai's entry


def test_the_former_lao_cai_plan_when_asked(lao_cai):
    lao_cai_before = (
        Cooperative.objects.cooperatives()
        .filter(commune_id__in=communes_from_legacy_province("10"))
        .registered_in(YEAR)
        .exclude(name__contains="Vùng")
        .count()
    )
    report = plan_report(YEAR, Scope(province="15"), former_province="10")
    row = _row(report, "test_new_htx")
    assert (row.target, row.actual) == (5, lao_cai_before + 1)
    assert _row(report, "test_households").actual == 7


def test_todays_province_counts_everything_and_has_no_former_target(lao_cai):
    base, _yen_bai, _lao_cai = lao_cai
    report = plan_report(YEAR, Scope(province="15"), former_province="")
    row = _row(report, "test_new_htx")
    assert (row.target, row.actual, row.status) == (None, base + 4, PlanStatus.NO_TARGET)


def test_the_area_is_named_as_it_was_and_as_it_is():
    assert PlanArea.of(Scope(province="15"), "15").name("Tỉnh Lào Cai") == "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai"
    assert PlanArea.of(Scope(province="15")).name("Tỉnh Lào Cai") == "Tỉnh Lào Cai"
    assert PlanArea.of(Scope(province="15")).scope == Scope(province="15")


@pytest.mark.parametrize(
    ("formers", "province", "asked", "chosen"),
    [
        (["10", "15"], "15", None, "15"),
        (["10", "15"], "15", "10", "10"),
        (["10", "15"], "15", "", ""),
        (["10", "15"], "15", "99", "15"),
        (["10", "12"], "15", None, "10"),
        (["", "12"], "15", None, "12"),
        ([""], "15", None, ""),
        ([], "15", None, ""),
    ],
)
def test_which_former_province_a_page_shows(formers, province, asked, chosen):
    assert choose_former_province(formers, province, asked) == chosen


def test_a_former_province_must_exist_and_belong_to_a_province():
    from django.core.exceptions import ValidationError

    indicator = Indicator(code="x", name="x")
    with pytest.raises(ValidationError) as unknown:
        Target(indicator=indicator, year=2021, province_id="15", former_province="99", value=1).clean()
    assert "former_province" in unknown.value.message_dict
    with pytest.raises(ValidationError) as national:
        Target(indicator=indicator, year=2021, former_province="15", value=1).clean()
    assert "former_province" in national.value.message_dict
    Target(indicator=indicator, year=2021, province_id="15", former_province="15", value=1).clean()


def test_json_numbers_round_half_up():
    assert as_number(Decimal("0.25"), 1) == 0.3
    assert as_number(Decimal("62.45"), 1) == 62.5
    assert as_number(Decimal("87"), 1) == 87
    assert isinstance(as_number(Decimal("87.0")), int)
    assert as_number(None) is None
