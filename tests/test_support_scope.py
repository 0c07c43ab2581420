"""Scope and roles for every record of the Alliance's work: lists, pages
and querysets limited to the user's province or communes; leadership reads,
data entry adds and changes, only administrators delete, the plan manager
does not see them."""

import pytest
from django.urls import reverse

from accounts import roles
from accounts.scoping import restrict
from places.models import Commune
from support.models import (
    Disbursement,
    Installment,
    Loan,
    Membership,
    MembershipFee,
    Repayment,
    SupportCase,
    SupportedHousehold,
    TradeEvent,
    TradeParticipation,
    TrainingClass,
    TrainingParticipant,
)
from tests.support_helpers import build_hanoi_set

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [Membership, Loan, TrainingClass, TrainingParticipant, SupportCase, TradeEvent, SupportedHousehold]
ALL_MODELS = [*ADMIN_MODELS, MembershipFee, Disbursement, Installment, Repayment, TradeParticipation]


def _province(obj):
    """The province a record belongs to, found the long way round."""
    if isinstance(obj, TradeEvent):
        return obj.province_id
    if isinstance(obj, (Disbursement, Installment, Repayment)):
        return obj.loan.borrower.commune.province_id
    if isinstance(obj, Loan):
        return obj.borrower.commune.province_id
    if isinstance(obj, MembershipFee):
        return obj.membership.commune.province_id
    return obj.commune.province_id


@pytest.fixture
def users(make_user):
    tram_tau = Commune.objects.get(code="04606")
    return {
        "admin": make_user("quantri-ht", roles.ADMINISTRATOR, province=None, superuser=True),
        "entry": make_user("nhaplieu-ht", roles.DATA_ENTRY),
        "leader": make_user("lanhdao-ht", roles.LEADERSHIP),
        "planner": make_user("kehoach-ht", roles.PLAN_MANAGER),
        "entry_hanoi": make_user("nhaplieu-hn", roles.DATA_ENTRY, province="01"),
        "entry_commune": make_user("nhaplieu-tt", roles.DATA_ENTRY, communes=[tram_tau]),
    }


@pytest.fixture
def hanoi():
    return build_hanoi_set()


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_each_user_sees_only_the_records_of_the_scope(model, users, hanoi):
    everything = list(model.objects.all())
    assert {_province(o) for o in everything} == {"01", "15"}, "both provinces have records"
    for user, province in (("entry", "15"), ("entry_hanoi", "01")):
        seen = list(restrict(model.objects.all(), users[user]))
        assert seen and {_province(o) for o in seen} == {province}
        assert len(seen) == sum(_province(o) == province for o in everything)
    assert len(restrict(model.objects.all(), users["admin"])) == len(everything)


def test_a_commune_officer_sees_the_communes_households_only(users):
    seen = restrict(SupportedHousehold.objects.all(), users["entry_commune"])
    assert seen.count() == 31
    assert set(seen.values_list("commune_id", flat=True)) == {"04606"}
    assert not restrict(Loan.objects.exclude(borrower__commune_id="04606"), users["entry_commune"]).exists()


def _url(model, action, *args):
    return reverse(f"admin:support_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m.__name__)
def test_the_roles_in_the_admin(client, users, model):
    record = model.objects.filter(pk__in=restrict(model.objects.all(), users["entry"]).values("pk")).first()
    expected = {
        # user: (list, add page, change page, delete page)
        "admin": (200, 200, 200, 200),
        "entry": (200, 200, 200, 403),
        "leader": (200, 403, 200, 403),  # the change page reads only
        "planner": (403, 403, 403, 403),
        "entry_hanoi": (200, 200, 404, 404),  # a record of Lào Cai does not exist for Hà Nội
    }
    for user, codes in expected.items():
        client.force_login(users[user])
        got = (
            client.get(_url(model, "changelist")).status_code,
            client.get(_url(model, "add")).status_code,
            client.get(_url(model, "change", record.pk)).status_code,
            client.get(_url(model, "delete", record.pk)).status_code,
        )
        assert got == codes, (user, model.__name__)


def test_a_household_cannot_be_put_outside_the_scope(client, users):
    client.force_login(users["entry_hanoi"])
    before = SupportedHousehold.objects.count()
    response = client.post(
        _url(SupportedHousehold, "add"),
        {"head_name": "Giàng A Páo", "commune": "04606", "programme": "Giảm nghèo", "supported_year": "2021"},
    )
    assert response.status_code == 200  # the form refuses a commune outside the scope
    assert "commune" in response.context["adminform"].form.errors
    assert SupportedHousehold.objects.count() == before


def test_the_leader_reads_the_drilldowns_and_hanoi_sees_none_of_lao_cai(client, users):
    client.force_login(users["leader"])
    assert client.get("/support/2021/poor_households_escaped/").context["page"].paginator.count == 25
    assert client.get("/support/2021/fund_loans_outstanding/", {"format": "xlsx"}).status_code == 200
    assert client.get("/support/2021/no_such_figure/").status_code == 404
    client.force_login(users["entry_hanoi"])
    # A national Hà Nội officer's own province: none of Lào Cai's households.
    assert client.get("/support/2021/poor_households_escaped/").context["page"].paginator.count == 0
    assert client.get("/support/2021/poor_households_escaped/", {"commune": "04606"}).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get("/support/2021/alliance_members/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_the_role_groups_grant_each_model(model, users, make_user):
    name = model._meta.model_name
    administrator = make_user(f"qtv-{name}", roles.ADMINISTRATOR)  # the role, not a superuser
    assert administrator.has_perm(f"support.delete_{name}") and administrator.has_perm(f"support.add_{name}")
    granted = {
        user: {
            action for action in ("add", "change", "delete", "view") if users[user].has_perm(f"support.{action}_{name}")
        }
        for user in ("entry", "leader", "planner")
    }
    assert granted == {"entry": {"add", "change", "view"}, "leader": {"view"}, "planner": set()}
    assert roles.can_delete(users["admin"]) and not roles.can_delete(users["entry"])
