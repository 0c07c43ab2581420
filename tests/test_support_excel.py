"""Excel in and out for loans and training participants (support.resources,
on the registry's ScopedResource and widgets): numbers and dates go out as
typed cells and come back however people type them; export → import changes
nothing; an edited cell updates the record with its history; a row outside
the user's area is an error of its row and column, and the file is refused
whole; English headers are accepted."""

import datetime

import pytest

from accounts import roles
from accounts.scoping import restrict, scope_for
from coopportal.lib.scope import Scope
from registry.excel.formats import GuardedSpreadsheet
from registry.models import Cooperative
from support.models import Loan, TrainingClass, TrainingParticipant
from support.resources import LoanResource, TrainingParticipantResource
from tests.excel_helpers import read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db

LAO_CAI = Scope(province="15")
HANOI = Scope(province="01")
LOAN_HEADER = ["Mã số HTX vay", "Mục đích vay", "Số tiền vay (đồng)", "Lãi suất (%/năm)", "Thời hạn (tháng)"]
LOAN_HEADER += ["Số quyết định", "Ngày quyết định"]


@pytest.fixture
def entry(make_user):
    return make_user("nhaplieu-excel", roles.DATA_ENTRY)


def _export(resource, queryset):
    """The .xlsx the admin's export action writes (the guarded format)."""
    return GuardedSpreadsheet().export_data(resource.export(queryset=queryset))


def _read(data):
    """A file read back as the admin's import reads it."""
    return GuardedSpreadsheet().create_dataset(data)


def _import(resource, dataset, dry_run=False):
    return resource.import_data(dataset, dry_run=dry_run)


def _errors(result):
    """{(row of the sheet, column): [messages]} of every invalid row."""
    return {
        (row.number, column): messages for row in result.invalid_rows for column, messages in row.error_dict.items()
    }


def _lao_cai_cooperative():
    return Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()


def test_loans_go_out_typed_with_vietnamese_headers_and_come_back_unchanged(entry):
    loans = restrict(Loan.objects.order_by("pk"), entry)
    data = _export(LoanResource(scope=scope_for(entry)), loans)
    header, first = read_xlsx(data)[:2]
    assert header[:4] == ["Mã khoản vay", "Mã số HTX vay", "Tên HTX vay", "Mục đích vay"]
    first = dict(zip(header, first, strict=True))
    # Numeric and date cells, as the registry's sheets write them.
    assert first["Số tiền vay (đồng)"] == 300_000_000
    assert first["Ngày quyết định"] == datetime.datetime(2019, 5, 6)
    assert first["Lãi suất (%/năm)"] == 5.4
    assert isinstance(first["Mã khoản vay"], int)
    before = list(Loan.objects.values_list("amount", "decision_date", "purpose", "interest_rate"))
    history = Loan.history.count()
    result = _import(LoanResource(scope=scope_for(entry)), _read(data))
    assert not result.has_errors() and not result.has_validation_errors(), _errors(result)
    assert result.totals["new"] == 0 and result.totals["update"] == 0
    assert list(Loan.objects.values_list("amount", "decision_date", "purpose", "interest_rate")) == before
    assert Loan.history.count() == history


def test_an_edited_amount_updates_the_loan_with_history(entry):
    loan = Loan.objects.get(decision_number="40/QĐ-QHT")
    rows = read_xlsx(_export(LoanResource(), Loan.objects.filter(pk=loan.pk)))
    rows[1][rows[0].index("Số tiền vay (đồng)")] = "1.200.000.000"
    result = _import(LoanResource(scope=scope_for(entry)), _read(xlsx_bytes(rows)))
    assert result.totals["update"] == 1, _errors(result)
    loan.refresh_from_db()
    assert loan.amount == 1_200_000_000
    assert loan.history.first().amount == 1_200_000_000


@pytest.mark.parametrize("amount", ["300.000.000", "300000000", 300000000, "300 000 000"])
@pytest.mark.parametrize("date", ["15/03/2021", 44270, datetime.datetime(2021, 3, 15)])
def test_a_new_loan_is_read_however_the_amount_and_date_are_typed(amount, date):
    coop = _lao_cai_cooperative()
    rows = [LOAN_HEADER, [coop.registration_code, "Mua máy sấy chè", amount, "5,4", 36, "77/QĐ-QHT", date]]
    result = _import(LoanResource(scope=LAO_CAI), _read(xlsx_bytes(rows)))
    assert result.totals["new"] == 1, _errors(result)
    loan = Loan.objects.get(decision_number="77/QĐ-QHT")
    assert (loan.borrower, loan.amount, loan.decision_date) == (coop, 300_000_000, datetime.date(2021, 3, 15))
    assert str(loan.interest_rate) == "5.40"
    assert loan.history.count() == 1


def test_a_cooperative_outside_the_area_is_an_error_of_its_row_and_column():
    coop = _lao_cai_cooperative()
    rows = [
        ["QUỸ HỖ TRỢ PHÁT TRIỂN HTX"],
        LOAN_HEADER,
        [coop.registration_code, "Mua máy sấy chè", "300.000.000", "5,4", 36, "77/QĐ-QHT", "15/03/2021"],
    ]
    result = _import(LoanResource(scope=HANOI), _read(xlsx_bytes(rows)))
    errors = _errors(result)
    # The sheet's own row 3 (a title row, then the header), the column's header.
    assert list(errors) == [(3, "Mã số HTX vay")]
    assert errors[(3, "Mã số HTX vay")] == [
        f"Không có hợp tác xã nào mang mã {coop.registration_code} trong địa bàn của bạn."
    ]
    assert not Loan.objects.filter(decision_number="77/QĐ-QHT").exists()


def test_a_file_with_a_row_outside_the_area_writes_nothing(entry):
    rows = read_xlsx(_export(LoanResource(), Loan.objects.order_by("pk")[:2]))
    column = rows[0].index("Mục đích vay")
    for row in rows[1:]:
        row[column] = "Đổi mục đích"
    result = _import(LoanResource(scope=HANOI), _read(xlsx_bytes(rows)))
    errors = _errors(result)
    # Each row names a loan (by its id) and a borrower outside Hà Nội.
    assert {(2, "Mã khoản vay"), (2, "Mã số HTX vay"), (3, "Mã khoản vay"), (3, "Mã số HTX vay")} <= set(errors)
    assert not Loan.objects.filter(purpose="Đổi mục đích").exists()


def test_one_bad_row_refuses_the_whole_file(entry):
    rows = read_xlsx(_export(LoanResource(), Loan.objects.order_by("pk")[:2]))
    rows[1][rows[0].index("Mục đích vay")] = "Đổi mục đích"
    rows[2][rows[0].index("Mã số HTX vay")] = "9999999999"
    result = _import(LoanResource(scope=scope_for(entry)), _read(xlsx_bytes(rows)))
    assert list(_errors(result)) == [(3, "Mã số HTX vay")]
    assert not Loan.objects.filter(purpose="Đổi mục đích").exists()


def test_english_headers_are_accepted_for_loans():
    coop = _lao_cai_cooperative()
    header = ["No.", "Borrower registration code", "Purpose", "Amount lent (VND)", "Interest rate (%/year)"]
    header += ["Term (months)", "Decision number", "Decision date"]
    rows = [
        ["SUPPORT FUND LOANS"],
        header,
        [1, coop.registration_code, "Mua máy sấy chè", "300.000.000", "5,4", 36, "78/QĐ-QHT", "15/03/2021"],
    ]
    result = _import(LoanResource(scope=LAO_CAI), _read(xlsx_bytes(rows)))
    assert result.totals["new"] == 1, _errors(result)
    assert Loan.objects.get(decision_number="78/QĐ-QHT").amount == 300_000_000


def test_participants_round_trip_and_a_new_row_is_added(entry):
    klass = TrainingClass.objects.filter(starts_on__year=2021).order_by("starts_on").first()
    participants = TrainingParticipant.objects.filter(training_class=klass).order_by("pk")
    rows = read_xlsx(_export(TrainingParticipantResource(), participants))
    header = rows[0]
    assert "Họ và tên" in header and "Vai trò" in header
    assert {row[header.index("Vai trò")] for row in rows[1:]} <= {"Quản lý", "Thành viên", "Cán bộ"}
    assert {row[header.index("Có tham dự")] for row in rows[1:]} <= {"Có", "Không"}
    result = _import(TrainingParticipantResource(scope=scope_for(entry)), _read(xlsx_bytes(rows)))
    assert result.totals["new"] == 0 and result.totals["update"] == 0, _errors(result)
    count = participants.count()

    coop = participants.filter(cooperative__isnull=False).first().cooperative
    new = dict.fromkeys(header, "")
    # As files exported before typed cells wrote them: ids as text, yes as "1".
    new.update(
        {
            "Mã lớp": str(klass.pk),
            "Họ và tên": "Triệu Thị Xuân",
            "Vai trò": "Thành viên",
            "Mã số HTX": coop.registration_code,
            "Có tham dự": "1",
            "Hoàn thành": "1",
        }
    )
    rows.append([new[h] for h in header])
    result = _import(TrainingParticipantResource(scope=scope_for(entry)), _read(xlsx_bytes(rows)))
    assert result.totals["new"] == 1, _errors(result)
    added = TrainingParticipant.objects.get(full_name="Triệu Thị Xuân")
    assert (added.role, added.commune_id, added.completed) == ("member", coop.commune_id, True)
    assert participants.count() == count + 1


def test_an_unknown_role_is_refused(entry):
    rows = read_xlsx(_export(TrainingParticipantResource(), TrainingParticipant.objects.order_by("pk")[:1]))
    rows[1][rows[0].index("Vai trò")] = "Giám đốc"
    result = _import(TrainingParticipantResource(scope=scope_for(entry)), _read(xlsx_bytes(rows)))
    assert list(_errors(result)) == [(2, "Vai trò")]


def test_a_class_outside_the_area_is_refused():
    participant = TrainingParticipant.objects.filter(commune__province_id="15").order_by("pk").first()
    rows = [
        ["Mã lớp", "Họ và tên", "Vai trò", "Tổ chức khác", "Mã xã", "Có tham dự", "Hoàn thành"],
        [participant.training_class_id, "Lò Văn Sáng", "Thành viên", "Hội Nông dân", "00004", "Có", "Không"],
    ]
    result = _import(TrainingParticipantResource(scope=HANOI), _read(xlsx_bytes(rows)))
    assert (2, "Mã lớp") in _errors(result)
    assert not TrainingParticipant.objects.filter(full_name="Lò Văn Sáng").exists()


def test_the_admin_offers_export_to_leaders_and_import_only_to_data_entry(client, make_user, entry):
    leader = make_user("lanhdao-excel", roles.LEADERSHIP)
    client.force_login(leader)
    assert client.get("/admin/support/loan/export/").status_code == 200
    assert client.get("/admin/support/loan/import/").status_code == 403
    client.force_login(entry)
    response = client.get("/admin/support/trainingparticipant/import/")
    assert response.status_code == 200
    # The columns an import reads: not the class topic written beside its id.
    columns = response.context["fields_list"][0][1]
    assert "Mã lớp" in columns and "Chủ đề lớp" not in columns


def test_the_admin_export_action_writes_numbers_and_dates_as_typed_cells(client, make_user):
    client.force_login(make_user("lanhdao-xuat", roles.LEADERSHIP))
    loan = Loan.objects.get(decision_number="40/QĐ-QHT")
    response = client.post(
        "/admin/support/loan/",
        {"action": "export_admin_action", "_selected_action": [loan.pk], "format": "0"},
    )
    assert response.status_code == 200
    header, row = read_xlsx(response.content)
    row = dict(zip(header, row, strict=True))
    assert row["Số tiền vay (đồng)"] == loan.amount
    assert row["Ngày quyết định"] == datetime.datetime.combine(loan.decision_date, datetime.time())
    assert row["Số quyết định"] == "40/QĐ-QHT"


def test_a_class_id_that_is_no_number_is_said_in_vietnamese():
    rows = [
        ["Mã lớp", "Họ và tên", "Vai trò", "Mã THT", "Có tham dự", "Hoàn thành"],
        ["lớp 3", "Lò Văn Sáng", "Thành viên", "12a", "Có", "Không"],
    ]
    errors = _errors(_import(TrainingParticipantResource(scope=LAO_CAI), _read(xlsx_bytes(rows))))
    assert {(2, "Mã lớp"), (2, "Mã THT")} <= set(errors)
    assert "expected a number" not in str(errors)
    assert not TrainingParticipant.objects.filter(full_name="Lò Văn Sáng").exists()


def test_an_id_that_names_no_loan_is_refused():
    coop = _lao_cai_cooperative()
    header = ["Mã khoản vay", *LOAN_HEADER]
    rows = [header, [987654, coop.registration_code, "Mua máy sấy chè", 300000000, "5,4", 36, "79/QĐ-QHT", 44270]]
    errors = _errors(_import(LoanResource(scope=LAO_CAI), _read(xlsx_bytes(rows))))
    assert list(errors) == [(2, "Mã khoản vay")]
    assert not Loan.objects.filter(decision_number="79/QĐ-QHT").exists()
