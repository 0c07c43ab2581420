"""The summary rows (planning.summary) always add up to what the registry
itself gives: after every kind of write, every measure, year and area
computed from the summary rows equals the direct computation
(``direct_figures``), figures and breakdown by commune and by province."""

import datetime

import pytest

from coopportal.lib.scope import EVERYWHERE, Scope
from places.admin_units import units_loaded
from places.models import Commune
from planning.measures import MEASURES, _figures, direct_figures, figures
from planning.models import FigureSummary
from planning.progress import PlanArea
from registry.excel.importer import import_file
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    CooperativeStatusChange,
    DataVersion,
    GroupReport,
    OcopProduct,
    StaleCommune,
    ValueChainModel,
)
from support.models import SupportedHousehold
from tests.excel_helpers import xlsx_bytes
from tests.support_helpers import build_hanoi_set

pytestmark = pytest.mark.django_db

D = datetime.date
YEARS = [2019, 2020, 2021, 2022]
HOME = "04606"  # Xã Trạm Tấu, in the demo's former Yên Bái


def _scopes():
    other = Commune.objects.filter(province_id="15").exclude(code=HOME).order_by("code").first().code
    return [
        EVERYWHERE,
        Scope(province="15"),
        Scope(province="01"),
        Scope(province="15", communes=frozenset({HOME})),
        Scope(province="15", communes=frozenset({HOME, other})),
        PlanArea.of(Scope(province="15"), "15").scope,  # the former Yên Bái
        PlanArea.of(Scope(province="15"), "10").scope,  # the former Lào Cai
    ]


def assert_summary_matches_registry(years=YEARS):
    """Every measure, every year, every area: summary rows == registry."""
    codes = sorted(MEASURES)
    # By commune: every figure from the communes' rows, and the breakdown;
    # by province and ungrouped, the provinces' rows.
    groupings = [(scope, False) for scope in _scopes()] + [
        (EVERYWHERE, True),
        (EVERYWHERE, None),
        (Scope(province="15"), None),
        (Scope(province="15"), True),
        (Scope(province="01"), True),
    ]
    for scope, by_province in groupings:
        summed = _figures(codes, years, scope, by_province, summarised=True)
        direct = direct_figures(codes, years, scope, by_province)
        assert summed[0] == direct[0], (scope, by_province, _differences(summed[0], direct[0]))
        assert summed[1] == direct[1], (scope, by_province)
    assert not StaleCommune.objects.exists()


def _differences(summed, direct):
    return {key: (summed[key], direct[key]) for key in direct if summed[key] != direct[key]}


@pytest.fixture
def primed():
    """Summary rows computed for every measure and year before the write
    under test, so that the write must make them stale."""
    assert_summary_matches_registry()
    assert FigureSummary.objects.filter(commune__isnull=False).exists()


def _htx(code, commune=HOME, registered=None, **fields):
    return Cooperative.objects.create(
        registration_code=code,
        name=f"Hợp tác xã Tổng Hợp {code}",
        commune=Commune.objects.get(code=commune),
        registration_date=registered or D(2021, 6, 1),
        **fields,
    )


def _another_commune():
    return Commune.objects.filter(province_id="15").exclude(code=HOME).order_by("code").first()


def _reported_htx():
    return Cooperative.objects.filter(commune_id=HOME, kind=Cooperative.Kind.COOPERATIVE, reports__year=2021).first()


def test_figures_come_from_summary_rows(primed):
    # Rows tampered with show: the figures are read from them, not the registry.
    provinces = FigureSummary.objects.filter(part="htx_registered/0", year=2021, commune__isnull=True)
    provinces.exclude(province=None).update(records=1)
    assert (
        figures({"htx_registered"}, [2021], EVERYWHERE)[("htx_registered", 2021)].value
        == provinces.exclude(province=None).count()
    )
    one = FigureSummary.objects.filter(part="htx_registered/0", year=2021, province_id="15").exclude(commune=None)[0]
    FigureSummary.objects.filter(pk=one.pk).update(records=1000)
    scope = Scope(province="15", communes=frozenset({one.commune_id}))
    assert figures({"htx_registered"}, [2021], scope)[("htx_registered", 2021)].value == 1000


def test_a_new_htx(primed):
    _htx("5209911001")
    assert StaleCommune.objects.filter(commune_id=HOME).exists()
    assert_summary_matches_registry()


def test_an_edit(primed):
    coop = _reported_htx()
    coop.under_law = not coop.under_law
    coop.registration_date = D(2021, 2, 2)
    coop.save()
    report = coop.reports.get(year=2021)
    report.revenue += 123_456_789
    report.classification = Classification.WEAK
    report.save()
    assert_summary_matches_registry()


def test_a_move_to_another_commune_takes_its_reports(primed):
    coop = _reported_htx()
    coop.commune = _another_commune()
    coop.save()
    assert set(StaleCommune.objects.values_list("commune_id", flat=True)) == {HOME, coop.commune_id}
    assert_summary_matches_registry()


def test_a_move_to_another_province(primed):
    coop = _reported_htx()
    coop.commune = Commune.objects.filter(province_id="01").order_by("code").first()
    coop.save()
    assert_summary_matches_registry()


def test_a_status_change_dated_in_the_past_changes_several_years(primed):
    coop = Cooperative.objects.filter(
        commune_id=HOME, status=Cooperative.Status.OPERATING, registration_date__lt=D(2019, 1, 1)
    ).first()
    coop.change_status(Cooperative.Status.DISSOLVED, D(2019, 5, 1))
    assert_summary_matches_registry()


def test_a_status_change_entered_in_the_history(primed):
    coop = Cooperative.objects.filter(commune_id=HOME, registration_date__lt=D(2019, 1, 1)).first()
    CooperativeStatusChange.objects.create(
        cooperative=coop, status=Cooperative.Status.SUSPENDED, changed_on=D(2020, 3, 1)
    )
    assert_summary_matches_registry()


def test_deletions(primed):
    coop = _htx("5209911002", registered=D(2020, 1, 5))
    assert_summary_matches_registry()
    coop.delete()  # its status history goes with it
    report = CooperativeReport.objects.filter(cooperative__commune_id=HOME, year=2021).first()
    report.delete()
    assert_summary_matches_registry()


def test_groups_their_reports_and_a_group_grown_into_an_htx_elsewhere(primed):
    group = CooperativeGroup.objects.filter(commune_id=HOME, established_on__lt=D(2019, 1, 1)).first()
    GroupReport.objects.filter(group=group).delete()
    GroupReport.objects.create(group=group, year=2021, members=12, avg_income=3_000_000)
    assert_summary_matches_registry()
    # The THT grew into an HTX of another commune: its figures follow the HTX's date.
    htx = _htx("5209911003", commune=_another_commune().code, registered=D(2021, 8, 1))
    group.status = CooperativeGroup.Status.UPGRADED
    group.upgraded_to = htx
    group.save()
    assert_summary_matches_registry()
    htx.registration_date = D(2020, 8, 1)
    htx.save()  # marks the group's commune too
    assert HOME in set(StaleCommune.objects.values_list("commune_id", flat=True))
    assert_summary_matches_registry()


def test_ocop_products_and_value_chains(primed):
    coop = _reported_htx()
    OcopProduct.objects.create(
        name="Chè Shan tuyết", cooperative=coop, stars=4, certified_on=D(2021, 9, 1), alliance_supported=True
    )
    ValueChainModel.objects.create(cooperative=coop, name="Chuỗi chè", built_on=D(2022, 3, 1))
    assert_summary_matches_registry()


def test_an_import_through_the_resource(primed):
    coop = _reported_htx()
    rows = [
        ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"],
        ["5209911004", "Hợp tác xã Nhập Từ Tệp", HOME, "09/09/2021"],
        [coop.registration_code, coop.name, _another_commune().code, coop.registration_date.strftime("%d/%m/%Y")],
    ]
    result = import_file("cooperatives", xlsx_bytes(rows), "f.xlsx")
    assert not getattr(result, "errors", None)
    assert Cooperative.objects.get(pk=coop.pk).commune_id != HOME
    # A bulk path: the communes it wrote in, and the one a record left.
    assert set(StaleCommune.objects.values_list("commune_id", flat=True)) == {HOME, _another_commune().code}
    assert_summary_matches_registry()


def test_the_alliance_records(primed):
    build_hanoi_set()
    SupportedHousehold.objects.create(
        head_name="Lò Văn A", commune_id=HOME, programme="Giảm nghèo", supported_year=2020, left_poverty_year=2021
    )
    assert_summary_matches_registry()


def test_units_reloaded_with_communes_moved(primed):
    moved = _another_commune()
    Commune.objects.filter(code=moved.code).update(province_id="01")
    Cooperative.objects.filter(commune_id=HOME).update(commune=moved)  # as a reload may, in bulk
    units_loaded.send(sender=Commune)
    assert_summary_matches_registry()


def test_a_bulk_path_that_only_bumps(primed):
    CooperativeReport.objects.filter(cooperative__commune_id=HOME, year=2021).update(revenue=7_000_000_000)
    DataVersion.bump()  # what the demo loaders and the bench generator do after bulk writes
    assert_summary_matches_registry()


def test_years_never_computed_are_computed_for_every_commune(primed):
    _htx("5209911005", registered=D(2023, 4, 1))
    assert_summary_matches_registry([2023, 2024, 2000])
    assert FigureSummary.objects.filter(year=2000, commune__isnull=True).exists()


def test_a_commune_moving_province(primed):
    moved = Commune.objects.get(code=HOME)
    moved.province_id = "01"
    moved.save()
    assert list(StaleCommune.objects.values_list("commune_id", flat=True)) == [HOME]
    assert_summary_matches_registry()


def test_shared_parts_are_kept_once():
    """The operating HTX are the base of htx_good_share and the figure
    htx_operating: one set of rows, named by the first measure using it."""
    assert_summary_matches_registry([2021])
    keys = set(FigureSummary.objects.values_list("part", flat=True))
    assert "htx_good_share/1" in keys and "htx_operating/0" not in keys


def test_a_write_refreshes_its_communes_once_committed(primed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        coop = _htx("5209911006")
    assert not StaleCommune.objects.exists()  # the reader has nothing left to recompute
    assert_summary_matches_registry()
    with django_capture_on_commit_callbacks(execute=True):
        coop.change_status(Cooperative.Status.SUSPENDED, D(2021, 12, 1))
    assert not StaleCommune.objects.exists()
    assert_summary_matches_registry()


def test_migrate_with_unchanged_rules_keeps_the_summary_rows(primed):
    # The Dockerfile migrates at every start: the rows must survive it.
    from planning.apps import summary_rows_stale_after_migrate

    summary_rows_stale_after_migrate(using="default")  # the rules as they are now
    before = DataVersion.versions()
    summary_rows_stale_after_migrate(using="default")
    assert DataVersion.versions() == before
    assert not StaleCommune.objects.exists()


def test_migrate_after_a_rule_changed_recomputes_every_commune(primed, monkeypatch):
    import dataclasses

    from django.db.models import Q

    from planning.apps import summary_rows_stale_after_migrate
    from planning.measures import MEASURES

    summary_rows_stale_after_migrate(using="default")
    measure = MEASURES["htx_registered"]
    changed = dataclasses.replace(measure.numerator[0], condition=lambda year: Q(registration_date__year=year - 1))
    monkeypatch.setattr(measure, "numerator", [changed])
    before = DataVersion.current()
    summary_rows_stale_after_migrate(using="default")
    assert DataVersion.current() > before
    assert StaleCommune.objects.filter(commune__isnull=True).exists()  # every commune
    assert_summary_matches_registry()  # with the new rule
