"""What parsing an upload may cost: a small file must not stall the server.
Limits are made small here so that each test stays fast."""

import io
import time
import zipfile

import pytest
from django.utils import translation

from registry.excel.formats import FileRejected, GuardedXLSX
from registry.excel.importer import import_file
from registry.models import Cooperative
from tests.excel_helpers import xlsx_bytes, xlsx_with_shared_strings

pytestmark = pytest.mark.django_db

HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"]
ROW = ["5209700001", "Hợp tác xã Giới Hạn", "04606", "01/07/2021"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _strings(count, text=b"a"):
    return b"".join(b"<si><t>" + text + b"</t></si>" for _ in range(count))


def test_a_shared_strings_part_over_its_own_limit_is_refused_before_parsing(settings):
    # 2 MB unpacked, far under the workbook's limit, over the shared strings' one.
    settings.IMPORT_MAX_PART_BYTES = 1024 * 1024
    data = xlsx_with_shared_strings([HEADER, ROW], _strings(1, b"a" * (2 * 1024 * 1024)))
    assert len(data) < 20_000
    assert settings.IMPORT_MAX_UNCOMPRESSED_BYTES > 2 * 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(FileRejected, match=r"shared-strings part unpacks to 2\.0"):
        import_file("cooperatives", data, "small.xlsx")
    assert time.perf_counter() - start < 1


def test_a_shared_strings_part_with_too_many_strings_is_refused(settings):
    settings.IMPORT_MAX_PART_TAGS = 1000
    data = xlsx_with_shared_strings([HEADER, ROW], _strings(300))  # 4 tags each: 1,200
    with pytest.raises(FileRejected, match="shared-strings part holds too many elements"):
        import_file("cooperatives", data, "many.xlsx")


def test_one_shared_string_of_many_runs_is_refused():
    runs = b"<si>" + b"<r><t>a</t></r>" * 70_000 + b"</si>"
    with pytest.raises(FileRejected, match="too many elements"):
        list(GuardedXLSX().rows(xlsx_with_shared_strings([HEADER, ROW], runs)))


def test_comments_that_would_hide_tags_are_refused():
    hidden = b"<si><t>a</t></si><!-- <si> -->"
    with pytest.raises(FileRejected, match="too many elements"):
        list(GuardedXLSX().rows(xlsx_with_shared_strings([HEADER, ROW], hidden)))


def test_a_worksheet_part_over_its_limit_is_refused(settings):
    settings.IMPORT_MAX_SHEET_PART_BYTES = 2000
    rows = [HEADER] + [ROW] * 40
    with pytest.raises(FileRejected, match="worksheet unpacks to"):
        import_file("cooperatives", xlsx_bytes(rows), "wide.xlsx")


def test_a_file_with_more_cells_than_the_cap_is_refused(settings):
    settings.IMPORT_MAX_CELLS = 30
    text = "\n".join(",".join(row) for row in [HEADER] + [ROW] * 10)  # 44 cells
    with pytest.raises(FileRejected, match="more than 30 cells"):
        import_file("cooperatives", text.encode(), "cells.csv")


def test_cells_are_counted_without_the_padding_of_empty_columns(settings):
    settings.IMPORT_MAX_CELLS = 50
    settings.IMPORT_MAX_SHEET_TAGS = 10_000
    assert len(GuardedXLSX().table(xlsx_bytes([HEADER] + [ROW] * 10)).rows) == 10  # 44 cells, not 11 × 60


def test_a_long_cell_is_refused_with_its_place(settings):
    settings.IMPORT_MAX_CELL_CHARS = 1000
    rows = [HEADER, ROW, ["5209700002", "x" * 5000, "04606", "01/07/2021"]]
    with pytest.raises(FileRejected) as refused:
        import_file("cooperatives", xlsx_bytes(rows), "long.xlsx")
    assert str(refused.value) == "Cell B3 holds 5,000 characters; a cell may hold at most 1,000."


def test_a_csv_with_a_huge_field_gets_its_row_and_column():
    huge = "x" * 200_000  # over the csv module's own default field limit
    text = f"Mã số HTX,Tên HTX,Mã xã,Ngày đăng ký\n5209700003,{huge},04606,01/07/2021\n"
    with pytest.raises(FileRejected) as refused:
        import_file("cooperatives", text.encode(), "huge.csv")
    assert str(refused.value) == "Cell B2 holds 200,000 characters; a cell may hold at most 32,767."
    assert len(str(refused.value)) < 200


def test_a_bad_value_is_quoted_at_most_100_characters():
    long_date = "1" * 20_000
    rows = [HEADER, ["5209700005", "Hợp tác xã Ngày Dài", "04606", long_date]]
    plan, counts = import_file("cooperatives", xlsx_bytes(rows), "quote.xlsx")
    assert counts is None
    (error,) = plan.errors
    assert error.value == "1" * 100 + "…"
    assert len(error.message) < 200
    assert len(str(error)) < 400


def test_a_file_within_the_bounds_still_imports():
    plan, counts = import_file("cooperatives", xlsx_bytes([HEADER, ROW]), "ok.xlsx")
    assert plan.ok, plan.errors
    assert counts["created"] == 1
    assert Cooperative.objects.filter(registration_code="5209700001").exists()


def test_the_library_gets_a_guarded_dataset():
    dataset = GuardedXLSX().create_dataset(xlsx_bytes([HEADER, ROW]))
    assert dataset.headers == HEADER
    assert dataset[0] == tuple(ROW)


def _with_part(name, xml):
    """The small valid workbook with one part replaced by ``xml``."""
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([HEADER, ROW]))) as source:
        parts = {part: source.read(part) for part in source.namelist()}
    parts[name] = xml
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return stream.getvalue()


LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
)


def test_a_part_declaring_entities_is_refused_before_openpyxl_parses_it():
    # openpyxl parses with Python's own XML parser (settings): no part may
    # declare a document type, where entity bombs and external entities live.
    with pytest.raises(FileRejected, match="document type declaration"):
        list(GuardedXLSX().rows(_with_part("xl/worksheets/sheet1.xml", LAUGHS)))
    with translation.override("vi"):
        with pytest.raises(FileRejected, match="khai báo kiểu tài liệu"):
            import_file("cooperatives", _with_part("xl/worksheets/sheet1.xml", LAUGHS), "laughs.xlsx")
    assert not Cooperative.objects.filter(registration_code="5209700001").exists()


def test_a_part_in_another_encoding_is_refused():
    # In UTF-16 a declaration would not show as the bytes the scan looks for.
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><sst xmlns="x"></sst>'.encode("utf-16")
    with pytest.raises(FileRejected, match="encoding other than UTF-8"):
        list(GuardedXLSX().rows(_with_part("xl/sharedStrings.xml", utf16)))
    declared = b'<?xml version="1.0" encoding="ISO-8859-1"?><sst xmlns="x"></sst>'
    with pytest.raises(FileRejected, match="encoding other than UTF-8"):
        list(GuardedXLSX().rows(_with_part("xl/sharedStrings.xml", declared)))


def test_excel_s_own_declaration_and_byte_order_mark_are_read():
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([HEADER, ROW]))) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    # As Excel writes it, and with the byte order mark some writers add.
    excel = b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + sheet
    rows = list(GuardedXLSX().rows(_with_part("xl/worksheets/sheet1.xml", excel)))
    assert rows[1][1][0] == "5209700001"


def test_openpyxl_parses_with_python_s_own_parser_behind_the_guard():
    import openpyxl

    assert openpyxl.DEFUSEDXML is False
