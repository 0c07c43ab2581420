"""Excel in the admin of plan targets, manual actuals, award lines and the
Alliance's loans: django-import-export's upload → preview → confirm and the
export action, by role and within the user's area, as real roles use them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from accounts import roles
from awards.models import AwardLine, Person
from planning.models import Indicator, ManualActual, Target
from support.models import Loan, TrainingParticipant
from tests import awards_helpers as make
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

TARGETS = "/admin/planning/target/"
ACTUALS = "/admin/planning/manualactual/"
AWARDS = "/admin/awards/awardline/"
LOANS = "/admin/support/loan/"
TRAINEES = "/admin/support/trainingparticipant/"

TARGET_HEADER = ["Mã chỉ tiêu", "Năm", "Mã tỉnh", "Mã xã", "Chỉ tiêu", "Văn bản giao"]
ACTUAL_HEADER = ["Mã chỉ tiêu", "Năm", "Mã tỉnh", "Mã xã", "Kết quả", "Tính đến ngày", "Ghi chú, minh chứng"]
AWARD_HEADER = ["Số quyết định", "Ngày quyết định", "Năm thành tích", "Danh hiệu, hình thức khen thưởng"]
AWARD_HEADER += ["Họ và tên", "Chức vụ", "Đơn vị công tác"]


def _upload(client, changelist, rows, name="sheet.xlsx"):
    upload = SimpleUploadedFile(name, xlsx_bytes(rows))
    return client.post(f"{changelist}import/", {"import_file": upload, "format": "0"})


def _preview_and_confirm(client, changelist, rows):
    """Upload, check the preview has no error, confirm; the redirect."""
    response = _upload(client, changelist, rows)
    assert response.status_code == 200
    result = response.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), [
        (row.number, row.error_dict) for row in result.invalid_rows
    ]
    return client.post(f"{changelist}process_import/", response.context["confirm_form"].initial)


def _export(client, changelist, ids):
    response = client.post(changelist, {"action": "export_admin_action", "_selected_action": ids, "format": "0"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats"), response["Content-Type"]
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))


@pytest.fixture
def manual_indicator():
    return Indicator.objects.create(code="test_typed", name="Chỉ tiêu nhập tay")


# -- plan targets: the plan manager's --------------------------------------------


def test_a_plan_manager_imports_targets_through_the_preview(client, make_user, manual_indicator):
    client.force_login(make_user("kehoach", roles.PLAN_MANAGER))
    rows = [TARGET_HEADER, ["test_typed", 2026, "15", "", "12,5", "Nghị quyết 05/NQ-LMHTX"]]
    response = _preview_and_confirm(client, TARGETS, rows)
    assert response.status_code == 302
    target = Target.objects.get(indicator=manual_indicator)
    assert (target.year, target.province_id, str(target.value)) == (2026, "15", "12.50")
    assert target.history.count() == 1


def test_a_data_entry_officer_may_not_import_targets(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    assert client.get(f"{TARGETS}import/").status_code == 403
    assert f"{TARGETS}import/" not in client.get(TARGETS).content.decode()


def test_a_plan_manager_of_another_province_neither_imports_nor_exports_here(client, make_user, manual_indicator):
    client.force_login(make_user("kehoach-hanoi", roles.PLAN_MANAGER, province="01"))
    result = _upload(client, TARGETS, [TARGET_HEADER, ["test_typed", 2026, "15", "", 3, ""]]).context["result"]
    assert "Mã tỉnh" in result.invalid_rows[0].error_dict
    assert not Target.objects.filter(indicator=manual_indicator).exists()
    ids = list(Target.objects.filter(province_id="15").values_list("pk", flat=True)[:3])
    assert ids and _export(client, TARGETS, ids) == [tuple(TARGET_HEADER)]


def test_indicators_stay_national_no_import_there(client, make_user):
    # Shared by every province (accounts.scoping RULES): no import page at all.
    client.force_login(make_user("kehoach", roles.PLAN_MANAGER))
    assert client.get("/admin/planning/indicator/import/").status_code != 200
    assert "/admin/planning/indicator/import/" not in client.get("/admin/planning/indicator/").content.decode()


# -- manual actuals: the data-entry officer's -------------------------------------


def test_an_officer_imports_a_manual_actual_and_is_recorded_as_its_author(client, make_user, manual_indicator):
    officer = make_user("canbo", roles.DATA_ENTRY)
    client.force_login(officer)
    rows = [ACTUAL_HEADER, ["test_typed", 2025, "15", "", "1.234", "31/12/2025", "Báo cáo của các xã"]]
    assert _preview_and_confirm(client, ACTUALS, rows).status_code == 302
    actual = ManualActual.objects.get(indicator=manual_indicator)
    assert (actual.value, actual.entered_by) == (1234, officer)


def test_a_leader_reads_and_exports_manual_actuals_but_imports_nothing(client, make_user, typed_in_actual):
    client.force_login(make_user("lanhdao", roles.LEADERSHIP))
    assert client.get(f"{ACTUALS}import/").status_code == 403
    assert f"{ACTUALS}import/" not in client.get(ACTUALS).content.decode()
    rows = _export(client, ACTUALS, [typed_in_actual.pk])
    assert rows[0] == tuple(ACTUAL_HEADER)
    assert rows[1][:5] == ("typed_in_fixture", 2021, "15", None, 25)


# -- award lines ---------------------------------------------------------------------


def test_an_officer_imports_an_award_list_onto_a_decision(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    decision = make.decision(2022, number="11/QĐ-LMHTX")
    rows = [
        ["DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU LAO ĐỘNG TIÊN TIẾN NĂM 2022"],
        ["STT", *AWARD_HEADER],
        [1, "11/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Thị Nhập", "Chuyên viên", "Văn phòng"],
        [2, "11/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Liệu", "Kế toán", "Văn phòng"],
    ]
    response = _upload(client, AWARDS, rows)
    assert not response.context["result"].has_validation_errors()
    # The preview reads as the sheet does: the date as dd/mm/yyyy, the reward the law gives, no "None".
    page = response.content.decode()
    assert "15/01/2023" in page and "450.000" in page and "None" not in page
    assert not decision.lines.exists() and not Person.objects.filter(full_name="Bùi Thị Nhập").exists()
    response = client.post(f"{AWARDS}process_import/", response.context["confirm_form"].initial)
    assert response.status_code == 302
    # 0,3 x 1.490.000 = 447.000, rounded up to 450.000 đồng each.
    assert sorted(decision.lines.values_list("person__full_name", "entitled_amount")) == [
        ("Bùi Thị Nhập", 450_000),
        ("Bùi Văn Liệu", 450_000),
    ]


def test_a_confirm_that_no_longer_passes_writes_nothing_and_says_so(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    decision = make.decision(2022, number="11/QĐ-LMHTX")
    rows = [AWARD_HEADER, ["11/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Thị Nhập", "", "Văn phòng"]]
    confirm = _upload(client, AWARDS, rows).context["confirm_form"].initial
    decision.delete()  # by someone else, between the preview and the confirm
    response = client.post(f"{AWARDS}process_import/", confirm, follow=True)
    assert response.redirect_chain[-1][0] == f"{AWARDS}import/"
    assert [str(m) for m in response.context["messages"]] == [
        "Tệp không còn hợp lệ; chưa nhập dữ liệu nào. Hãy tải tệp lên lại."
    ]
    assert not Person.objects.filter(full_name="Bùi Thị Nhập").exists()


def test_a_leader_may_not_import_awards(client, make_user):
    client.force_login(make_user("lanhdao", roles.LEADERSHIP))
    assert client.get(f"{AWARDS}import/").status_code == 403
    assert f"{AWARDS}import/" not in client.get(AWARDS).content.decode()


def test_an_officer_of_another_province_neither_imports_nor_exports_these_awards(client, make_user):
    client.force_login(make_user("canbo-hanoi", roles.DATA_ENTRY, province="01"))
    make.decision(2022, number="11/QĐ-LMHTX")
    rows = [AWARD_HEADER, ["11/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Thị Xa", "", "Văn phòng"]]
    result = _upload(client, AWARDS, rows).context["result"]
    assert set(result.invalid_rows[0].error_dict) == {"Số quyết định"}
    ids = list(AwardLine.objects.filter(decision__province_id="15").values_list("pk", flat=True)[:3])
    assert ids and len(_export(client, AWARDS, ids)) == 1  # the header only


def test_the_award_export_writes_the_import_format(client, make_user):
    client.force_login(make_user("lanhdao", roles.LEADERSHIP))
    line = AwardLine.objects.get(decision__number="07/QĐ-LMHTX")
    rows = _export(client, AWARDS, [line.pk])
    assert rows[0][:7] == tuple(AWARD_HEADER)
    assert rows[1][:7] == ("07/QĐ-LMHTX", rows[1][1], 2021, "Giấy khen", "Trần Thế Tuấn", "Chuyên viên", rows[1][6])
    assert rows[1][1].strftime("%d/%m/%Y") == "20/01/2022"


# -- the Alliance's loans --------------------------------------------------------------


def test_an_officer_updates_a_loan_through_the_preview(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    loan = Loan.objects.get(decision_number="40/QĐ-QHT")
    rows = _export(client, LOANS, [loan.pk])
    header, row = list(rows[0]), list(rows[1])
    row[header.index("Số tiền vay (đồng)")] = "1.200.000.000"
    assert _preview_and_confirm(client, LOANS, [header, row]).status_code == 302
    loan.refresh_from_db()
    assert loan.amount == 1_200_000_000


@pytest.mark.parametrize("changelist", [LOANS, TRAINEES])
def test_a_leader_may_not_import_the_alliances_records(client, make_user, changelist):
    client.force_login(make_user("lanhdao", roles.LEADERSHIP))
    assert client.get(f"{changelist}import/").status_code == 403
    assert f"{changelist}import/" not in client.get(changelist).content.decode()


def test_an_officer_adds_trainees_through_the_preview(client, make_user):
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    trainee = TrainingParticipant.objects.filter(cooperative__commune__province_id="15").order_by("pk").first()
    rows = _export(client, TRAINEES, [trainee.pk])
    header, row = list(rows[0]), list(rows[1])
    row[header.index("Mã học viên")] = None
    row[header.index("Họ và tên")] = "Bùi Thị Học"
    assert _preview_and_confirm(client, TRAINEES, [header, row]).status_code == 302
    added = TrainingParticipant.objects.get(full_name="Bùi Thị Học")
    assert (added.training_class, added.cooperative) == (trainee.training_class, trainee.cooperative)


def test_an_officer_of_another_province_cannot_import_or_export_these_loans(client, make_user):
    loan = Loan.objects.get(decision_number="40/QĐ-QHT")
    client.force_login(make_user("canbo", roles.DATA_ENTRY))
    rows = _export(client, LOANS, [loan.pk])
    client.force_login(make_user("canbo-hanoi", roles.DATA_ENTRY, province="01"))
    assert len(_export(client, LOANS, [loan.pk])) == 1  # the header only
    header, row = list(rows[0]), list(rows[1])
    row[header.index("Số tiền vay (đồng)")] = "1.200.000.000"
    response = _upload(client, LOANS, [header, row])
    assert response.context["result"].has_validation_errors() or response.context["result"].has_errors()
    loan.refresh_from_db()
    assert loan.amount != 1_200_000_000
