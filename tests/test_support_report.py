"""The year-end report carries a sheet per kind of the Alliance's records."""

import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_2021(leader_client):
    response = leader_client.get("/reports/2021.xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def _rows(workbook, title):
    """The table: its header (row 4, under the title and area) and its rows,
    without the "Cộng" row that ends it."""
    rows = list(workbook[title].iter_rows(min_row=4, values_only=True))
    assert str(rows[-1][0]).startswith("Cộng: ")
    return rows[:-1]


def test_a_sheet_per_kind_after_the_registry_sheets(report_2021):
    # After the registry's annexes, before the awards and the notes.
    assert report_2021.sheetnames[-10:-2] == [
        "Thành viên Liên minh",
        "Quỹ hỗ trợ - dư nợ",
        "Quỹ hỗ trợ - giải ngân",
        "Lớp bồi dưỡng",
        "Học viên",
        "Tư vấn, hỗ trợ",
        "Xúc tiến thương mại",
        "Hộ thoát nghèo",
    ]


def test_the_households_sheet_lists_the_25_of_tram_tau(report_2021):
    rows = _rows(report_2021, "Hộ thoát nghèo")
    assert rows[0][:4] == ("STT", "Chủ hộ", "Thôn, bản", "Xã, phường")
    assert len(rows) == 1 + 25
    assert {row[3] for row in rows[1:]} == {"Xã Trạm Tấu"}
    assert [row[0] for row in rows[1:]] == list(range(1, 26))


def test_the_loan_sheets_hold_amounts_as_numbers(report_2021):
    disbursed = _rows(report_2021, "Quỹ hỗ trợ - giải ngân")
    assert len(disbursed) == 1 + 5
    header = disbursed[0]
    amounts = [row[header.index("Số tiền vay (đồng)")] for row in disbursed[1:]]
    assert sorted(amounts) == [300_000_000, 450_000_000, 500_000_000, 800_000_000, 1_000_000_000]
    outstanding = _rows(report_2021, "Quỹ hỗ trợ - dư nợ")
    column = outstanding[0].index("Dư nợ cuối năm (đồng)")
    assert sum(row[column] for row in outstanding[1:]) == 3_320_000_000
    assert report_2021["Quỹ hỗ trợ - dư nợ"].cell(row=5, column=column + 1).number_format == "#,##0"


def test_the_total_row_adds_up_the_amounts_and_names_sit_in_wide_columns(report_2021):
    sheet = report_2021["Quỹ hỗ trợ - giải ngân"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    header, total = rows[0], rows[-1]
    amount = header.index("Số tiền vay (đồng)")
    assert total[0] == "Cộng: 5 bản ghi"
    # 300 + 450 + 500 + 800 + 1.000 million, as a formula over the column
    assert str(total[amount]).startswith("=SUM(")
    assert header.index("Lãi suất (%/năm)") not in [i for i, v in enumerate(total) if v]  # a rate is not added up
    borrower = sheet.column_dimensions[chr(ord("A") + header.index("Đơn vị vay"))].width
    assert borrower > sheet.column_dimensions[chr(ord("A") + header.index("Ngày quyết định"))].width
