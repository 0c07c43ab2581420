"""Names are listed in Vietnamese alphabetical order (a ă â b c d đ e ê g h
i k l m n o ô ơ p q r s t u ư v x y; tones only when the letters are equal),
on SQLite and PostgreSQL alike, not by character code."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Person
from coopportal.lib.collation import sort_key
from places.models import Commune, Province
from registry.models import Cooperative

# Each pair: the first comes before the second.
PAIRS = [
    ("Phường Âu Lâu", "Phường Yên Bái"),  # â is the third letter, not after y
    ("Xã Dương Quỳ", "Xã Đông Cuông"),  # đ after d ...
    ("Xã Đông Cuông", "Xã Yên Thành"),  # ... but not after the rest
    ("Hạnh Phúc", "Hưng Khánh"),  # a before ư whatever the tone
    ("An Bình", "Ăn Năn"),
    ("Cây Đa", "Cây Đá"),  # same letters: no tone before sắc
]


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_sort_key_orders_the_tricky_pairs(first, second):
    assert sort_key(first) < sort_key(second)


def test_tones_come_after_letters_in_dictionary_order():
    names = ["Hạnh", "Hánh", "Hãnh", "Hảnh", "Hành", "Hanh"]
    assert sorted(names, key=sort_key) == ["Hanh", "Hành", "Hảnh", "Hãnh", "Hánh", "Hạnh"]


NAMES = ["Xã Yên Thành", "Phường Yên Bái", "Xã Đông Cuông", "Hưng Khánh", "Phường Âu Lâu", "Xã Dương Quỳ", "Hạnh Phúc"]
IN_ORDER = [
    "Hạnh Phúc",
    "Hưng Khánh",
    "Phường Âu Lâu",
    "Phường Yên Bái",
    "Xã Dương Quỳ",
    "Xã Đông Cuông",
    "Xã Yên Thành",
]


@pytest.mark.django_db
def test_communes_are_listed_in_vietnamese_order():
    province = Province.objects.create(code="99", name="Tỉnh Thử", short_name="Thử")
    for number, name in enumerate(NAMES):
        Commune.objects.create(code=f"9900{number}", province=province, name=name, short_name=name, kind="xa")
    assert list(Commune.objects.filter(province=province).values_list("name", flat=True)) == IN_ORDER


@pytest.mark.django_db
def test_people_are_listed_in_vietnamese_order():
    for name in NAMES:
        Person.objects.create(full_name=f"Người {name}", unit="Ban Thử nghiệm")
    found = Person.objects.filter(unit="Ban Thử nghiệm").values_list("full_name", flat=True)
    assert list(found) == [f"Người {name}" for name in IN_ORDER]


@pytest.mark.django_db
def test_search_results_are_in_vietnamese_order(admin_client):
    commune = Commune.objects.get(code="04606")
    for number, name in enumerate(NAMES):
        Cooperative.objects.create(
            registration_code=f"52099991{number:02d}",
            name=f"Hợp tác xã Zthử {name}",
            commune=commune,
            registration_date=datetime.date(2021, 1, 4),
        )
    response = admin_client.get(reverse("registry:search"), {"q": "zthu"})
    shown = [coop.name for coop in response.context["cooperatives"]]
    assert shown == [f"Hợp tác xã Zthử {name}" for name in IN_ORDER]
