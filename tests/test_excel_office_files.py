"""Files as offices type them: title rows above the header, an STT column,
a Ghi chú column, blank rows at the end; data under a merged or missing
header is reported, never dropped."""

import io

import pytest
from django.utils import translation
from openpyxl import Workbook

from registry.excel.importer import import_file
from registry.models import Cooperative

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def office_workbook(header, rows, merge=None):
    """The agency and the title above the header (merged, as offices do),
    a blank row, then the table; numbered empty rows at the end."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["LIÊN MINH HỢP TÁC XÃ TỈNH LÀO CAI", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    sheet.merge_cells("A1:C1")
    sheet.append(["DANH SÁCH HỢP TÁC XÃ THÀNH LẬP MỚI NĂM 2021"])
    sheet.merge_cells("A2:F2")
    sheet.append([])
    sheet.append(header)
    if merge:
        sheet.merge_cells(merge)
    for row in rows:
        sheet.append(row)
    for number in range(len(rows) + 1, len(rows) + 4):
        sheet.append([number])  # numbered, never filled
    sheet.append([])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


HEADER = ["STT", "Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký", "Ghi chú"]


def test_title_rows_stt_notes_and_trailing_rows_are_handled():
    data = office_workbook(
        HEADER,
        [
            [1, "5209900001", "Hợp tác xã Văn Phòng Một", "04606", "01/07/2021", "đã thẩm định"],
            [2, "5209900002", "Hợp tác xã Văn Phòng Hai", "04606", "02/07/2021", None],
        ],
    )
    plan, counts = import_file("cooperatives", data, "danh-sach.xlsx")
    assert plan.ok, plan.errors
    assert counts == {"created": 2, "updated": 0, "unchanged": 0}
    assert plan.header_row == 4
    assert Cooperative.objects.get(registration_code="5209900002").name == "Hợp tác xã Văn Phòng Hai"


def test_errors_name_the_rows_of_the_spreadsheet():
    data = office_workbook(
        HEADER,
        [
            [1, "5209900003", "Hợp tác xã Đúng", "04606", "01/07/2021", None],
            [2, "5209900004", "Hợp tác xã Sai Ngày", "04606", "31/02/2021", None],
        ],
    )
    plan, counts = import_file("cooperatives", data, "danh-sach.xlsx")
    assert counts is None
    assert [(e.row, e.column, e.value) for e in plan.errors] == [(6, "Ngày đăng ký", "31/02/2021")]


def test_data_under_a_header_merged_over_two_columns_is_reported():
    # "Tên HTX" merged over C4:D4: column D holds data under no header.
    header = ["STT", "Mã số HTX", "Tên HTX", None, "Mã xã", "Ngày đăng ký"]
    data = office_workbook(
        header,
        [[1, "5209900005", "Hợp tác xã", "Gộp Ô", "04606", "01/07/2021"]],
        merge="C4:D4",
    )
    plan, counts = import_file("cooperatives", data, "gop-o.xlsx")
    assert counts is None
    assert [(e.row, e.column, e.value) for e in plan.errors] == [(5, "D", "Gộp Ô")]
    assert "no header" in plan.errors[0].message
    assert not Cooperative.objects.filter(registration_code="5209900005").exists()


def test_data_beyond_the_last_header_is_reported():
    header = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"]
    data = office_workbook(header, [["5209900006", "Hợp tác xã Thừa Cột", "04606", "01/07/2021", "thừa"]])
    plan, counts = import_file("cooperatives", data, "thua-cot.xlsx")
    assert counts is None
    assert [(e.row, e.column, e.value) for e in plan.errors] == [(5, "E", "thừa")]


def test_a_csv_with_a_title_row():
    text = (
        "DANH SÁCH HỢP TÁC XÃ;;;\n"
        "STT;Mã số HTX;Tên HTX;Mã xã;Ngày đăng ký\n"
        "1;5209900007;Hợp tác xã CSV Tiêu Đề;04606;15/08/2021\n"
        ";;;;\n"
    )
    plan, counts = import_file("cooperatives", text.encode("utf-8-sig"), "tieu-de.csv")
    assert plan.ok, plan.errors
    assert counts["created"] == 1
