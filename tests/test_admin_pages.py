import datetime

import pytest
from django.urls import reverse

from places.models import Commune
from planning.models import Indicator, ManualActual, Target
from registry.models import (
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    GroupReport,
    OcopProduct,
    ValueChainModel,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    GroupReport,
    OcopProduct,
    ValueChainModel,
    Commune,
    Indicator,
    Target,
    ManualActual,
]


def _url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def manual_actual():
    """Every demo figure is computed: one typed-in actual to page through."""
    indicator = Indicator.objects.create(code="typed_in", name="Chỉ tiêu nhập tay")
    return ManualActual.objects.create(
        indicator=indicator, year=2021, province_id="15", value=1, as_of=datetime.date(2021, 12, 31)
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_list_add_and_change_pages_answer(admin_client, model, manual_actual):
    assert admin_client.get(_url(model, "changelist")).status_code == 200
    assert admin_client.get(_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize(
    "params",
    [{"kind": "htx"}, {"status": "dissolved"}, {"commune": "04606"}, {"registration_date_year": "2021"}],
)
def test_cooperative_list_filters(admin_client, params):
    response = admin_client.get(_url(Cooperative, "changelist"), params)
    # An unknown filter makes the admin redirect to ?e=1; a known one lists records.
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0


def test_the_registration_year_filter_counts_87(admin_client):
    response = admin_client.get(_url(Cooperative, "changelist"), {"registration_date_year": "2021", "kind": "htx"})
    assert response.context["cl"].result_count == 87


def test_the_admin_speaks_vietnamese(admin_client):
    page = admin_client.get(_url(Cooperative, "changelist")).content.decode()
    assert "Hợp tác xã" in page
    assert "Mã số đăng ký" in page


def test_adding_a_cooperative_through_the_admin_reads_dd_mm_yyyy(admin_client):
    data = {
        "kind": "htx",
        "registration_code": "5209990001",
        "name": "Hợp tác xã Mật ong Trạm Tấu",
        "sector": "agriculture",
        "commune": "04606",
        "registration_date": "01/07/2021",
        "status": "operating",
        "under_law": "on",
    }
    for prefix in ["status_changes", "reports", "value_chain_models", "ocop_products"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(_url(Cooperative, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    coop = Cooperative.objects.get(registration_code="5209990001")
    assert coop.registration_date.isoformat() == "2021-07-01"
