import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _plan_rows(workbook):
    sheet = workbook["Kế hoạch"]
    return {row[1]: row for row in sheet.iter_rows(min_row=6, values_only=True) if isinstance(row[0], int)}


@pytest.fixture
def report_2021(leader_client):
    response = leader_client.get("/reports/2021.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('2021.xlsx"')
    return load_workbook(io.BytesIO(response.content))


def test_the_plan_sheet_holds_the_seed_figures_as_numbers(report_2021):
    sheet = report_2021["Kế hoạch"]
    assert sheet["A1"].value == "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2021"
    assert sheet["A2"].value == "Tỉnh Yên Bái (cũ), nay thuộc tỉnh Lào Cai"  # the area the 2021 plan was set for
    assert sheet["A3"].value.startswith("Ngày lập: ")
    assert [c.value for c in sheet[5]] == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% kế hoạch", "Đánh giá"]
    rows = _plan_rows(report_2021)
    new_htx = rows["Thành lập mới HTX"]
    assert new_htx[3:5] == (65, 87)
    assert new_htx[5] == pytest.approx(87 / 65)
    assert new_htx[6] == "Vượt kế hoạch"
    assert rows["Thành lập mới tổ hợp tác"][3:6] == (1000, 1183, pytest.approx(1.183))
    assert rows["Hộ nghèo được hỗ trợ thoát nghèo bền vững"][3:5] == (15, 25)
    assert rows["HTX hoạt động hiệu quả, bền vững (loại khá trở lên)"][4] == 309


def test_the_plan_sheet_is_formatted_for_printing(report_2021):
    sheet = report_2021["Kế hoạch"]
    percent_cell = next(r for r in sheet.iter_rows(min_row=6) if r[1].value == "Thành lập mới HTX")[5]
    assert percent_cell.number_format == "0.0%"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$5:$5"
    assert sheet.freeze_panes == "A6"


def test_the_record_sheets_list_the_records_behind_the_figures(report_2021):
    counts = {name: report_2021[name].max_row - 1 for name in report_2021.sheetnames[1:]}
    from awards.models import AwardLine
    from registry.models import CooperativeReport

    assert counts["Báo cáo HTX năm"] == CooperativeReport.objects.for_year(2021).filter(cooperative__kind="htx").count()
    assert counts["Khen thưởng"] == AwardLine.objects.counting().for_year(2021).count() > 0
    assert counts["HTX thành lập mới"] == 87
    assert counts["THT thành lập mới"] == 1183
    assert counts["HTX chuyển đổi"] == 30
    assert counts["Mô hình chuỗi giá trị"] == 5
    assert counts["Sản phẩm OCOP"] == 5
    sheet = report_2021["HTX thành lập mới"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G88"


def test_the_report_needs_a_login(client):
    response = client.get("/reports/2021.xlsx")
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_the_command_writes_the_same_report(tmp_path):
    target = tmp_path / "r.xlsx"
    call_command("export_report", "2021", str(target), verbosity=0)
    assert _plan_rows(load_workbook(target))["Thành lập mới HTX"][3:5] == (65, 87)


def test_the_dashboard_links_to_the_report(leader_client):
    assert 'href="/reports/2021.xlsx"' in leader_client.get("/dashboard/2021/").content.decode()


def test_the_awards_sheet_lists_the_years_awards_with_money(report_2021):
    rows = list(report_2021["Khen thưởng"].iter_rows(min_row=2, values_only=True))
    lam = [r for r in rows if r[2].startswith("Nguyễn Đức Lâm")]
    assert {r[1] for r in lam} >= {"Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"}
    assert all(isinstance(r[7], int) and r[7] >= 0 for r in rows)  # 0: a higher award paid instead
