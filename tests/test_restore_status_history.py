"""Restoring an old version keeps the dated status history true: a restore
that changes the status adds exactly one row, dated today; one that does
not, adds none; never a back-dated duplicate."""

import datetime

import pytest
from django.utils import timezone

from places.models import Commune
from registry.models import Cooperative
from tests.test_restore_permissions import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def htx():
    """HTX operating since 20/01/2010, suspended on 01/03/2024."""
    coop = Cooperative.objects.create(
        registration_code="5209700001",
        name="Hợp tác xã Tạm Ngừng",
        commune=Commune.objects.get(code="04606"),
        registration_date=datetime.date(2010, 1, 20),
    )
    coop.change_status(Cooperative.Status.SUSPENDED, datetime.date(2024, 3, 1))
    return coop


def restore(client, coop, version):
    url = f"/admin/registry/cooperative/{coop.pk}/history/{version.history_id}/"
    response = client.post(url, post_data(client.get(url).context["adminform"].form))
    assert response.status_code == 302
    coop.refresh_from_db()


def dated_history(coop):
    return [(c.status, c.changed_on) for c in coop.status_changes.order_by("changed_on", "id")]


def test_restoring_the_first_version_adds_one_row_dated_today(admin_client, htx):
    first = htx.history.earliest()
    restore(admin_client, htx, first)
    today = timezone.localdate()
    assert (htx.status, htx.status_since) == ("operating", today)
    assert dated_history(htx) == [
        ("operating", datetime.date(2010, 1, 20)),
        ("suspended", datetime.date(2024, 3, 1)),
        ("operating", today),
    ]
    # the same restore again changes no status: no row added
    restore(admin_client, htx, first)
    assert len(dated_history(htx)) == 3
    assert htx.status_changes.order_by("changed_on", "id").last().status == "operating"


def test_a_restore_that_keeps_the_status_adds_no_row(admin_client, htx):
    suspended = htx.history.latest()
    htx.representative = "Lò Văn Sai"
    htx.save()
    restore(admin_client, htx, suspended)
    assert htx.representative == ""
    assert dated_history(htx) == [
        ("operating", datetime.date(2010, 1, 20)),
        ("suspended", datetime.date(2024, 3, 1)),
    ]
