"""The year's award list (grouped by title, with reward money), a
recipient's history, and the dashboard's count, from the demo awards for
2021 (../shared/seed): Chiến sĩ thi đua cơ sở to Nguyễn Đức Lâm, Lao động
tiên tiến to seven, a collective title, a reward under Programme 18 and
Giấy khen for the supply–demand programme."""

import datetime

import pytest

from awards import law
from awards.models import AwardLine, Collective, Person
from registry.models import Cooperative
from tests.awards_helpers import award, decision, person

pytestmark = pytest.mark.django_db

# title code: (awards, reward money paid) for 2021, all decided on 20/01/2022 at 1,490,000
GROUPS_2021 = [
    (law.CSTD_CO_SO, 1, 1_490_000),
    # 7 x 450,000 (447,000 rounded up), but Nguyễn Đức Lâm's is not paid: he is
    # paid his Chiến sĩ thi đua cơ sở for the same achievement
    (law.LDTT, 7, 2_700_000),
    (law.TT_LDTT, 1, 1_200_000),  # 1,192,000 rounded up
    (law.GIAY_KHEN, 1, 450_000),  # Trần Thế Tuấn, supply–demand programme
    (law.TIEN_THUONG, 2, 1_000_000),  # Programme 18: 2 x 500,000 as the decision states
]
COUNT_2021, TOTAL_2021 = 12, 6_840_000


def _revoke(line):
    line.status = AwardLine.Status.REVOKED
    line.revoked_on = datetime.date(2025, 6, 1)
    line.revocation_reason = "Hủy bỏ do kê khai sai thành tích"
    line.full_clean()
    line.save()


def test_the_year_page_groups_the_awards_by_title_with_totals(leader_client):
    response = leader_client.get("/awards/2021/")
    assert response.status_code == 200
    groups = [(g.title.code, len(g.lines), g.total) for g in response.context["groups"]]
    assert groups == GROUPS_2021
    assert (response.context["count"], response.context["total"]) == (COUNT_2021, TOTAL_2021)
    page = response.content.decode()
    assert '<dd id="award-total">6.840.000</dd>' in page
    assert "450.000 không chi: chỉ hưởng mức thưởng cao nhất, điểm c khoản 2 Điều 66 Nghị định 91/2017" in page
    assert "Cần kiểm tra:" in page
    assert "Nguyễn Đức Lâm" in page
    assert "Chương trình kết nối cung cầu của Liên minh HTX Việt Nam" in page
    assert "2.021" not in page


def test_a_revoked_award_leaves_the_year_totals_and_the_dashboard(leader_client):
    line = AwardLine.objects.get(person__full_name="Trần Thế Tuấn", title__code=law.GIAY_KHEN)
    _revoke(line)
    response = leader_client.get("/awards/2021/")
    assert (response.context["count"], response.context["total"]) == (11, 6_390_000)
    assert law.GIAY_KHEN not in [group.title.code for group in response.context["groups"]]
    assert response.context["revoked"] == [line]
    assert "Hủy bỏ do kê khai sai thành tích" in response.content.decode()
    assert leader_client.get("/dashboard/2021/").context["award_count"] == 11


def test_the_dashboard_shows_the_number_of_awards_of_the_year(leader_client):
    response = leader_client.get("/dashboard/2021/")
    assert response.context["award_count"] == 12
    page = response.content.decode()
    assert '<a href="/awards/2021/"><strong id="award-count">12</strong></a>' in page
    assert leader_client.get("/dashboard/2020/").context["award_count"] == 5


def test_the_person_page_shows_the_history_across_years(leader_client):
    lam = Person.objects.get(full_name="Nguyễn Đức Lâm")
    response = leader_client.get(f"/awards/person/{lam.pk}/")
    assert response.status_code == 200
    history = [(year, [line.title.code for line in lines]) for year, lines in response.context["history"]]
    assert history == [(2021, [law.CSTD_CO_SO, law.LDTT]), (2020, [law.LDTT]), (2019, [law.LDTT])]
    assert response.context["total"] == 2_390_000  # 1,490,000 + 450,000 + 450,000: not the 2021 LĐTT
    page = response.content.decode()
    assert "Giám đốc Trung tâm" in page
    assert '<a href="/awards/2019/">2019</a>' in page


def test_the_person_page_marks_a_revoked_award_and_leaves_it_out_of_the_total(leader_client):
    someone = person()
    kept = award(decision(2022), law.LDTT, someone)
    _revoke(award(decision(2023), law.LDTT, someone))
    response = leader_client.get(f"/awards/person/{someone.pk}/")
    assert response.context["total"] == kept.reward_amount
    assert response.content.decode().count('class="revoked"') == 1


def test_the_collective_page_links_the_cooperative(leader_client):
    cooperative = Cooperative.objects.order_by("registration_code").first()
    collective = Collective.objects.create(kind=Collective.Kind.COOPERATIVE, cooperative=cooperative)
    award(decision(2023), law.GIAY_KHEN, collective)
    response = leader_client.get(f"/awards/collective/{collective.pk}/")
    assert response.status_code == 200
    assert response.context["total"] == 1_080_000  # 0.3 x 2 x 1,800,000
    assert f"/registry/htx/{collective.cooperative_id}/" in response.content.decode()


def test_the_index_opens_the_latest_year_with_awards(leader_client):
    response = leader_client.get("/awards/")
    assert (response.status_code, response.url) == (302, "/awards/2021/")


def test_a_year_without_awards_says_so(leader_client):
    response = leader_client.get("/awards/2010/")
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert 2010 in response.context["years"]


def test_an_unknown_recipient_is_a_404(leader_client):
    assert leader_client.get("/awards/person/999999/").status_code == 404
    assert leader_client.get("/awards/collective/999999/").status_code == 404


@pytest.mark.parametrize("path", ["/awards/", "/awards/2021/", "/awards/person/1/", "/awards/collective/1/"])
def test_anonymous_users_are_sent_to_the_login_page(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_the_pages_answer_get_only(leader_client):
    assert leader_client.post("/awards/2021/").status_code == 405


# session, user, the user's profile and its communes (the scope), the
# year's awards with their decision, title and recipient, the years with
# decisions, and the home province for the page header
YEAR_QUERIES = 7
# session, user, profile and communes, the person, their awards, the home province
PERSON_QUERIES = 7


def test_the_year_page_costs_a_fixed_number_of_queries(leader_client, django_assert_num_queries):
    leader_client.get("/awards/2021/")  # warm up: a session's first request may write it
    with django_assert_num_queries(YEAR_QUERIES):
        leader_client.get("/awards/2021/")
    on = decision(2021, issued_on=datetime.date(2022, 2, 1))
    for i in range(10):
        award(on, law.GIAY_KHEN, person(f"Người Thứ {i}"))
    with django_assert_num_queries(YEAR_QUERIES):
        assert leader_client.get("/awards/2021/").context["count"] == COUNT_2021 + 10


def test_the_person_page_costs_a_fixed_number_of_queries(leader_client, django_assert_num_queries):
    lam = Person.objects.get(full_name="Nguyễn Đức Lâm")
    leader_client.get(f"/awards/person/{lam.pk}/")  # warm up: a session's first request may write it
    with django_assert_num_queries(PERSON_QUERIES):
        leader_client.get(f"/awards/person/{lam.pk}/")


def test_the_english_page_speaks_english(leader_client):
    leader_client.post("/i18n/setlang/", {"language": "en", "next": "/awards/2021/"})
    page = leader_client.get("/awards/2021/").content.decode()
    assert "Grassroots Emulation Fighter" in page
    assert "6,840,000" in page
