"""Restoring an old version from the history is a change: it needs the
change permission on the model and the record within the user's scope for
changing. Everybody else gets a 403 and nothing is written, and sees the
version read-only (no form, no button). Every model with history × every
role."""

import datetime
import decimal

import pytest
from django.contrib import admin
from django.db.models.fields.files import FieldFile

from accounts import roles
from awards.models import (
    AwardLine,
    BaseSalary,
    Collective,
    CollectiveMultiplier,
    Decision,
    FighterShareCap,
    Person,
    RoundingRule,
    Title,
    TitleCoefficient,
)
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
from support.models import (
    Loan,
    Membership,
    SupportCase,
    SupportedHousehold,
    TradeEvent,
    TrainingClass,
    TrainingParticipant,
)

pytestmark = pytest.mark.django_db

ROLES = ("national", "admin15", "entry15", "leader15", "planner15", "leader_commune")

# Who may restore a version of a Lào Cai record of each model, worked out from
# the roles (accounts/roles.py) and the rule that shared data is national.
REGISTRY = {"national", "admin15", "entry15"}
MAY_RESTORE = {
    Cooperative: REGISTRY,
    CooperativeGroup: REGISTRY,
    CooperativeReport: REGISTRY,
    GroupReport: REGISTRY,
    OcopProduct: REGISTRY,
    ValueChainModel: REGISTRY,
    Indicator: {"national"},  # shared by every province
    Target: {"national", "admin15", "planner15"},
    ManualActual: {"national", "admin15", "entry15"},
    Title: {"national"},  # shared
    BaseSalary: {"national"},  # shared
    TitleCoefficient: {"national"},  # shared: the law as dated data
    CollectiveMultiplier: {"national"},
    RoundingRule: {"national"},
    FighterShareCap: {"national"},
    Person: REGISTRY,
    Collective: REGISTRY,
    Decision: REGISTRY,
    AwardLine: REGISTRY,
    # The Alliance's own records: data entry writes them, like the registry.
    Membership: REGISTRY,
    Loan: REGISTRY,
    TrainingClass: REGISTRY,
    TrainingParticipant: REGISTRY,
    SupportCase: REGISTRY,
    TradeEvent: REGISTRY,
    SupportedHousehold: REGISTRY,
}


def test_every_model_with_history_in_the_admin_is_covered():
    with_history = {model for model in admin.site._registry if hasattr(model, "history")}
    assert with_history == set(MAY_RESTORE)


@pytest.fixture
def people(make_user, typed_in_actual):
    tram_tau = Commune.objects.get(code="04606")
    return {
        "national": make_user("quocgia", roles.ADMINISTRATOR, province=None),
        "admin15": make_user("quantri15", roles.ADMINISTRATOR),
        "entry15": make_user("nhaplieu15", roles.DATA_ENTRY),
        "leader15": make_user("lanhdao15", roles.LEADERSHIP),
        "planner15": make_user("kehoach15", roles.PLAN_MANAGER),
        "leader_commune": make_user("lanhdaoxa", roles.LEADERSHIP, communes=[tram_tau]),
    }


def record_of(model):
    """A Lào Cai record of ``model`` (in Trạm Tấu where it has a commune)."""
    records = model.objects.order_by("pk")
    if model is Cooperative:
        return records.filter(commune_id="04606").first()
    if model is CooperativeGroup:
        return records.filter(commune__province_id="15").first()
    if model in (CooperativeReport, OcopProduct, ValueChainModel):
        in_tram_tau = records.filter(cooperative__commune_id="04606").first()
        return in_tram_tau or records.filter(cooperative__commune__province_id="15").first()
    if model is GroupReport:
        return records.filter(group__commune__province_id="15").first()
    if model is Target:
        return records.filter(province_id="15", commune__isnull=True).first()
    if model is ManualActual:
        return records.filter(province_id="15", commune__isnull=True).first()
    if model is AwardLine:
        return records.filter(decision__province_id="15").first()
    if model in (Person, Collective, Decision):
        return records.filter(province_id="15").first()
    return records.first()


def in_tram_tau(record):
    commune = getattr(record, "commune_id", None) or getattr(getattr(record, "cooperative", None), "commune_id", None)
    # awards are kept by province, plan rows of the province are the province's
    province_wide = (
        Indicator,
        Title,
        BaseSalary,
        TitleCoefficient,
        CollectiveMultiplier,
        RoundingRule,
        FighterShareCap,
    )
    province_wide += (Person, Collective, Decision, AwardLine, TradeEvent)
    return commune == "04606" or isinstance(record, province_wide)


def post_data(form):
    """What a browser sends back for ``form`` as shown (prefixed, for inline rows)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, (datetime.date, datetime.datetime)):
            data[key] = value.strftime("%d/%m/%Y")
        elif isinstance(value, decimal.Decimal):
            # as the box shows it: "65,00" in Vietnamese
            data[key] = form.fields[name].widget.format_value(value)
        elif isinstance(value, (list, tuple)):
            data[key] = [str(v) for v in value]
        elif value is not None and not isinstance(value, FieldFile):
            data[key] = str(value)
    return data


@pytest.fixture
def version(admin_client):
    """version(model) -> (record, url of its first version, the form data)."""

    def make(model):
        record = record_of(model)
        assert record is not None, model
        record.save()  # at least one version
        first = record.history.order_by("history_date", "history_id").first()
        opts = model._meta
        url = f"/admin/{opts.app_label}/{opts.model_name}/{record.pk}/history/{first.history_id}/"
        page = admin_client.get(url)
        assert page.status_code == 200
        return record, url, post_data(page.context["adminform"].form)

    return make


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(MAY_RESTORE), ids=lambda m: m._meta.model_name)
def test_a_restore_writes_only_where_the_role_may_change(client, people, version, model, role):
    record, url, data = version(model)
    before = record.history.count()
    client.force_login(people[role])
    response = client.post(url, data)
    if role in MAY_RESTORE[model]:
        assert response.status_code == 302, response.context and response.context["adminform"].form.errors
        assert record.history.count() == before + 1
    else:
        # 403; a 404 for the commune leader when the record is in another commune
        assert response.status_code == (404 if role == "leader_commune" and not in_tram_tau(record) else 403)
        assert record.history.count() == before


def test_the_leader_sees_an_old_target_read_only(client, people, version):
    target, url, data = version(Target)
    client.force_login(people["leader15"])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_save"' not in html and 'name="value"' not in html and "<form" not in html.split('id="content"')[1]
    assert "adminform" not in page.context
    # and a hand-made POST is refused, nothing written
    data["value"] = "12345"
    assert client.post(url, data).status_code == 403
    target.refresh_from_db()
    assert target.value != 12345


def test_a_commune_leader_cannot_restore_an_htx_representative(client, people, version):
    coop, url, data = version(Cooperative)
    data["representative"] = "Người Lạ"
    client.force_login(people["leader_commune"])
    assert client.post(url, data).status_code == 403
    coop.refresh_from_db()
    assert coop.representative != "Người Lạ"


def test_the_data_entry_officer_sees_the_restore_button_on_a_cooperative(client, people, version):
    _coop, url, _data = version(Cooperative)
    client.force_login(people["entry15"])
    assert 'name="_save"' in client.get(url).content.decode()


def test_a_restore_cannot_move_a_record_out_of_the_users_communes(client, make_user, admin_client):
    tram_tau = Commune.objects.get(code="04606")
    elsewhere = Commune.objects.filter(province_id="15").exclude(code="04606").order_by("code").first()
    coop = Cooperative.objects.create(
        registration_code="5209700101",
        name="Hợp tác xã Chuyển Xã",
        commune=elsewhere,
        registration_date=datetime.date(2020, 5, 4),
    )
    first = coop.history.earliest()
    coop.commune = tram_tau
    coop.save()
    url = f"/admin/registry/cooperative/{coop.pk}/history/{first.history_id}/"
    data = post_data(admin_client.get(url).context["adminform"].form)
    client.force_login(make_user("nhaplieuxa", roles.DATA_ENTRY, communes=[tram_tau]))
    before = coop.history.count()
    response = client.post(url, data)
    # the old commune is not among the officer's choices: the form refuses it
    assert response.status_code == 200
    assert "commune" in response.context["adminform"].form.errors
    coop.refresh_from_db()
    assert coop.commune_id == "04606" and coop.history.count() == before
