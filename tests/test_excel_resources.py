"""Every resource round-trips: what it exports imports back unchanged, an
edited cell updates one record, a bad cell is reported with its row and
nothing is written, and a record outside the user's area is refused."""

from decimal import Decimal

import pytest
from django.utils import translation

from coopportal.lib.scope import Scope
from planning.models import ManualActual, Target
from planning.resources import ManualActualResource, TargetResource
from registry.excel.formats import GuardedXLSX
from registry.models import Cooperative, CooperativeReport, OcopProduct, ValueChainModel
from registry.resources import (
    CooperativeReportResource,
    OcopProductResource,
    ValueChainModelResource,
)
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

RESOURCES = [
    (CooperativeReportResource, CooperativeReport),
    (OcopProductResource, OcopProduct),
    (ValueChainModelResource, ValueChainModel),
    (TargetResource, Target),
    (ManualActualResource, ManualActual),
]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _through_a_file(dataset):
    """The exported rows written as .xlsx and read back by the guarded format."""
    return GuardedXLSX().create_dataset(xlsx_bytes([dataset.headers, *dataset]))


def _export(resource_class, model, limit=40):
    queryset = model.objects.filter(pk__in=list(model.objects.order_by("pk").values_list("pk", flat=True)[:limit]))
    return resource_class().export(queryset)


@pytest.mark.parametrize(("resource_class", "model"), RESOURCES)
def test_export_then_import_changes_nothing(resource_class, model, typed_in_actual):
    exported = _export(resource_class, model)
    assert len(exported) > 0, f"the demo data has no {model.__name__}"
    before = model.objects.count()
    result = resource_class().import_data(_through_a_file(exported))
    assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows[:1]
    assert result.totals["new"] == 0 and result.totals["update"] == 0
    assert result.totals["skip"] == len(exported)
    assert model.objects.count() == before


def test_an_edited_report_updates_one_record_and_a_bad_cell_writes_nothing():
    exported = _export(CooperativeReportResource, CooperativeReport, limit=3)
    rows = [list(row) for row in exported]
    header = exported.headers
    members = header.index("Số thành viên")
    rows[0][members] = "1.234"
    result = CooperativeReportResource().import_data(_through_a_file(type(exported)(*rows, headers=header)))
    assert not result.has_validation_errors(), result.invalid_rows[:1]
    assert (result.totals["update"], result.totals["skip"]) == (1, 2)
    code, year = rows[0][0], rows[0][1]
    assert CooperativeReport.objects.get(cooperative__registration_code=code, year=year).members == 1234
    rows[1][members] = "nhiều"
    rows[2][header.index("Doanh thu (đồng)")] = "-5"
    result = CooperativeReportResource().import_data(_through_a_file(type(exported)(*rows, headers=header)))
    assert [row.number for row in result.invalid_rows] == [3, 4]  # spreadsheet rows, header on row 1
    assert "Số thành viên" in result.invalid_rows[0].field_specific_errors
    assert "Doanh thu (đồng)" in result.invalid_rows[1].field_specific_errors


def test_a_cooperative_outside_the_area_is_refused():
    exported = _export(OcopProductResource, OcopProduct, limit=1)
    result = OcopProductResource(scope=Scope(province="01")).import_data(_through_a_file(exported))
    assert result.has_validation_errors()
    assert "in your area" in str(result.invalid_rows[0].error_dict)


def test_a_new_value_chain_model_is_created_with_its_history():
    coop = Cooperative.objects.order_by("pk").first()
    header = ["Mã số HTX", "Tên mô hình", "Sản phẩm", "Ngày xây dựng"]
    data = xlsx_bytes([header, [coop.registration_code, "Chuỗi chè mới", "Chè", "15/03/2022"]])
    result = ValueChainModelResource().import_data(GuardedXLSX().create_dataset(data))
    assert result.totals["new"] == 1, result.invalid_rows[:1]
    created = ValueChainModel.objects.get(name="Chuỗi chè mới")
    assert created.history.count() == 1


def test_english_headers_are_accepted_for_plan_targets():
    exported = _export(TargetResource, Target, limit=1)
    target = Target.objects.order_by("pk").first()
    english = ["Indicator code", "Year", "Province code", "Commune code", "Target", "Assigning document"]
    assert exported.headers == ["Mã chỉ tiêu", "Năm", "Mã tỉnh", "Mã xã", "Chỉ tiêu", "Văn bản giao"]
    row = list(exported[0])
    row[4] = "1.234,5"
    data = xlsx_bytes([["PLAN TARGETS"], english, row])
    result = TargetResource().import_data(GuardedXLSX().create_dataset(data))
    assert not result.has_validation_errors(), result.invalid_rows[:1]
    assert result.totals["update"] == 1
    target.refresh_from_db()
    assert target.value == Decimal("1234.5")
