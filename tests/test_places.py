"""Provinces and communes save as any record does: a province through the
admin, a commune with the folded text that search and autocomplete read."""

import pytest
from django.urls import reverse

from places.models import Commune, Province

pytestmark = pytest.mark.django_db


def test_a_province_saves():
    province = Province.objects.get(code="15")
    province.short_name = "Lào Cai (mới)"
    province.save()  # raised AttributeError: Province has no build_search_text
    assert Province.objects.get(code="15").short_name == "Lào Cai (mới)"


def test_an_administrator_edits_a_province_in_the_admin(admin_client):
    url = reverse("admin:places_province_change", args=["15"])
    response = admin_client.post(url, {"code": "15", "name": "Tỉnh Lào Cai", "short_name": "Lào Cai"})
    assert response.status_code == 302
    assert Province.objects.get(code="15").name == "Tỉnh Lào Cai"


def test_a_commune_saved_through_the_orm_is_found_by_search():
    commune = Commune.objects.create(
        code="99999",
        province_id="15",
        name="Xã Ngọc Thử Nghiệm",
        short_name="Ngọc Thử Nghiệm",
        kind=Commune.Kind.COMMUNE,
    )
    assert commune.search_text == "xa ngoc thu nghiem 99999"
    assert list(Commune.objects.search("ngoc thu nghiem")) == [commune]
