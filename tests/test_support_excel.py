"""Excel in and out for loans and training participants (django-import-export
resources with Vietnamese headers): export → import changes nothing; an
edited cell updates the record with its history; a row outside the user's
scope refuses the whole file."""

import pytest
import tablib

from accounts import roles
from accounts.scoping import restrict
from support.models import Loan, TrainingClass, TrainingParticipant
from support.resources import LoanResource, TrainingParticipantResource

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(make_user):
    return make_user("nhaplieu-excel", roles.DATA_ENTRY)


def _round_trip(resource, queryset):
    """Export to .xlsx bytes and read them back, as a user would."""
    data = resource.export(queryset=queryset).export("xlsx")
    return tablib.Dataset().load(data, format="xlsx")


def _import(resource, dataset):
    return resource.import_data(dataset, dry_run=False, use_transactions=True, rollback_on_validation_errors=True)


def test_loans_go_out_with_vietnamese_headers_and_come_back_unchanged(entry):
    loans = restrict(Loan.objects.order_by("pk"), entry)
    dataset = _round_trip(LoanResource(user=entry), loans)
    assert dataset.headers[:4] == ["Mã khoản vay", "Mã số HTX vay", "Tên HTX vay", "Mục đích vay"]
    first = dict(zip(dataset.headers, dataset[0], strict=True))
    assert first["Số tiền vay (đồng)"] == "300.000.000"
    assert first["Ngày quyết định"] == "06/05/2019"
    assert first["Lãi suất (%/năm)"] == "5,40"
    before = list(Loan.objects.values_list("amount", "decision_date", "purpose", "interest_rate"))
    history = Loan.history.count()
    result = _import(LoanResource(user=entry), dataset)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == 0 and result.totals["update"] == 0
    assert list(Loan.objects.values_list("amount", "decision_date", "purpose", "interest_rate")) == before
    assert Loan.history.count() == history


def test_an_edited_amount_updates_the_loan_with_history(entry):
    loan = Loan.objects.get(decision_number="40/QĐ-QHT")
    dataset = _round_trip(LoanResource(user=entry), Loan.objects.filter(pk=loan.pk))
    column = dataset.headers.index("Số tiền vay (đồng)")
    row = list(dataset[0])
    row[column] = "1.200.000.000"
    dataset[0] = row
    result = _import(LoanResource(user=entry), dataset)
    assert result.totals["update"] == 1
    loan.refresh_from_db()
    assert loan.amount == 1_200_000_000
    assert loan.history.first().amount == 1_200_000_000


def test_a_file_with_a_row_outside_the_scope_writes_nothing(make_user):
    hanoi = make_user("nhaplieu-hn-excel", roles.DATA_ENTRY, province="01")
    dataset = _round_trip(LoanResource(), Loan.objects.order_by("pk")[:2])
    column = dataset.headers.index("Mục đích vay")
    for i in range(len(dataset)):
        row = list(dataset[i])
        row[column] = "Đổi mục đích"
        dataset[i] = row
    result = _import(LoanResource(user=hanoi), dataset)
    assert result.has_validation_errors()
    assert not Loan.objects.filter(purpose="Đổi mục đích").exists()


def test_bad_input_is_reported_and_nothing_is_written(entry):
    dataset = _round_trip(LoanResource(user=entry), Loan.objects.order_by("pk")[:1])
    column = dataset.headers.index("Mã số HTX vay")
    row = list(dataset[0])
    row[column] = "9999999999"
    dataset[0] = row
    result = _import(LoanResource(user=entry), dataset)
    assert result.has_validation_errors() or result.has_errors()
    assert Loan.objects.order_by("pk").first().borrower.registration_code != "9999999999"


def test_participants_round_trip_and_a_new_row_is_added(entry):
    klass = TrainingClass.objects.filter(starts_on__year=2021).order_by("starts_on").first()
    participants = TrainingParticipant.objects.filter(training_class=klass).order_by("pk")
    dataset = _round_trip(TrainingParticipantResource(user=entry), participants)
    assert "Họ và tên" in dataset.headers and "Vai trò" in dataset.headers
    roles_written = set(dataset["Vai trò"])
    assert roles_written <= {"Quản lý", "Thành viên", "Cán bộ"}
    result = _import(TrainingParticipantResource(user=entry), dataset)
    assert result.totals["new"] == 0 and result.totals["update"] == 0
    count = participants.count()

    coop = participants.filter(cooperative__isnull=False).first().cooperative
    new = dict.fromkeys(dataset.headers, "")
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
    dataset.append([new[h] for h in dataset.headers])
    result = _import(TrainingParticipantResource(user=entry), dataset)
    assert result.totals["new"] == 1
    added = TrainingParticipant.objects.get(full_name="Triệu Thị Xuân")
    assert (added.role, added.commune_id, added.completed) == ("member", coop.commune_id, True)
    assert participants.count() == count + 1


def test_an_unknown_role_is_refused(entry):
    participants = TrainingParticipant.objects.order_by("pk")[:1]
    dataset = _round_trip(TrainingParticipantResource(user=entry), participants)
    column = dataset.headers.index("Vai trò")
    row = list(dataset[0])
    row[column] = "Giám đốc"
    dataset[0] = row
    result = _import(TrainingParticipantResource(user=entry), dataset)
    assert result.has_validation_errors() or result.has_errors()


def test_the_admin_offers_export_to_leaders_and_import_only_to_data_entry(client, make_user, entry):
    leader = make_user("lanhdao-excel", roles.LEADERSHIP)
    client.force_login(leader)
    assert client.get("/admin/support/loan/export/").status_code == 200
    assert client.get("/admin/support/loan/import/").status_code == 403
    client.force_login(entry)
    assert client.get("/admin/support/trainingparticipant/import/").status_code == 200
