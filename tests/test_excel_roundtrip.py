import io

import pytest
from django.core.management import call_command

from registry.excel.exporter import write_registry
from registry.excel.importer import import_file
from registry.models import Cooperative, CooperativeGroup, CooperativeStatusChange
from tests.excel_helpers import read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db


def _export(kind="cooperatives"):
    queryset = Cooperative.objects.all() if kind == "cooperatives" else CooperativeGroup.objects.all()
    stream = io.BytesIO()
    write_registry(kind, queryset, stream)
    return stream.getvalue()


@pytest.mark.parametrize("kind", ["cooperatives", "groups"])
def test_export_then_import_changes_nothing(kind):
    data = _export(kind)
    plan, counts = import_file(kind, data, "export.xlsx")
    assert plan.ok, plan.errors[:3]
    assert counts["created"] == 0 and counts["updated"] == 0
    assert counts["unchanged"] > 0


def test_one_edited_row_updates_one_record_and_one_new_row_adds_one():
    rows = read_xlsx(_export())
    header = rows[0]
    name_col = header.index("Tên HTX")
    status_col = header.index("Tình trạng")
    code_col = header.index("Mã số HTX")
    edited_code = rows[1][code_col]
    rows[1][name_col] = "Hợp tác xã Đã Sửa Tên"
    rows[1][status_col] = "Tạm ngừng hoạt động"
    new = list(rows[2])
    new[code_col] = "5209800001"
    new[name_col] = "Hợp tác xã Hoàn Toàn Mới"
    rows.append(new)
    history_before = CooperativeStatusChange.objects.count()
    plan, counts = import_file("cooperatives", xlsx_bytes(rows), "edited.xlsx")
    assert plan.ok, plan.errors[:3]
    assert (counts["created"], counts["updated"]) == (1, 1)
    edited = Cooperative.objects.get(registration_code=edited_code)
    assert edited.name == "Hợp tác xã Đã Sửa Tên"
    assert edited.status == Cooperative.Status.SUSPENDED
    assert "da sua ten" in edited.search_text
    # the status change and the new record's first status are both in the history
    assert CooperativeStatusChange.objects.count() == history_before + 2
    assert Cooperative.objects.filter(registration_code="5209800001").exists()


def test_export_keeps_types_and_neutralises_formulas():
    coop = Cooperative.objects.order_by("pk").first()
    coop.name = "Hợp tác xã =cmd|' /C calc'!A0"
    coop.representative = "@SUM(1+1)"
    coop.save()
    rows = read_xlsx(_export())
    header = rows[0]
    first = rows[1]
    assert first[header.index("Mã số HTX")] == coop.registration_code
    assert hasattr(first[header.index("Ngày đăng ký")], "year")  # a real date cell
    assert isinstance(first[header.index("Vốn điều lệ (đồng)")], int)
    assert first[header.index("Người đại diện")] == "'@SUM(1+1)"
    assert first[header.index("Mã xã")] == coop.commune_id  # kept as text, with its leading zero
    # and the neutralised text imports back as it was
    plan, counts = import_file("cooperatives", xlsx_bytes(rows), "export.xlsx")
    assert plan.ok and counts["updated"] == 0


def test_the_export_command_writes_every_record(tmp_path):
    target = tmp_path / "htx.xlsx"
    call_command("export_registry", "cooperatives", str(target), verbosity=0)
    assert len(read_xlsx(target.read_bytes())) == Cooperative.objects.count() + 1
