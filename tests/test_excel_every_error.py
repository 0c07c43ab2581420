"""Every error of every row in one pass, and the founding-member minimum of
the Law on Cooperatives 2023 (17/2023/QH15, Art. 4(7): at least 5 official
members; in force from 01/07/2024)."""

import pytest
from django.utils import translation

from registry.excel.importer import import_file
from registry.models import Cooperative
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký", "Số thành viên sáng lập", "Loại hình"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _errors(rows):
    plan, counts = import_file("cooperatives", xlsx_bytes([HEADER, *rows]), "file.xlsx")
    return plan, counts


def test_the_name_rule_is_reported_with_the_rows_other_errors():
    plan, counts = _errors([["5209910001", "Công ty Chè", "04606", "31/02/2021", 7, ""]])
    assert counts is None
    assert sorted((e.row, e.column) for e in plan.errors) == [(2, "Ngày đăng ký"), (2, "Tên HTX")]
    assert "must begin with “Hợp tác xã”" in next(e.message for e in plan.errors if e.column == "Tên HTX")


def test_a_cooperative_founded_under_the_2023_law_needs_5_founders():
    plan, counts = _errors(
        [
            ["5209910002", "Hợp tác xã Bốn Người", "04606", "01/07/2024", 4, ""],  # refused
            ["5209910003", "Hợp tác xã Năm Người", "04606", "01/07/2024", 5, ""],  # fine
            ["5209910004", "Hợp tác xã Luật Cũ", "04606", "30/06/2024", 3, ""],  # the old law
            ["5209910005", "Liên hiệp hợp tác xã Ba", "04606", "01/08/2024", 3, "Liên hiệp hợp tác xã"],  # a union
        ]
    )
    assert counts is None
    assert [(e.row, e.column, e.value) for e in plan.errors] == [(2, "Số thành viên sáng lập", "4")]
    assert "at least 5 founding members" in plan.errors[0].message


def test_the_founders_rule_in_vietnamese():
    with translation.override("vi"):
        plan, _counts = _errors([["5209910006", "Hợp tác xã Bốn Người", "04606", "02/07/2024", 4, ""]])
    assert "ít nhất 5 thành viên sáng lập" in plan.errors[0].message


def test_the_model_itself_holds_the_rule():
    coop = Cooperative(kind=Cooperative.Kind.COOPERATIVE, name="Hợp tác xã Ba", founding_members=3)
    coop.registration_date = Cooperative.LAW_2023_IN_FORCE
    with pytest.raises(Exception, match="founding members"):
        coop.clean()
