"""Plan figures are cached per registry data version: repeated views cost
no aggregate queries, and any write to the registry makes them fresh."""

import datetime

import pytest
from django.core.cache import cache

from places.models import Commune
from planning.measures import EVERYWHERE, evaluate
from registry.excel.importer import import_file
from registry.models import Cooperative, DataVersion
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def local_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def _new_htx_2021():
    return evaluate({"htx_registered"}, [2021], EVERYWHERE)[("htx_registered", 2021)]


def test_a_second_evaluation_reads_only_the_version(django_assert_num_queries):
    assert _new_htx_2021() == 87
    with django_assert_num_queries(1):  # the data version
        assert _new_htx_2021() == 87


def test_a_save_makes_the_figures_fresh():
    assert _new_htx_2021() == 87
    before = DataVersion.current()
    Cooperative.objects.create(
        registration_code="5209700001",
        name="Hợp tác xã Làm Mới Số Liệu",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2021, 9, 9),
    )
    assert DataVersion.current() > before
    assert _new_htx_2021() == 88


def test_an_import_makes_the_figures_fresh():
    assert _new_htx_2021() == 87
    rows = [
        ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"],
        ["5209700002", "Hợp tác xã Nhập Mới", "04606", "09/09/2021"],
    ]
    import_file("cooperatives", xlsx_bytes(rows), "f.xlsx")
    assert _new_htx_2021() == 88


def test_a_deletion_makes_the_figures_fresh():
    coop = Cooperative.objects.create(
        registration_code="5209700003",
        name="Hợp tác xã Sẽ Xóa",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2021, 9, 9),
    )
    assert _new_htx_2021() == 88
    coop.status_changes.all().delete()
    coop.delete()
    assert _new_htx_2021() == 87
