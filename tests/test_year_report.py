"""The year-end workbook (/reports/<year>.xlsx, export_report): the plan
sheet in the administrative form of Decree 30/2020/NĐ-CP, the annexes and
the notes, each printable. Expected figures are the seed's (see
../shared/seed): 87 new HTX of 65 planned, 1.183 THT of 1.000, and so on."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from coopportal.lib.scope import Scope
from reports.models import ReportSettings
from reports.workbook import write_year_report
from support.report import SHEETS as SUPPORT_SHEETS

pytestmark = pytest.mark.django_db

HEADER_ROW = 9  # 1-based row of the plan table's header
ANNEXES = ["HTX thành lập mới", "THT thành lập mới", "HTX chuyển đổi", "Mô hình chuỗi giá trị", "Sản phẩm OCOP",
           "Báo cáo HTX năm", "Khen thưởng"]  # fmt: skip
# The Alliance's own work, from the support app, between the registry's annexes and the awards.
SUPPORT = [title for title, _measure in SUPPORT_SHEETS]


def _plan_rows(workbook):
    """Indicator name -> the row's values (STT is an int on indicator rows)."""
    sheet = workbook["Kế hoạch"]
    rows = sheet.iter_rows(min_row=HEADER_ROW + 2, values_only=True)
    return {row[1]: row for row in rows if isinstance(row[0], int)}


def _report(year=2021, made_on=datetime.date(2022, 1, 20), scope=None):
    stream = io.BytesIO()
    write_year_report(year, stream, made_on=made_on, scope=scope)
    return load_workbook(io.BytesIO(stream.getvalue()))


@pytest.fixture(scope="module")
def report_2021(django_db_blocker):
    with django_db_blocker.unblock():
        return _report()


@pytest.fixture(scope="module")
def report_2022(django_db_blocker):
    with django_db_blocker.unblock():
        return _report(2022, made_on=datetime.date(2022, 11, 30))


def test_it_is_served_to_a_signed_in_user(leader_client):
    response = leader_client.get("/reports/2021.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-ket-qua-2021.xlsx"'
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Kế hoạch", *ANNEXES[:-1], *SUPPORT, "Khen thưởng", "Ghi chú"]


def test_it_needs_a_login(client):
    response = client.get("/reports/2021.xlsx")
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_the_plan_sheet_opens_in_the_administrative_form(report_2021):
    sheet = report_2021["Kế hoạch"]
    assert sheet["A1"].value == "UBND TỈNH LÀO CAI"
    assert sheet["A2"].value == "LIÊN MINH HTX TỈNH LÀO CAI"
    assert sheet["A3"].value == "Số: …/BC-LMHTX"
    assert sheet["D1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet["D2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert sheet["D3"].value == "Lào Cai, ngày … tháng … năm …"
    assert sheet["A5"].value == "BÁO CÁO"
    assert sheet["A6"].value == "Kết quả thực hiện kế hoạch phát triển kinh tế tập thể, hợp tác xã năm 2021"
    assert sheet["A7"].value == "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:C1", "D1:I1", "A2:C2", "D2:I2", "A5:I5", "A6:I6", "A7:I7"} <= merged
    assert sheet["D1"].font.b and sheet["A2"].font.b and sheet["D3"].font.i


def test_the_plan_sheet_ends_with_recipients_and_signature(report_2021):
    sheet = report_2021["Kế hoạch"]
    texts = [(c.coordinate, c.value) for row in sheet.iter_rows(min_row=20) for c in row if c.value]
    values = [v for _c, v in texts]
    start = values.index("Nơi nhận:")
    assert values[start:] == ["Nơi nhận:", "CHỦ TỊCH", "- UBND tỉnh;", "- Liên minh HTX Việt Nam;", "- Lưu: VT.",
                              "Đỗ Nhân Đạo"]  # fmt: skip
    coordinates = dict((v, c) for c, v in texts)
    assert coordinates["Nơi nhận:"].startswith("A") and coordinates["Đỗ Nhân Đạo"].startswith("D")


def test_the_plan_table_has_the_reports_columns(report_2021, report_2022):
    header = [c.value for c in report_2021["Kế hoạch"][HEADER_ROW]]
    assert header == ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2020", "Kế hoạch năm 2021",
                      "Thực hiện năm 2021", "TH/KH (%)", "So với năm 2020 (%)", "Ghi chú"]  # fmt: skip
    # Written before the year ends, the year's figure is an estimate.
    assert report_2022["Kế hoạch"].cell(HEADER_ROW, 6).value == "Ước thực hiện năm 2022"


def test_the_plan_table_holds_the_seed_figures_as_numbers(report_2021):
    rows = _plan_rows(report_2021)
    assert rows["Thành lập mới HTX"][2:9] == ("HTX", 70, 65, 87, 133.8, 124.3, "Vượt kế hoạch")
    assert rows["Thành lập mới tổ hợp tác"][2:7] == ("THT", 450, 1000, 1183, 118.3)
    assert rows["HTX chuyển đổi thành HTX kiểu mới"][4:7] == (20, 30, 150.0)
    assert rows["Mô hình HTX sản xuất gắn với chuỗi giá trị"][4:7] == (3, 5, 166.7)
    assert rows["Sản phẩm OCOP được tư vấn, hỗ trợ"][2:7] == ("sản phẩm", 3, 5, 5, 100.0)
    assert rows["Hộ nghèo được hỗ trợ thoát nghèo bền vững"][2:7] == ("hộ", 0, 15, 25, 166.7)
    assert rows["HTX hoạt động hiệu quả, bền vững (loại khá trở lên)"][4:9] == (None, 309, None, 118.8,
                                                                                  "Không giao chỉ tiêu")  # fmt: skip


def test_the_sections_are_merged_rows_across_the_table(report_2021):
    sheet = report_2021["Kế hoạch"]
    sections = [row[0].value for row in sheet.iter_rows(min_row=HEADER_ROW + 2) if isinstance(row[0].value, str)]
    assert sections[:5] == ["I. Hợp tác xã", "II. Tổ hợp tác", "III. Chất lượng, hiệu quả hoạt động của HTX",
                            "IV. Thu nhập, việc làm", "V. Hoạt động của Liên minh HTX"]  # fmt: skip
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert f"A{HEADER_ROW + 2}:I{HEADER_ROW + 2}" in merged
    assert sheet.cell(HEADER_ROW + 2, 1).value == "I. Hợp tác xã"


def test_comparisons_are_in_the_target_cell_not_in_the_name(report_2022):
    rows = _plan_rows(report_2022)
    assert rows["Tỷ lệ cán bộ quản lý HTX có trình độ cao đẳng, đại học trở lên"][2:5] == ("%", 24.9, "trên 22")
    assert rows["Tỷ lệ HTX đang hoạt động đạt loại khá trở lên"][4] == "từ 62 trở lên"
    assert rows["Thu nhập bình quân của thành viên, người lao động trong HTX"][2:5] == (
        "triệu đồng/người/năm",
        62.4,
        "từ 60 trở lên",
    )
    assert rows["Lao động thường xuyên trong các HTX"][4] == "trên 9.000"
    assert rows["Thành lập mới HTX"][4] == 80
    assert rows["HTX thành lập mới tổ chức, hoạt động theo Luật HTX"][4] == 100
    assert not any(name.endswith(("(trên)", "(từ)")) for name in rows)


def test_every_cell_is_times_new_roman(report_2021):
    for name in report_2021.sheetnames:
        sheet = report_2021[name]
        rows = sheet.iter_rows(max_row=min(60, sheet.max_row))
        fonts = {c.font.name for row in rows for c in row if c.value is not None}
        assert fonts == {"Times New Roman"}, name
    assert {font.name for font in report_2021._fonts} == {"Times New Roman"}


@pytest.mark.parametrize("name", ["Kế hoạch", *ANNEXES, *SUPPORT, "Ghi chú"])
def test_every_sheet_prints_on_a4_one_page_wide_with_numbered_pages(report_2021, name):
    sheet = report_2021[name]
    assert str(sheet.page_setup.paperSize) == "9"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # One page wide (1 is the attribute's default, so it may be left out), any number of pages tall.
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    header_row = HEADER_ROW if name == "Kế hoạch" else 4
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert all(sheet.column_dimensions[letter].width for letter in "ABCD")


def test_wide_tables_print_landscape_narrow_ones_portrait(report_2021):
    orientation = {
        name: report_2021[name].page_setup.orientation for name in report_2021.sheetnames if name not in SUPPORT
    }
    assert orientation == {
        "Kế hoạch": "landscape", "HTX thành lập mới": "landscape", "THT thành lập mới": "portrait",
        "HTX chuyển đổi": "landscape", "Mô hình chuỗi giá trị": "landscape", "Sản phẩm OCOP": "landscape",
        "Báo cáo HTX năm": "landscape", "Khen thưởng": "landscape", "Ghi chú": "landscape",
    }  # fmt: skip


def test_the_annexes_have_title_year_header_and_a_total_row(report_2021):
    sheet = report_2021["THT thành lập mới"]
    assert sheet["A1"].value == "DANH SÁCH TỔ HỢP TÁC THÀNH LẬP MỚI NĂM 2021"
    assert sheet["A2"].value == "(Kèm theo Báo cáo số …/BC-LMHTX; Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai)"
    assert [c.value for c in sheet[4]] == ["STT", "Tên tổ hợp tác", "Xã, phường", "Ngày thành lập", "Số thành viên",
                                           "Tình trạng"]  # fmt: skip
    assert sheet.freeze_panes == "A5"
    assert sheet.auto_filter.ref == "A4:F1187"
    last = [c.value for c in sheet[1188]]
    assert last[0] == "Cộng: 1.183 THT"
    assert "A1188:D1188" in {str(r) for r in sheet.merged_cells.ranges}
    assert last[4].startswith("=SUM(E5:E1187)")
    assert sheet["A1187"].value == 1183
    assert sheet["D5"].number_format == "dd/mm/yyyy"


def test_the_annexes_list_the_records_behind_the_figures(report_2021):
    def count(name):
        return sum(isinstance(row[0], int) for row in report_2021[name].iter_rows(min_row=5, values_only=True))

    assert count("HTX thành lập mới") == 87
    assert count("THT thành lập mới") == 1183
    assert count("HTX chuyển đổi") == 30
    assert count("Mô hình chuỗi giá trị") == 5
    assert count("Sản phẩm OCOP") == 5
    sheet = report_2021["HTX chuyển đổi"]
    assert sheet["A35"].value == "Cộng: 30 HTX"
    assert sheet["F5"].number_format == "dd/mm/yyyy"
    assert isinstance(sheet["F5"].value, datetime.datetime) and sheet["F5"].value.year == 2021


def test_the_awards_sheet_totals_the_money(report_2021):
    sheet = report_2021["Khen thưởng"]
    assert [c.value for c in sheet[4]][-2:] == ["Số tiền thưởng (đồng)", "Ghi chú"]
    rows = list(sheet.iter_rows(min_row=5, max_row=17, values_only=True))
    lines, total = rows[:-1], rows[-1]
    assert len(lines) == 12  # the demo's 2021 awards: 1 + 7 + 1 + 1 + 2
    lam = [r for r in lines if r[2] == "Nguyễn Đức Lâm"]
    assert [(r[1], r[7]) for r in lam] == [("Chiến sĩ thi đua cơ sở", 1490000), ("Lao động tiên tiến", 0)]
    assert lam[1][8].startswith("chỉ hưởng mức thưởng cao nhất")  # one achievement, the highest reward only
    assert all(isinstance(r[7], int) and r[7] >= 0 for r in lines)  # 0: a higher award paid instead
    assert total[0] == "Cộng: 12 lượt"
    assert total[7] == "=SUM(H5:H16)"


def test_the_notes_sheet_defines_the_measures(report_2021):
    sheet = report_2021["Ghi chú"]
    assert sheet["A1"].value == "GHI CHÚ CÁCH TÍNH CÁC CHỈ TIÊU NĂM 2021"
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)}
    assert rows["Thành lập mới HTX"][2] == (
        "Số HTX thành lập mới trong năm: HTX đăng ký thành lập trong năm; "
        "thời điểm: ngày phát sinh từ 01/01 đến 31/12 của năm; nguồn: sổ đăng ký HTX và liên hiệp HTX"
    )
    assert rows["Thành lập mới HTX"][3] == "Kế hoạch năm 2021 tỉnh giao cho Liên minh HTX tỉnh"
    households = rows["Hộ nghèo được hỗ trợ thoát nghèo bền vững"][2]
    assert households.startswith("Hộ nghèo được hỗ trợ thoát nghèo trong năm: ")


def test_the_settings_of_the_province_are_printed(report_2021):
    settings = ReportSettings.objects.get(province_id="15")
    settings.signer_authority = "TM. Ban Thường vụ"
    settings.signer_name = "Nguyễn Văn A"
    settings.former_province = ""
    settings.former_until_year = None
    settings.save()
    sheet = _report()["Kế hoạch"]
    assert sheet["A7"].value == "Tỉnh Lào Cai"
    values = [c.value for row in sheet.iter_rows(min_row=20) for c in row if c.value]
    start = values.index("Nơi nhận:")
    assert values[start + 1 : start + 3] == ["TM. BAN THƯỜNG VỤ", "- UBND tỉnh;"]
    assert "Nguyễn Văn A" in values


def test_the_whole_country_without_settings_is_issued_by_the_national_alliance(report_2021):
    workbook = _report(scope=Scope())
    sheet = workbook["Kế hoạch"]
    assert sheet["A2"].value == "LIÊN MINH HỢP TÁC XÃ VIỆT NAM"
    assert sheet["A7"].value == "Cả nước"
    # Only the whole country's table names each HTX's province.
    national = [c.value for c in workbook["Báo cáo HTX năm"][4]]
    provincial = [c.value for c in report_2021["Báo cáo HTX năm"][4]]
    assert national[:6] == ["STT", "Mã số HTX", "Tên hợp tác xã", "Xã, phường", "Tỉnh, thành phố", "Thành viên"]
    assert provincial[:5] == ["STT", "Mã số HTX", "Tên hợp tác xã", "Xã, phường", "Thành viên"]


def test_a_province_without_settings_gets_its_own_name():
    sheet = _report(scope=Scope(province="01"))["Kế hoạch"]
    assert sheet["A2"].value == "LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HÀ NỘI"
    assert sheet["D3"].value == "Hà Nội, ngày … tháng … năm …"


def test_the_command_writes_the_workbook_and_the_narrative(tmp_path):
    call_command("export_report", "2021", str(tmp_path / "r.xlsx"), verbosity=0)
    assert _plan_rows(load_workbook(tmp_path / "r.xlsx"))["Thành lập mới HTX"][4:6] == (65, 87)
    call_command("export_report", "2021", str(tmp_path / "r.docx"), verbosity=0)
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.xlsx"]


def test_the_command_refuses_another_kind_of_file(tmp_path):
    with pytest.raises(CommandError, match=r"\.xlsx.*\.docx"):
        call_command("export_report", "2021", str(tmp_path / "r.pdf"), verbosity=0)
    assert list(tmp_path.iterdir()) == []


def test_the_dashboard_links_to_both_documents(leader_client):
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert 'href="/reports/2021.xlsx"' in page
    assert 'href="/reports/2021.docx"' in page
