"""The demo's Alliance work agrees with the seed and the registry's demo:
the 25 households of Xã Trạm Tấu (plan 15, 166,7%) are computed from
household records, and the other records tell the 2021 story."""

import pytest

from coopportal.lib.scope import Scope
from planning.measures import evaluate
from planning.models import Indicator, ManualActual
from registry.models import Cooperative
from support.models import CaseKind, EventKind, Loan, SupportCase, SupportedHousehold, TradeEvent, TrainingParticipant

pytestmark = pytest.mark.django_db

LAO_CAI = Scope(province="15")


def _api_row(client, code, year=2021):
    rows = client.get(f"/api/plan/{year}/").json()["indicators"]
    return next(row for row in rows if row["code"] == code)


def test_the_25_households_are_computed_166_7_percent_of_15(leader_client):
    row = _api_row(leader_client, "poor_households_escaped")
    assert (row["target"], row["actual"], row["percent_of_plan"], row["source"]) == (15, 25, 166.7, "computed")
    assert Indicator.objects.get(code="poor_households_escaped").measure == "poor_households_escaped"
    assert not ManualActual.objects.filter(indicator__code="poor_households_escaped").exists()
    households = SupportedHousehold.objects.left_poverty_in(2021)
    assert households.count() == 25
    assert set(households.values_list("commune__name", flat=True)) == {"Xã Trạm Tấu"}


def test_the_indicator_computed_from_a_registered_measure_validates():
    # The admin's full_clean checks ``measure`` against the choices: they
    # must hold the measures support registered at start-up.
    indicator = Indicator.objects.get(code="poor_households_escaped")
    indicator.full_clean()
    choices = dict(Indicator._meta.get_field("measure").choices)
    assert "poor_households_escaped" in choices and "htx_registered" in choices


def test_the_dashboard_prints_166_7_and_drills_down_to_the_households(leader_client):
    page = leader_client.get("/dashboard/2021/").content.decode()
    assert "166,7%" in page
    response = leader_client.get("/dashboard/2021/poor_households_escaped/")
    assert response.context["page"].paginator.count == 25


def test_a_registry_figure_says_computed_too(leader_client):
    assert _api_row(leader_client, "htx_new")["source"] == "computed"


def test_several_2021_loans_to_htx_of_the_former_yen_bai():
    loans = Loan.objects.filter(decision_date__year=2021)
    assert loans.count() == 5
    assert set(loans.values_list("borrower__commune__province_id", flat=True)) == {"15"}
    figures = evaluate(["fund_loans_disbursed", "fund_loans_overdue_share"], [2021], LAO_CAI)
    assert figures[("fund_loans_disbursed", 2021)] == 5
    assert figures[("fund_loans_overdue_share", 2021)] > 0  # 18/QĐ-QHT missed its October instalment


def test_the_managers_of_most_2021_htx_completed_a_class():
    trained = evaluate(["new_managers_trained"], [2021], LAO_CAI)[("new_managers_trained", 2021)]
    new_htx = Cooperative.objects.cooperatives().registered_in(2021).count()
    assert new_htx == 87
    assert trained > 87 * 3 / 4
    managers = TrainingParticipant.objects.new_managers_trained(2021).select_related("cooperative")
    assert all(p.full_name == p.cooperative.representative for p in managers)


def test_the_centre_stood_behind_a_share_of_the_87():
    founded = evaluate(["htx_founded_with_support"], [2021], LAO_CAI)[("htx_founded_with_support", 2021)]
    assert 0 < founded < 87
    assert SupportCase.objects.filter(kind=CaseKind.FOUNDING, produced_cooperative__isnull=False).count() == founded


def test_tran_the_tuan_took_part_in_the_supply_demand_programme():
    event = TradeEvent.objects.get(kind=EventKind.SUPPLY_DEMAND, starts_on__year=2021)
    assert event.officer == "Trần Thế Tuấn"
    assert event.organiser == "Liên minh Hợp tác xã Việt Nam"
    assert event.participations.filter(contracts_signed__gt=0).exists()


def test_loading_the_demo_again_changes_nothing():
    from django.core.management import call_command

    before = (Loan.objects.count(), SupportedHousehold.objects.count(), TrainingParticipant.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Loan.objects.count(), SupportedHousehold.objects.count(), TrainingParticipant.objects.count()) == before
