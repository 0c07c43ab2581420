"""Award lines in and out of Excel (awards.resources): an office's list of
awardees imported onto a recorded decision, the reward computed by the law
in force on the decision's date, never typed; export → import changes
nothing; every error of every row at once, and nothing written."""

import datetime

import pytest

from accounts.scoping import scope_for
from awards.models import AwardLine, Collective, CollectiveKind, Decision, Person
from awards.resources import AwardLineResource
from coopportal.lib.scope import Scope
from registry.excel.formats import GuardedSpreadsheet
from registry.models import Cooperative
from tests import awards_helpers as make
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = [
    "Số quyết định",
    "Ngày quyết định",
    "Năm thành tích",
    "Danh hiệu, hình thức khen thưởng",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị công tác",
    "Tên tập thể",
    "Mã số HTX",
    "Thành tích",
    "Số tiền thưởng (đồng)",
]
LAO_CAI = Scope(province="15")


def _dataset(rows):
    return GuardedSpreadsheet().create_dataset(xlsx_bytes(rows))


def _import(rows, scope=LAO_CAI, dry_run=False):
    return AwardLineResource(scope=scope).import_data(_dataset(rows), dry_run=dry_run)


def _errors(result):
    """{(row of the sheet, column): [messages]} of every invalid row."""
    return {
        (row.number, column): messages for row in result.invalid_rows for column, messages in row.error_dict.items()
    }


@pytest.fixture
def decision():
    # Signed 15/01/2023, honouring 2022: the base salary is 1.490.000 đồng
    # (Decree 38/2019) and the reward is rounded up to 10.000 đồng.
    return make.decision(2022, number="09/QĐ-LMHTX")


def test_export_then_import_changes_nothing():
    lines = AwardLine.objects.filter(decision__province_id="15")
    assert lines.count() == 20  # the demo's five decisions: 3 + 5 + 9 + 2 + 1 lines
    data = GuardedSpreadsheet().export_data(AwardLineResource(scope=LAO_CAI).export(lines.with_details()))
    before = list(AwardLine.objects.order_by("pk").values_list())
    history = AwardLine.history.count()
    result = AwardLineResource(scope=LAO_CAI).import_data(GuardedSpreadsheet().create_dataset(data))
    assert not result.has_errors() and not result.has_validation_errors(), _errors(result)
    assert (result.totals["new"], result.totals["update"]) == (0, 0)
    assert list(AwardLine.objects.order_by("pk").values_list()) == before
    assert AwardLine.history.count() == history


def test_the_export_writes_the_sheet_as_offices_keep_it():
    line = AwardLine.objects.get(decision__number="07/QĐ-LMHTX")
    row = AwardLineResource().export(AwardLine.objects.filter(pk=line.pk)).dict[0]
    assert row["Số quyết định"] == "07/QĐ-LMHTX"
    assert row["Ngày quyết định"] == datetime.date(2022, 1, 20)
    assert row["Năm thành tích"] == 2021
    assert row["Danh hiệu, hình thức khen thưởng"] == "Giấy khen"
    assert (row["Họ và tên"], row["Đơn vị công tác"]) == ("Trần Thế Tuấn", "Trung tâm Tư vấn hỗ trợ thành viên")
    # Giấy khen: 0,3 x 1.490.000 = 447.000, rounded up to 450.000 đồng.
    assert row["Số tiền thưởng (đồng)"] == 450_000
    assert row["Tình trạng"] == "Còn hiệu lực"


def test_the_export_costs_one_query_whatever_the_number_of_lines(django_assert_num_queries):
    coop = Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()
    collective = Collective.objects.create(kind=CollectiveKind.COOPERATIVE, cooperative=coop)
    make.award(make.decision(2022), "giay_khen", collective)
    for count in (1, 21):
        lines = AwardLine.objects.filter(
            pk__in=list(AwardLine.objects.order_by("-pk").values_list("pk", flat=True)[:count])
        )
        with django_assert_num_queries(1):  # the lines with their decision, title, person, collective, cooperative
            assert len(AwardLineResource().export(lines)) == count


def test_an_office_list_adds_lines_with_the_reward_the_law_gives(decision):
    coop = Cooperative.objects.filter(commune__province_id="15").order_by("pk").first()
    CENTRE, TT_LDTT = "Trung tâm Tư vấn hỗ trợ thành viên", "Tập thể lao động tiên tiến"
    rows = [
        ["LIÊN MINH HỢP TÁC XÃ TỈNH LÀO CAI"],
        ["DANH SÁCH KHEN THƯỞNG NĂM 2022"],
        ["STT", *HEADER],
        [1, "09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Mới", "Kế toán", "Ban Kiểm tra"],
        [2, "09/QĐ-LMHTX", "15/01/2023", "", "lao dong tien tien", "Nguyễn Đức Lâm", "", CENTRE],
        [3, "09 / QĐ-LMHTX", 44941, 2022, "Giấy khen", "", "", "", "", coop.registration_code, "Dẫn đầu", 900_000],
        [4, "09/QĐ-LMHTX", "15/01/2023", 2022, TT_LDTT, "", "", "", "Ban Kiểm tra", "", "", "1.200.000"],
    ]  # fmt: skip
    result = _import(rows)
    assert not result.has_validation_errors(), _errors(result)
    assert result.totals["new"] == 4
    lines = {line.recipient.name: line for line in decision.lines.select_related("person", "collective")}
    # Lao động tiên tiến: 0,3 x 1.490.000 = 447.000 -> 450.000 đồng.
    assert lines["Bùi Văn Mới"].entitled_amount == 450_000
    assert Person.objects.get(full_name="Bùi Văn Mới").job_title == "Kế toán"
    assert lines["Nguyễn Đức Lâm"].person.pk == Person.objects.get(full_name="Nguyễn Đức Lâm").pk
    # A collective gets twice an individual's Giấy khen: 0,6 x 1.490.000 = 894.000 -> 900.000.
    assert lines[coop.name].entitled_amount == 900_000
    assert lines[coop.name].collective.cooperative == coop
    assert lines[coop.name].reason == "Dẫn đầu"
    # Tập thể lao động tiên tiến: 0,8 x 1.490.000 = 1.192.000 -> 1.200.000.
    unit = Collective.objects.get(name="Ban Kiểm tra")
    assert (unit.kind, lines["Ban Kiểm tra"].entitled_amount) == (CollectiveKind.ALLIANCE_UNIT, 1_200_000)
    assert lines["Bùi Văn Mới"].history.count() == 1


def test_a_typed_reward_that_contradicts_the_law_is_refused(decision):
    rows = [
        HEADER,
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Mới", "", "Ban Kiểm tra", "", "", "", 10**6],
    ]  # fmt: skip
    errors = _errors(_import(rows))
    assert list(errors) == [(2, "Số tiền thưởng (đồng)")]
    assert "450.000" in errors[(2, "Số tiền thưởng (đồng)")][0]
    assert not decision.lines.exists() and not Person.objects.filter(full_name="Bùi Văn Mới").exists()


def test_an_amount_the_decision_states_is_taken_with_its_reason(decision):
    header = [*HEADER, "Số tiền theo quyết định (đồng)", "Lý do ghi số tiền theo quyết định"]
    base = ["09/QĐ-LMHTX", "15/01/2023", 2022, "Tiền thưởng", "Bùi Văn Mới", "", "Ban Kiểm tra", "", "", ""]
    errors = _errors(_import([header, [*base, "", "500.000", ""]]))
    assert list(errors) == [(2, "Lý do ghi số tiền theo quyết định")]
    result = _import([header, [*base, 500_000, "500.000", "Mức thưởng ghi trong Quyết định 09/QĐ-LMHTX"]])
    assert not result.has_validation_errors(), _errors(result)
    assert decision.lines.get().entitled_amount == 500_000


def test_every_error_of_every_row_at_once_and_nothing_written(decision):
    # An officer limited to one commune, importing a cooperative of another.
    mine, other = Cooperative.objects.filter(commune__province_id="15").order_by("pk")[:2]
    scope = Scope(province="15", communes=frozenset([mine.commune_id]))
    assert other.commune_id != mine.commune_id
    rows = [
        HEADER,
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Đúng", "", "Ban Kiểm tra"],
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Huân chương Mặt Trăng", "Bùi Văn Sai", "", "Ban Kiểm tra"],
        ["09/QĐ-LMHTX", "31/02/2023", 2022, "Lao động tiên tiến", "Bùi Văn Ngày", "", "Ban Kiểm tra"],
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "", "", ""],
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Giấy khen", "", "", "", "", other.registration_code],
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Đúng", "", "Ban Kiểm tra"],
        ["09/QĐ-LMHTX", "15/01/2023", 2021, "Lao động tiên tiến", "Bùi Văn Năm", "", "Ban Kiểm tra"],
        ["99/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Số", "", "Ban Kiểm tra"],
    ]
    result = _import(rows, scope=scope)
    errors = _errors(result)
    assert sorted(errors) == [
        (3, "Danh hiệu, hình thức khen thưởng"),
        (4, "Ngày quyết định"),
        (5, "Họ và tên"),
        (6, "Mã số HTX"),
        (7, "Danh hiệu, hình thức khen thưởng"),
        (8, "Năm thành tích"),
        (9, "Số quyết định"),
    ]
    assert "Huân chương Mặt Trăng" in errors[(3, "Danh hiệu, hình thức khen thưởng")][0]
    assert "31/02/2023" in errors[(4, "Ngày quyết định")][0]
    assert other.registration_code in errors[(6, "Mã số HTX")][0]
    assert (
        "Row 2" in errors[(7, "Danh hiệu, hình thức khen thưởng")][0]
        or "Dòng 2" in errors[(7, "Danh hiệu, hình thức khen thưởng")][0]
    )
    assert "99/QĐ-LMHTX" in errors[(9, "Số quyết định")][0]
    assert not decision.lines.exists()
    assert not Person.objects.filter(full_name__startswith="Bùi Văn").exists()


def test_the_rules_see_every_row_whatever_their_order(decision):
    make.without_share_cap()
    lam = "Nguyễn Đức Lâm", "", "Trung tâm Tư vấn hỗ trợ thành viên"
    rows = [
        HEADER,
        # Chiến sĩ thi đua cơ sở rests on Lao động tiên tiến of the same year, given on the next row.
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Chiến sĩ thi đua cơ sở", *lam],
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", *lam],
    ]
    result = _import(rows)
    assert not result.has_validation_errors(), _errors(result)
    assert decision.lines.count() == 2
    alone = make.decision(2022, number="10/QĐ-LMHTX")
    result = _import([HEADER, ["10/QĐ-LMHTX", "15/01/2023", 2022, "Chiến sĩ thi đua cơ sở", "Bùi Văn Mới", "", "X"]])
    assert list(_errors(result)) == [(2, "Danh hiệu, hình thức khen thưởng")]
    assert not alone.lines.exists()


def test_an_officer_of_another_province_finds_no_decision_here(decision, make_user):
    from accounts import roles

    hanoi = scope_for(make_user("canbo-hanoi", roles.DATA_ENTRY, province="01"))
    rows = [HEADER, ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi Văn Mới", "", "Ban Kiểm tra"]]
    assert list(_errors(_import(rows, scope=hanoi))) == [(2, "Số quyết định")]
    assert not Decision.objects.get(pk=decision.pk).lines.exists()


def test_english_headers_are_accepted(decision):
    header = ["No.", "Decision number", "Decision date", "Title or form of commendation", "Full name", "Work unit"]
    rows = [["LIST OF AWARDS"], header, [1, "09/QĐ-LMHTX", "15/01/2023", "Advanced Worker", "Bùi Văn Mới", "Văn phòng"]]
    result = _import(rows)
    assert not result.has_validation_errors(), _errors(result)
    assert decision.lines.get().person.full_name == "Bùi Văn Mới"


def test_a_name_too_long_to_record_is_an_error_of_its_column(decision):
    rows = [
        HEADER,
        ["09/QĐ-LMHTX", "15/01/2023", 2022, "Lao động tiên tiến", "Bùi " * 60, "", "Văn phòng", "", "", "Tốt"],
    ]
    errors = _errors(_import(rows))
    assert list(errors) == [(2, "Họ và tên")]
    assert not decision.lines.exists()


def test_the_import_page_lists_only_the_columns_an_import_reads(admin_client):
    response = admin_client.get("/admin/awards/awardline/import/")
    assert response.status_code == 200
    columns = response.context["fields_list"][0][1]
    assert "Danh hiệu, hình thức khen thưởng" in columns and "Số quyết định" in columns
    # The status is written for the reader; a file never sets it.
    assert "Tình trạng" not in columns
    assert "Tình trạng" not in response.content.decode()
