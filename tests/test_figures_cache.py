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


ALLIANCE = {"htx_founded_with_support", "fund_loans_disbursed", "new_managers_trained"}


def _alliance(scope=EVERYWHERE):
    return evaluate(ALLIANCE, [2021, 2022], scope)


def _founded_with_support_2021():
    from support.models import SupportCase

    case = SupportCase.objects.filter(kind="founding", produced_cooperative__registration_date__year=2021).first()
    return case.produced_cooperative


def test_a_write_no_alliance_figure_reads_leaves_them_cached(django_assert_num_queries):
    # The Alliance's figures read of the registry only where and when
    # organisations were founded: a name corrected, a yearly report or a
    # status change does not recompute them (the registry's own figures are).
    alliance = _alliance()
    coop = _founded_with_support_2021()
    coop.name = "Hợp tác xã Đổi Tên"
    coop.save()
    coop.change_status(Cooperative.Status.SUSPENDED, datetime.date(2022, 3, 1))
    with django_assert_num_queries(1):  # the data version only
        assert _alliance() == alliance
    assert _new_htx_2021() == 87  # recomputed, and right


@pytest.mark.parametrize(
    "change",
    [
        lambda coop: setattr(coop, "registration_date", datetime.date(2022, 1, 5)),
        lambda coop: setattr(coop, "commune", Commune.objects.exclude(province_id="15").first()),
        lambda coop: setattr(coop, "kind", Cooperative.Kind.UNION),
    ],
    ids=["founding date", "commune in another province", "kind"],
)
def test_a_write_to_what_alliance_figures_read_makes_them_fresh(change):
    from coopportal.lib.scope import Scope
    from planning.measures import direct_figures

    lao_cai = Scope(province="15")
    _alliance(), _alliance(lao_cai)
    coop = _founded_with_support_2021()
    change(coop)
    coop.save()
    for scope in (EVERYWHERE, lao_cai):
        expected = {key: figure.value for key, figure in direct_figures(ALLIANCE, [2021, 2022], scope)[0].items()}
        assert _alliance(scope) == expected


def test_founding_date_moved_moves_the_htx_founded_with_support():
    before = _alliance()
    coop = _founded_with_support_2021()
    coop.registration_date = datetime.date(2022, 1, 5)
    coop.save()
    after = _alliance()
    assert after[("htx_founded_with_support", 2021)] == before[("htx_founded_with_support", 2021)] - 1
    assert after[("htx_founded_with_support", 2022)] == before[("htx_founded_with_support", 2022)] + 1
