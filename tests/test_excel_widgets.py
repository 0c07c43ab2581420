"""The widgets that read the cells Vietnamese offices type."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from coopportal.lib.scope import Scope
from registry.excel.importer import import_file
from registry.excel.widgets import (
    ChoiceWidget,
    CommuneWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    TextWidget,
    YesNoWidget,
)
from registry.models import Cooperative
from tests.excel_helpers import xlsx_bytes


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("cell", "number"),
    [("1.234.567", 1_234_567), ("1 234 567", 1_234_567), ("1.234.567,00", 1_234_567), (2000.0, 2000), (7, 7)],
)
def test_whole_numbers_the_vietnamese_way(cell, number):
    assert IntegerWidget().clean(cell) == number


@pytest.mark.parametrize("cell", ["1.234,5", "abc", "-3", "1e999999"])
def test_what_is_not_a_whole_number_is_refused(cell):
    with pytest.raises(ValueError):
        IntegerWidget().clean(cell)


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        ("64,5", Decimal("64.5")),
        ("1.234.567", Decimal(1_234_567)),
        ("1.234,25", Decimal("1234.25")),
        (64.5, Decimal("64.5")),
    ],
)
def test_decimals_the_vietnamese_way(cell, number):
    assert DecimalWidget().clean(cell) == number


@pytest.mark.parametrize(
    "cell",
    [
        "01/07/2021",
        "1/7/2021",
        "01-07-2021",
        "2021-07-01",
        datetime.datetime(2021, 7, 1, 0, 0),
        44378,
        44378.0,
        "44378",
    ],
)
def test_dates_day_first_or_as_excel_serials(cell):
    assert DateWidget().clean(cell) == datetime.date(2021, 7, 1)


@pytest.mark.parametrize("cell", ["31/02/2021", "07/2021", "99999999"])
def test_what_is_not_a_date_is_refused(cell):
    with pytest.raises(ValueError, match="not a date"):
        DateWidget().clean(cell)


def test_blank_cells_are_none_and_text_is_tidied():
    assert DateWidget().clean("  ") is None
    assert IntegerWidget().clean(None) is None
    assert TextWidget().clean("  Hợp tác xã   Mới ") == "Hợp tác xã Mới"


def test_choices_by_vietnamese_label_english_label_or_code_and_written_in_vietnamese():
    widget = ChoiceWidget(Cooperative.Status)
    for cell in ("Tạm ngừng hoạt động", "tam ngung hoat dong", "Suspended", "suspended"):
        assert widget.clean(cell) == Cooperative.Status.SUSPENDED
    assert widget.render(Cooperative.Status.SUSPENDED) == "Tạm ngừng hoạt động"
    with pytest.raises(ValueError, match="is not one of"):
        widget.clean("Đang ngủ đông")


def test_yes_and_no():
    widget = YesNoWidget()
    assert [widget.clean(c) for c in ("Có", "x", "Không", "no")] == [True, True, False, False]
    assert (widget.render(True), widget.render(False)) == ("Có", "Không")


@pytest.mark.django_db
def test_the_commune_by_code_name_or_pre_2025_address():
    widget = CommuneWidget(name_columns=["Xã, phường"])
    assert widget.clean("4606").code == "04606"  # a code typed as a number loses its zero
    assert widget.clean("", row={"Xã, phường": "Xã Hạnh Phúc"}).name == "Xã Hạnh Phúc"
    legacy = widget.clean(None, row={"Xã, phường": "Xã Bản Công, Huyện Trạm Tấu, Tỉnh Yên Bái"})
    assert legacy.name == "Xã Hạnh Phúc"


@pytest.mark.django_db
def test_the_commune_within_the_users_area_from_the_resource_kwargs():
    widget = CommuneWidget(name_columns=["Xã, phường"])
    hanoi = Scope(province="01")
    with pytest.raises(ValueError, match="outside your area"):
        widget.clean("04606", scope=hanoi)
    assert widget.clean("04606", scope=Scope(province="15")).code == "04606"


@pytest.mark.django_db
def test_a_general_cell_holding_44378_imports_as_1_july_2021():
    rows = [["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"], ["5209500001", "Hợp tác xã Ngày Số", "04606", 44378]]
    plan, _counts = import_file("cooperatives", xlsx_bytes(rows), "serial.xlsx")
    assert plan.ok, plan.errors
    assert Cooperative.objects.get(registration_code="5209500001").registration_date == datetime.date(2021, 7, 1)
