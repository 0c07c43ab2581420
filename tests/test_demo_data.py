"""The seed document's 2021 figures follow from the demo records."""

import pytest
from django.core.management import call_command

from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    OcopProduct,
    ValueChainModel,
)

pytestmark = pytest.mark.django_db


def test_87_htx_registered_in_2021():
    assert Cooperative.objects.cooperatives().registered_in(2021).count() == 87


def test_1183_tht_established_in_2021():
    assert CooperativeGroup.objects.established_in(2021).count() == 1183


def test_30_htx_converted_to_new_type_in_2021():
    assert Cooperative.objects.converted_in(2021).count() == 30


def test_5_value_chain_models_built_in_2021():
    assert ValueChainModel.objects.built_in(2021).count() == 5


def test_5_supported_ocop_products_for_4_htx_in_2021():
    products = OcopProduct.objects.certified_in(2021).supported()
    assert products.count() == 5
    assert products.values("cooperative").distinct().count() == 4


def test_309_htx_rated_good_or_fair_for_2021():
    assert CooperativeReport.objects.for_year(2021).good_or_fair().count() == 309


def test_no_new_htx_is_rated_in_its_first_year():
    new = CooperativeReport.objects.for_year(2021).filter(cooperative__registration_date__year=2021)
    assert new.count() == 87
    assert set(new.values_list("classification", flat=True)) == {Classification.NOT_RATED}


def test_earlier_years_exist():
    assert Cooperative.objects.registered_in(2020).exists()
    assert CooperativeGroup.objects.established_in(2020).exists()
    assert CooperativeReport.objects.for_year(2020).exists()


def test_the_demo_lives_in_former_yen_bai_now_lao_cai():
    provinces = set(Cooperative.objects.values_list("commune__province_id", flat=True))
    assert provinces == {"15"}
    assert (
        Cooperative.objects.filter(name__startswith="Hợp tác xã").count() == Cooperative.objects.cooperatives().count()
    )


def test_load_demo_twice_changes_nothing():
    before = (Cooperative.objects.count(), CooperativeGroup.objects.count(), CooperativeReport.objects.count())
    call_command("load_demo", verbosity=0)
    after = (Cooperative.objects.count(), CooperativeGroup.objects.count(), CooperativeReport.objects.count())
    assert before == after
