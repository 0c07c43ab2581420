import datetime

import pytest

from coopportal.lib.text import fold
from places.models import Commune
from registry.models import Cooperative, CooperativeGroup

pytestmark = pytest.mark.django_db


def test_fold_removes_diacritics_case_and_d_stroke():
    assert fold("Trạm  Tấu") == "tram tau"
    assert fold("ĐỒNG Tâm") == "dong tam"
    assert fold("Hợp tác xã") == "hop tac xa"


@pytest.fixture
def coop():
    return Cooperative.objects.create(
        registration_code="5209999100",
        name="Hợp tác xã Đặc sản Tà Xùa",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2021, 1, 4),
        representative="Giàng A Dìn",
    )


@pytest.mark.parametrize("query", ["dac san ta xua", "ĐẶC SẢN", "Dac San", "giang a din", "5209999100"])
def test_cooperative_search_ignores_diacritics_and_case(coop, query):
    assert coop in Cooperative.objects.search(query)


def test_search_finds_by_commune_name(coop):
    assert coop in Cooperative.objects.search("tram tau dac san")


def test_every_word_must_match(coop):
    assert coop not in Cooperative.objects.search("dac san mu cang chai")


def test_group_search_ignores_diacritics():
    group = CooperativeGroup.objects.create(
        name="Tổ hợp tác Dệt thổ cẩm Đồng Tâm", commune_id="04606", established_on=datetime.date(2021, 2, 2)
    )
    assert list(CooperativeGroup.objects.search("det tho cam dong tam")) == [group]


def test_the_search_page_finds_records(leader_client, coop):
    response = leader_client.get("/registry/", {"q": "dac san ta xua"})
    assert response.status_code == 200
    assert "Hợp tác xã Đặc sản Tà Xùa" in response.content.decode()


def test_the_admin_search_ignores_diacritics(admin_client, coop):
    response = admin_client.get("/admin/registry/cooperative/", {"q": "dac san ta xua"})
    assert response.status_code == 200
    assert "Hợp tác xã Đặc sản Tà Xùa" in response.content.decode()
