"""Data entry in the admin: a decision with its award lines inline, checked
together (nothing saved when a rule is broken), and search by name that
ignores diacritics."""

import pytest
from django.urls import reverse

from awards import law
from awards.models import AwardLine, BaseSalary, Collective, Decision, Person, Title
from tests.awards_helpers import award, decision, person, title

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/awards/decision/add/"


def _decision_form(lines, number="99/QĐ-LMHTX", year="2023", issued_on="15/01/2024"):
    data = {
        "number": number,
        "issued_on": issued_on,
        "level": "alliance",
        "province": "15",
        "issuer": "Liên minh HTX tỉnh Yên Bái",
        "signer": "Chủ tịch Liên minh HTX tỉnh",
        "year": year,
        "campaign": "",
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for i, (recipient, code) in enumerate(lines):
        who = "collective" if isinstance(recipient, Collective) else "person"
        data[f"lines-{i}-{who}"] = str(recipient.pk)
        data[f"lines-{i}-title"] = str(title(code).pk)
        data[f"lines-{i}-reason"] = "Hoàn thành tốt nhiệm vụ"
    return data


def _line_errors(response):
    """The rule codes reported on each line of the form (not the wording,
    which follows the language)."""
    formset = response.context["inline_admin_formsets"][0].formset
    return [[error.code for error in form.non_field_errors().as_data()] for form in formset.forms]


def test_ldtt_and_cstd_co_so_for_one_person_in_one_save_are_accepted(admin_client):
    someone = person()
    response = admin_client.post(ADD_URL, _decision_form([(someone, law.LDTT), (someone, law.CSTD_CO_SO)]))
    assert response.status_code == 302
    saved = Decision.objects.get(number="99/QĐ-LMHTX")
    # both recorded; one achievement, so only the higher reward is paid
    assert sorted(saved.lines.values_list("title__code", "entitled_amount", "reward_amount")) == [
        (law.CSTD_CO_SO, 1_800_000, 1_800_000),
        (law.LDTT, 540_000, 0),
    ]


def test_the_same_line_twice_in_one_save_is_refused_and_nothing_is_saved(admin_client):
    someone = person()
    response = admin_client.post(ADD_URL, _decision_form([(someone, law.LDTT), (someone, law.LDTT)]))
    assert response.status_code == 200
    assert _line_errors(response) == [["twice_in_decision"], ["twice_in_decision"]]
    assert not Decision.objects.filter(number="99/QĐ-LMHTX").exists()
    assert not AwardLine.objects.filter(person=someone).exists()


def test_cstd_co_so_without_ldtt_is_refused_and_nothing_is_saved(admin_client):
    someone = person()
    response = admin_client.post(ADD_URL, _decision_form([(someone, law.CSTD_CO_SO), (person("Lê Thị Hoa"), law.LDTT)]))
    assert response.status_code == 200
    assert _line_errors(response) == [["prerequisite"], []]
    assert not Decision.objects.filter(number="99/QĐ-LMHTX").exists()
    assert not AwardLine.objects.filter(decision__number="99/QĐ-LMHTX").exists()


def test_two_forms_for_one_person_in_one_save_are_refused(admin_client):
    someone = person()
    response = admin_client.post(ADD_URL, _decision_form([(someone, law.GIAY_KHEN), (someone, law.BANG_KHEN_TINH)]))
    assert response.status_code == 200
    assert _line_errors(response) == [["two_forms"], ["two_forms"]]
    assert not Decision.objects.filter(number="99/QĐ-LMHTX").exists()


def test_a_line_against_a_stored_award_is_refused(admin_client):
    someone = person()
    award(decision(2023), law.LDTT, someone)
    response = admin_client.post(ADD_URL, _decision_form([(someone, law.LDTT)]))
    assert response.status_code == 200
    assert _line_errors(response) == [["twice_in_year"]]
    assert AwardLine.objects.filter(person=someone).count() == 1


def test_changing_the_year_of_a_decision_rechecks_its_lines(admin_client):
    someone = person()
    award(decision(2022), law.LDTT, someone)
    on = decision(2023)
    line = award(on, law.LDTT, someone)
    data = _decision_form([], number=on.number, year="2022")
    data.update(
        {
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "1",
            "lines-0-id": str(line.pk),
            "lines-0-decision": str(on.pk),
            "lines-0-person": str(someone.pk),
            "lines-0-title": str(line.title_id),
        }
    )
    response = admin_client.post(reverse("admin:awards_decision_change", args=[on.pk]), data)
    assert response.status_code == 200
    assert _line_errors(response) == [["twice_in_year"]]
    on.refresh_from_db()
    assert on.year == 2023


def test_a_revocation_is_recorded_on_the_award_page(admin_client):
    line = award(decision(2023), law.GIAY_KHEN, person())
    data = {
        "decision": str(line.decision_id),
        "person": str(line.person_id),
        "collective": "",
        "title": str(line.title_id),
        "reason": line.reason,
        "override_amount": "",
        "override_note": "",
        "status": "revoked",
        "revoked_on": "01/03/2025",
        "revocation_reason": "Quyết định số 02/QĐ-LMHTX hủy bỏ: kê khai sai thành tích",
    }
    response = admin_client.post(reverse("admin:awards_awardline_change", args=[line.pk]), data)
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.status, line.revoked_on.isoformat()) == ("revoked", "2025-03-01")


@pytest.mark.parametrize("query", ["nguyen duc lam", "NGUYỄN ĐỨC LÂM", "duc lam trung tam"])
def test_the_person_search_ignores_diacritics(admin_client, query):
    response = admin_client.get("/admin/awards/person/", {"q": query})
    assert response.status_code == 200
    assert [p.full_name for p in response.context["cl"].result_list] == ["Nguyễn Đức Lâm"]


def test_the_award_search_finds_a_persons_awards(admin_client):
    response = admin_client.get("/admin/awards/awardline/", {"q": "nguyen duc lam"})
    assert response.context["cl"].result_count == 4  # LĐTT 2019, 2020, 2021 and CSTĐ cơ sở 2021


def test_the_decision_search_finds_decisions_by_recipient_or_programme(admin_client):
    by_name = admin_client.get("/admin/awards/decision/", {"q": "nguyen duc lam"})
    assert sorted(d.number for d in by_name.context["cl"].result_list) == ["03/QĐ-LMHTX", "04/QĐ-LMHTX", "05/QĐ-LMHTX"]
    by_programme = admin_client.get("/admin/awards/decision/", {"q": "ket noi cung cau"})
    assert [d.number for d in by_programme.context["cl"].result_list] == ["07/QĐ-LMHTX"]


def test_the_decision_list_counts_its_awards_once_when_searching(admin_client):
    response = admin_client.get("/admin/awards/decision/", {"q": "nguyen duc lam"})
    counts = {d.number: d.award_count for d in response.context["cl"].result_list}
    assert counts["05/QĐ-LMHTX"] == 9


MODELS = [Title, BaseSalary, Person, Collective, Decision, AwardLine]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_list_add_and_change_pages_answer(admin_client, model):
    name = f"admin:awards_{model._meta.model_name}"
    assert admin_client.get(reverse(f"{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"{name}_add")).status_code == 200
    assert admin_client.get(reverse(f"{name}_change", args=[model.objects.first().pk])).status_code == 200
