"""The import's bulk writes: every created or updated record gets its status
row and its change-history row (with the importing user), copied inside the
database, and the queries of an import grow with its batches, not its rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from registry.excel.importer import import_file
from registry.models import Cooperative
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký", "Tình trạng"]


def _new_rows(count, start=0):
    return [
        [f"52097{i:05d}", f"Hợp tác xã Nhập Hàng Loạt {i}", "04606", datetime.date(2022, 1, 1 + i % 28), ""]
        for i in range(start, start + count)
    ]


def test_every_record_of_a_bulk_import_has_its_status_row_and_history_row(django_user_model):
    user = django_user_model.objects.create_user("nhap-lo", password="a-long-test-password")
    existing = Cooperative.objects.filter(status=Cooperative.Status.OPERATING).order_by("pk").first()
    status_rows_before = existing.status_changes.count()
    updated_row = [
        existing.registration_code,
        existing.name,
        existing.commune_id,
        existing.registration_date,
        "Tạm ngừng hoạt động",
    ]
    plan, counts = import_file("cooperatives", xlsx_bytes([HEADER, *_new_rows(3), updated_row]), "f.xlsx", user=user)
    assert counts == {"created": 3, "updated": 1, "unchanged": 0}, plan.errors

    created = Cooperative.objects.filter(registration_code__startswith="52097").order_by("registration_code")
    assert [c.registration_code for c in created] == ["5209700000", "5209700001", "5209700002"]
    for number, coop in enumerate(created):
        # its first status, dated its registration, no note
        assert list(coop.status_changes.values_list("status", "changed_on", "note")) == [
            ("operating", datetime.date(2022, 1, 1 + number), "")
        ]
        assert coop.status_changes.get().recorded_at is not None
        history = coop.history.get()
        assert (history.history_type, history.history_user, history.history_change_reason) == (
            "+",
            user,
            "Nhập từ tệp Excel",
        )
        assert history.name == f"Hợp tác xã Nhập Hàng Loạt {number}"

    existing.refresh_from_db()
    assert existing.status == Cooperative.Status.SUSPENDED
    assert existing.status_since == timezone.localdate()
    assert existing.status_changes.count() == status_rows_before + 1
    last = existing.status_changes.order_by("id").last()
    assert (last.status, last.changed_on, last.note) == ("suspended", timezone.localdate(), "Nhập từ tệp Excel")
    latest = existing.history.latest()
    assert (latest.history_type, latest.status, latest.history_user) == ("~", "suspended", user)


def _queries_to_import(rows):
    with CaptureQueriesContext(connection) as queries:
        plan, counts = import_file("cooperatives", xlsx_bytes([HEADER, *rows]), "f.xlsx")
    assert counts["created"] == len(rows), plan.errors
    return len(queries.captured_queries)


def test_an_import_costs_the_same_queries_for_10_rows_as_for_30():
    # Both fit in one batch of every write (SQLite's smallest: 999
    # parameters / 25 columns = 39 cooperatives per INSERT).
    assert _queries_to_import(_new_rows(10)) == _queries_to_import(_new_rows(30, start=100))


def test_the_queries_of_an_import_of_new_cooperatives():
    with CaptureQueriesContext(connection) as queries:
        plan, counts = import_file("cooperatives", xlsx_bytes([HEADER, *_new_rows(5)]), "f.xlsx")
    assert counts["created"] == 5, plan.errors
    assert [q["sql"].split()[0].upper() for q in queries.captured_queries] == [
        "SELECT",  # the file's codes already in the registry
        "SELECT",  # every commune, once (the resolver)
        "SAVEPOINT",  # the import's transaction
        "INSERT",  # the cooperatives, one batch
        "INSERT",  # their status rows, copied from them
        "INSERT",  # their change-history rows, copied from them
        "SAVEPOINT",  # the version's bump and its marks, together
        "UPDATE",  # the registry's data version
        "INSERT",  # the communes written in, marked for the summary rows
        "RELEASE",
        "RELEASE",
    ]
