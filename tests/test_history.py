"""Who changed a record, when, and what it was before: every path that
writes leaves a history row, and the admin can restore an earlier version."""

import datetime

import pytest
from django.urls import reverse

from places.models import Commune
from registry.excel.importer import import_file
from registry.models import Cooperative
from tests.excel_helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"]


def test_a_form_save_records_who_and_what(admin_client):
    coop = Cooperative.objects.order_by("pk").first()
    url = reverse("admin:registry_cooperative_change", args=[coop.pk])
    page = admin_client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "commune"}
    data.update(
        {
            "commune": coop.commune_id,
            "name": "Hợp tác xã Đổi Tên Qua Biểu Mẫu",
            "registration_date": coop.registration_date.strftime("%d/%m/%Y"),
            "status_since": coop.status_since.strftime("%d/%m/%Y") if coop.status_since else "",
            "converted_on": coop.converted_on.strftime("%d/%m/%Y") if coop.converted_on else "",
            "under_law": "on" if coop.under_law else "",
        }
    )
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.total_form_count())
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for index, sub in enumerate(formset.forms):
            for name, field in sub.fields.items():
                value = sub.initial.get(name, field.initial)
                if hasattr(value, "strftime"):
                    value = value.strftime("%d/%m/%Y")
                if value is not None:
                    data[f"{formset.prefix}-{index}-{name}"] = value
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = coop.history.latest()
    assert latest.name == "Hợp tác xã Đổi Tên Qua Biểu Mẫu"
    assert latest.history_user.username == "boss"
    assert latest.prev_record.name == coop.name


def test_an_import_leaves_history_rows_with_the_user(django_user_model):
    user = django_user_model.objects.create_user("nhap", password="a-long-test-password")
    existing = Cooperative.objects.order_by("pk").first()
    rows = [
        HEADER,
        ["5209600001", "Hợp tác xã Lịch Sử Mới", "04606", "01/02/2022"],
        [existing.registration_code, "Hợp tác xã Sửa Qua Tệp", existing.commune_id, existing.registration_date],
    ]
    plan, counts = import_file("cooperatives", xlsx_bytes(rows), "f.xlsx", user=user)
    assert counts == {"created": 1, "updated": 1, "unchanged": 0}, plan.errors
    created = Cooperative.objects.get(registration_code="5209600001").history.get()
    assert (created.history_type, created.history_user, created.history_change_reason) == (
        "+",
        user,
        "Nhập từ tệp Excel",
    )
    updated = existing.history.latest()
    assert (updated.history_type, updated.name, updated.history_user) == ("~", "Hợp tác xã Sửa Qua Tệp", user)
    # the rows written by the bulk path read like simple-history's own
    changes = updated.diff_against(updated.prev_record).changes
    assert [(c.field, c.old, c.new) for c in changes] == [("name", existing.name, "Hợp tác xã Sửa Qua Tệp")]
    assert updated.commune_id == existing.commune_id and updated.registration_date == existing.registration_date


def test_a_bulk_status_update_through_import_is_in_the_history():
    coop = Cooperative.objects.filter(status="operating").order_by("pk").first()
    rows = [
        [*HEADER, "Tình trạng"],
        [coop.registration_code, coop.name, coop.commune_id, coop.registration_date, "Đang giải thể"],
    ]
    before = coop.history.count()
    import_file("cooperatives", xlsx_bytes(rows), "f.xlsx")
    assert coop.history.count() == before + 1
    assert coop.history.latest().status == Cooperative.Status.DISSOLVING
    assert coop.status_changes.last().status == Cooperative.Status.DISSOLVING


def test_the_admin_restores_an_earlier_version(admin_client):
    coop = Cooperative.objects.create(
        registration_code="5209600002",
        name="Hợp tác xã Bản Gốc",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2021, 4, 1),
    )
    first = coop.history.latest()
    coop.name = "Hợp tác xã Bị Sửa Nhầm"
    coop.save()
    url = reverse("admin:registry_cooperative_simple_history", args=[coop.pk, first.history_id])
    page = admin_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"registration_date": "01/04/2021", "status_since": "01/04/2021", "under_law": "on"})
    assert admin_client.post(url, data).status_code == 302
    coop.refresh_from_db()
    assert coop.name == "Hợp tác xã Bản Gốc"
    assert coop.history.count() == 3  # created, wrongly edited, restored


def test_a_deletion_is_recorded():
    coop = Cooperative.objects.create(
        registration_code="5209600003",
        name="Hợp tác xã Xóa",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2021, 4, 1),
    )
    pk = coop.pk
    coop.status_changes.all().delete()
    coop.delete()
    assert Cooperative.history.filter(id=pk, history_type="-").exists()


def test_records_others_point_at_cannot_be_deleted():
    from django.db.models import ProtectedError

    coop = Cooperative.objects.filter(reports__isnull=False).first()
    with pytest.raises(ProtectedError):
        coop.delete()
