import pytest
from django.core.management import call_command

from places.admin_units import communes_from_legacy_province
from places.models import Commune, Province

pytestmark = pytest.mark.django_db


def test_34_provinces_and_3321_communes_are_loaded():
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321


def test_kinds_of_commune():
    counts = {k: Commune.objects.filter(kind=k).count() for k in Commune.Kind.values}
    assert counts == {"xa": 2621, "phuong": 687, "dac_khu": 13}


def test_the_home_province_is_lao_cai_code_15():
    home = Province.objects.home()
    assert home.code == "15"
    assert home.short_name == "Lào Cai"
    assert Commune.objects.get(code="04606").name == "Xã Trạm Tấu"
    assert Commune.objects.get(code="04606").province_id == "15"


def test_former_yen_bai_communes_are_in_today_lao_cai():
    codes = communes_from_legacy_province("15")
    assert "04606" in codes
    assert set(Commune.objects.filter(code__in=codes).values_list("province_id", flat=True)) == {"15"}


def test_loading_again_changes_nothing():
    call_command("load_admin_units", verbosity=0)
    assert Commune.objects.count() == 3321


def test_reloading_unchanged_units_keeps_the_figures():
    # The Dockerfile reloads the units at every start: with nothing changed,
    # the figures' summary rows and caches must survive it.
    from registry.models import DataVersion

    before = DataVersion.versions()
    call_command("load_admin_units", verbosity=0)
    assert DataVersion.versions() == before


def test_reloading_units_that_move_a_commune_makes_the_figures_stale():
    from registry.models import DataVersion

    Commune.objects.filter(code="04606").update(province_id="01")  # as an older list had it
    before = DataVersion.current()
    call_command("load_admin_units", verbosity=0)
    assert DataVersion.current() > before
    assert Commune.objects.get(code="04606").province_id == "15"
