"""The rules of the Alliance's records: what the forms and the database
refuse, with a message, and amounts read and shown as "500.000.000"."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from places.models import Commune
from registry.models import Cooperative, CooperativeGroup
from support.models import (
    CaseKind,
    Disbursement,
    Loan,
    Membership,
    Repayment,
    SupportCase,
    SupportedHousehold,
    TrainingClass,
    TrainingParticipant,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def coop():
    return Cooperative.objects.cooperatives().filter(commune_id="04606").order_by("pk").first()


@pytest.fixture
def loan(coop):
    loan = Loan.objects.create(
        borrower=coop, purpose="Mua máy", amount=200_000_000, interest_rate="5.40", term_months=12,
        decision_number="99/QĐ-QHT", decision_date=D(2022, 3, 1),
    )  # fmt: skip
    Disbursement.objects.create(loan=loan, disbursed_on=D(2022, 3, 10), amount=150_000_000)
    return loan


def _errors(obj):
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def test_disbursements_stay_within_the_amount_lent(loan):
    assert "amount" in _errors(Disbursement(loan=loan, disbursed_on=D(2022, 4, 1), amount=60_000_000))
    Disbursement(loan=loan, disbursed_on=D(2022, 4, 1), amount=50_000_000).full_clean()
    assert "disbursed_on" in _errors(Disbursement(loan=loan, disbursed_on=D(2022, 2, 1), amount=1_000_000))


def test_no_more_principal_is_repaid_than_was_disbursed(loan):
    with translation.override("en"):
        errors = _errors(Repayment(loan=loan, paid_on=D(2022, 6, 1), principal=160_000_000))
    assert errors["principal"] == ["More principal would be repaid than was disbursed by that date."]
    with translation.override("vi"):
        errors = _errors(Repayment(loan=loan, paid_on=D(2022, 6, 1), principal=160_000_000))
    assert errors["principal"] == ["Số gốc đã trả sẽ vượt số tiền đã giải ngân đến ngày đó."]


def test_a_repayment_pays_something(loan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Repayment.objects.create(loan=loan, paid_on=D(2022, 6, 1), principal=0, interest=0)


def test_the_amount_field_reads_and_shows_thousands_separators(loan):
    field = Loan._meta.get_field("amount").formfield()
    with translation.override("vi"):
        assert field.clean("500.000.000") == 500_000_000
        assert field.widget.format_value(field.prepare_value(500_000_000)) == "500.000.000"


def test_the_admin_lists_amounts_as_vietnamese_figures(admin_client, loan):
    page = admin_client.get("/admin/support/loan/", {"q": "99/QĐ-QHT"}).content.decode()
    assert "200.000.000" in page


def test_an_organisation_is_one_of_an_htx_a_group_or_a_name(coop):
    group = CooperativeGroup.objects.filter(commune_id="04606").first()
    klass = TrainingClass.objects.first()
    both = TrainingParticipant(training_class=klass, full_name="Vàng A Sình", cooperative=coop, group=group)
    assert "group" in _errors(both)
    neither = TrainingParticipant(training_class=klass, full_name="Vàng A Sình")
    assert "organisation_name" in _errors(neither)
    named = TrainingParticipant(training_class=klass, full_name="Vàng A Sình", organisation_name="Hội Nông dân xã")
    assert "commune" in _errors(named)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingParticipant.objects.create(
            training_class=klass, full_name="Vàng A Sình", cooperative=coop, group=group, commune_id="04606"
        )


def test_the_commune_comes_from_the_registry(coop):
    other = Commune.objects.exclude(code=coop.commune_id).filter(province_id="15").first()
    member = Membership(cooperative=coop, commune=other, joined_on=D(2022, 1, 1))
    member.full_clean()
    member.save()
    assert member.commune_id == coop.commune_id


def test_completion_needs_attendance_and_dates_run_forward(coop):
    klass = TrainingClass.objects.first()
    absent = TrainingParticipant(
        training_class=klass, full_name="Lò Văn Hải", cooperative=coop, attended=False, completed=True
    )
    assert "completed" in _errors(absent)
    assert "ends_on" in _errors(
        TrainingClass(
            topic="Kế toán", starts_on=D(2022, 5, 2), ends_on=D(2022, 5, 1), place="Hội trường", commune=coop.commune
        )
    )
    assert "left_on" in _errors(Membership(cooperative=coop, joined_on=D(2022, 5, 2), left_on=D(2022, 5, 1)))
    household = SupportedHousehold(
        head_name="Giàng A Lử",
        commune=coop.commune,
        programme="Giảm nghèo",
        supported_year=2021,
        left_poverty_year=2020,
    )
    assert "left_poverty_year" in _errors(household)


def test_only_a_founding_case_produces_an_htx(coop):
    case = SupportCase(
        kind=CaseKind.LEGAL, subject="Điều lệ", cooperative=coop, opened_on=D(2022, 1, 5), officer="Trần Thế Tuấn",
        produced_cooperative=coop,
    )  # fmt: skip
    assert "produced_cooperative" in _errors(case)


def test_a_write_makes_the_cached_figures_stale(coop):
    from registry.models import DataVersion

    before = DataVersion.current()
    SupportedHousehold.objects.create(
        head_name="Sùng A Dê", commune=coop.commune, programme="Giảm nghèo", supported_year=2022
    )
    assert DataVersion.current() == before + 1


def test_the_admin_form_shows_and_reads_amounts_with_separators(admin_client, loan):
    url = f"/admin/support/loan/{loan.pk}/change/"
    page = admin_client.get(url).content.decode()
    # A text box: a browser shows nothing in a number box holding "200.000.000".
    assert '<input type="text" name="amount" value="200.000.000"' in page
    assert 'name="interest_rate" value="5,40"' in page
    assert '<input type="text" name="disbursements-0-amount" value="150.000.000"' in page


def test_the_loan_page_tells_what_is_overdue_and_for_how_long(admin_client):
    loan = Loan.objects.get(decision_number="18/QĐ-QHT")
    page = admin_client.get(f"/admin/support/loan/{loan.pk}/change/").content.decode()
    # Nothing of it was repaid: every instalment due by today is overdue.
    assert "Dư nợ gốc 300.000.000 đồng; quá hạn 300.000.000 đồng (" in page


def test_a_case_entered_in_the_admin_takes_the_htx_commune(client, make_user, coop):
    from accounts import roles

    client.force_login(make_user("nhaplieu-case", roles.DATA_ENTRY))
    response = client.post(
        "/admin/support/supportcase/add/",
        {
            "kind": "accounting",
            "subject": "Hướng dẫn mở sổ kế toán",
            "cooperative": coop.pk,
            "opened_on": "05/01/2022",
            "officer": "Trần Thế Tuấn",
            "outcome": "in_progress",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    case = SupportCase.objects.get(subject="Hướng dẫn mở sổ kế toán")
    assert (case.commune_id, case.opened_on) == (coop.commune_id, D(2022, 1, 5))
    assert case.history.first().history_user.username == "nhaplieu-case"
