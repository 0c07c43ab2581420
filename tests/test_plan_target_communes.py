"""The commune of a plan target comes from the area the year's plan was set
for: the 2021 plan of Lào Cai is the former Yên Bái's, so a commune's 2021
target belongs to a commune that came from the former Yên Bái, and the
admin's picker lists only those."""

import pytest

from accounts import roles
from places.admin_units import communes_from_legacy_province
from planning.models import Indicator, Target

pytestmark = pytest.mark.django_db

YEN_BAI_ONLY = sorted(set(communes_from_legacy_province("15")) - set(communes_from_legacy_province("10")))
LAO_CAI_ONLY = sorted(set(communes_from_legacy_province("10")) - set(communes_from_legacy_province("15")))


@pytest.fixture
def manager(client, make_user):
    client.force_login(make_user("kehoach", roles.PLAN_MANAGER))
    return client


def _communes(response):
    return set(response.context["adminform"].form.fields["commune"].queryset.values_list("code", flat=True))


def test_the_picker_of_a_former_yen_bai_plan_lists_its_communes_only(manager):
    target = Target.objects.filter(year=2021, province_id="15", former_province="15").first()
    communes = _communes(manager.get(f"/admin/planning/target/{target.pk}/change/"))
    assert communes == set(communes_from_legacy_province("15")) & communes
    assert YEN_BAI_ONLY[0] in communes and LAO_CAI_ONLY[0] not in communes
    assert communes == _communes(manager.get("/admin/planning/target/add/?year=2021&province=15"))


def test_a_plan_of_todays_province_keeps_every_commune(manager):
    communes = _communes(manager.get("/admin/planning/target/add/?year=2026&province=15"))
    assert YEN_BAI_ONLY[0] in communes and LAO_CAI_ONLY[0] in communes


def _add(client, commune):
    indicator = Indicator.objects.get(code="htx_new")
    data = {"indicator": indicator.pk, "year": 2021, "province": "15", "commune": commune, "value": "2"}
    data["source_document"] = ""
    return client.post("/admin/planning/target/add/", data)


def test_a_commune_from_elsewhere_is_refused_with_the_reason(manager):
    response = _add(manager, LAO_CAI_ONLY[0])
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["commune"]
    assert "Tỉnh Yên Bái" in errors[0] and "2021" in errors[0]
    assert not Target.objects.filter(commune_id=LAO_CAI_ONLY[0], year=2021).exists()


def test_a_commune_of_the_plans_area_is_saved(manager):
    assert _add(manager, YEN_BAI_ONLY[0]).status_code == 302
    assert Target.objects.filter(commune_id=YEN_BAI_ONLY[0], year=2021).exists()
