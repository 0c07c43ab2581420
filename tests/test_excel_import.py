import datetime
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from registry.excel.formats import FileRejected
from registry.excel.importer import import_file
from registry.models import Cooperative, CooperativeGroup, CooperativeStatusChange
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English here; test_errors_speak_vietnamese… checks the Vietnamese."""
    with translation.override("en"):
        yield


HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Xã, phường", "Ngày đăng ký", "Vốn điều lệ (đồng)"]


def _import(rows, name="file.xlsx", dry_run=False, kind="cooperatives"):
    return import_file(kind, xlsx_bytes(rows), name, dry_run=dry_run)


def test_a_valid_file_creates_cooperatives_with_history():
    plan, counts = _import(
        [HEADER, ["5209100001", "Hợp tác xã Chè Trạm Tấu Mới", "04606", "", "01/07/2021", "1.500.000.000"]]
    )
    assert plan.ok, plan.errors
    assert counts == {"created": 1, "updated": 0, "unchanged": 0}
    coop = Cooperative.objects.get(registration_code="5209100001")
    assert coop.registration_date == datetime.date(2021, 7, 1)  # day first
    assert coop.charter_capital == 1_500_000_000
    assert coop.search_text and "tram tau" in coop.search_text
    assert list(coop.status_changes.values_list("status", "changed_on")) == [("operating", datetime.date(2021, 7, 1))]


def test_english_headers_and_real_excel_dates_are_accepted():
    header = ["Registration code", "Name", "Commune code", "Registration date", "Charter capital (VND)"]
    plan, _counts = _import([header, ["5209100002", "Hợp tác xã Mật ong", "04606", datetime.date(2021, 7, 1), 2000]])
    assert plan.ok, plan.errors
    assert Cooperative.objects.get(registration_code="5209100002").registration_date == datetime.date(2021, 7, 1)


def test_a_legacy_address_is_mapped_to_todays_commune():
    plan, _counts = _import(
        [
            HEADER,
            ["5209100003", "Hợp tác xã Bản Công", "", "Xã Bản Công, Huyện Trạm Tấu, Tỉnh Yên Bái", "02/01/2022", 0],
        ]
    )
    assert plan.ok, plan.errors
    assert Cooperative.objects.get(registration_code="5209100003").commune.name == "Xã Hạnh Phúc"


BAD_ROWS = [
    HEADER,
    ["5209200001", "Hợp tác xã Một", "04606", "", "01/07/2021", 1000],  # row 2: fine
    ["5209200001", "Hợp tác xã Trùng Mã", "04606", "", "02/07/2021", 1000],  # row 3: duplicate in file
    ["5200100001", "Hợp tác xã Lấy Mã Cũ", "04606", "", "03/03/2021", 1000],  # row 4: existing code, other date
    ["5209200002", "Hợp tác xã Ngày Sai", "04606", "", "31/02/2021", 1000],  # row 5: no such date
    ["5209200003", "Hợp tác xã Không Xã", "99999", "", "01/01/2021", 1000],  # row 6: unknown commune
    ["5209200004", "Hợp tác xã Vốn Âm", "04606", "", "01/01/2021", -5],  # row 7: negative capital
    ["5209200005", "", "04606", "", "01/01/2021", 1000],  # row 8: empty name
    ["5209200006", "Hợp tác xã Tân Lập", "", "Xã Tân Lập", "01/01/2021", 1000],  # row 9: ambiguous name
]


def test_every_bad_row_is_reported_and_nothing_is_written():
    before = Cooperative.objects.count(), CooperativeStatusChange.objects.count()
    with translation.override("en"):
        plan, counts = _import(BAD_ROWS)
    assert counts is None
    assert (Cooperative.objects.count(), CooperativeStatusChange.objects.count()) == before
    found = {(e.row, e.column) for e in plan.errors}
    assert found == {
        (3, "Mã số HTX"),
        (4, "Ngày đăng ký"),
        (5, "Ngày đăng ký"),
        (6, "Mã xã"),
        (7, "Vốn điều lệ (đồng)"),
        (8, "Tên HTX"),
        (9, "Xã, phường"),
    }
    by_row = {e.row: e for e in plan.errors}
    assert "row 2" in by_row[3].message
    assert by_row[5].value == "31/02/2021"
    assert by_row[7].value == "-5"
    assert "Tỉnh" in by_row[9].message  # names the candidates


def test_errors_speak_vietnamese_by_default():
    with translation.override("vi"):
        plan, _counts = _import(BAD_ROWS)
    messages = " ".join(e.message for e in plan.errors)
    assert "không phải là ngày" in messages or "không phải ngày" in messages
    assert "Không có xã, phường nào mang mã 99999" in messages


def test_a_missing_required_column_is_reported_on_row_1():
    plan, _counts = _import([["Tên HTX", "Mã xã"], ["Hợp tác xã A", "04606"]])
    assert {(e.row, e.column) for e in plan.errors} == {(1, "Mã số HTX"), (1, "Ngày đăng ký")}


def test_the_command_exits_1_listing_every_error(capsys, tmp_path):
    path = tmp_path / "bad-rows.xlsx"
    with open(path, "wb") as stream:
        stream.write(xlsx_bytes(BAD_ROWS))
    before = Cooperative.objects.count()
    with pytest.raises(CommandError):
        call_command("import_registry", "cooperatives", path, "--language", "en")
    assert Cooperative.objects.count() == before
    err = capsys.readouterr().err
    for row in range(3, 10):
        assert f"row {row}," in err


def test_dry_run_writes_nothing():
    rows = [HEADER, ["5209100009", "Hợp tác xã Thử", "04606", "", "01/07/2021", 1]]
    plan, counts = _import(rows, dry_run=True)
    assert plan.ok and counts is None
    assert not Cooperative.objects.filter(registration_code="5209100009").exists()


def test_groups_are_matched_by_name_and_commune():
    header = ["Tên tổ hợp tác", "Mã xã", "Ngày thành lập", "Số thành viên"]
    plan, counts = _import([header, ["Tổ hợp tác dệt Đồng Tâm", "04606", "05/05/2021", 9]], kind="groups")
    assert counts == {"created": 1, "updated": 0, "unchanged": 0}, plan.errors
    plan, counts = _import([header, ["Tổ hợp tác dệt Đồng Tâm", "04606", "05/05/2021", 12]], kind="groups")
    assert counts == {"created": 0, "updated": 1, "unchanged": 0}
    assert CooperativeGroup.objects.get(name="Tổ hợp tác dệt Đồng Tâm").members == 12


def test_a_group_with_one_member_is_refused():
    header = ["Tên tổ hợp tác", "Mã xã", "Ngày thành lập", "Số thành viên"]
    plan, counts = _import([header, ["Tổ hợp tác một người", "04606", "05/05/2021", 1]], kind="groups")
    assert counts is None
    assert [(e.row, e.column) for e in plan.errors] == [(2, "Số thành viên")]


def test_a_non_xlsx_file_is_rejected_with_a_message():
    with pytest.raises(FileRejected, match="not an Excel"):
        import_file("cooperatives", b"%PDF-1.4 not a workbook", "registry.xlsx")
    with pytest.raises(FileRejected, match=r"\.xlsx"):
        import_file("cooperatives", b"anything", "registry.xls")


def test_a_corrupt_workbook_is_rejected_with_a_message():
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(FileRejected, match="damaged"):
        import_file("cooperatives", stream.getvalue(), "registry.xlsx")


def test_a_zip_bomb_is_rejected_before_parsing(settings):
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 5 * 1024 * 1024
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    data = stream.getvalue()
    assert len(data) < 100_000  # small on disk, huge unpacked
    with pytest.raises(FileRejected, match="unpacks"):
        import_file("cooperatives", data, "bomb.xlsx")


def test_too_large_and_too_many_rows_are_rejected(settings):
    settings.IMPORT_MAX_ROWS = 3
    rows = [HEADER] + [[f"52093000{i:02d}", f"Hợp tác xã {i}", "04606", "", "01/01/2021", 1] for i in range(5)]
    with pytest.raises(FileRejected, match="more than 3 rows"):
        _import(rows)
    settings.IMPORT_MAX_BYTES = 100
    with pytest.raises(FileRejected, match="limit"):
        _import(rows)


def test_csv_with_semicolons_and_vietnamese_numbers():
    text = (
        "Mã số HTX;Tên HTX;Mã xã;Ngày đăng ký;Vốn điều lệ (đồng)\n"
        "5209100010;Hợp tác xã CSV;04606;15/08/2021;1.234.567\n"
    )
    plan, _counts = import_file("cooperatives", text.encode("utf-8-sig"), "file.csv")
    assert plan.ok, plan.errors
    assert Cooperative.objects.get(registration_code="5209100010").charter_capital == 1_234_567
