"""One reward for one achievement: several awards for the same recipient,
period and achievement are all recorded and only the highest is paid (Decree
91/2017 Art. 66(2)(c), Decree 98/2023 Art. 53); awards for other periods or
achievements, and a title with a form, are each paid. The year page, the
person page, the year-end report's awards sheet and the dashboard agree."""

import datetime
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from awards import law
from awards.models import AwardLine, Person
from tests.awards_helpers import award, decision, person, unit, without_share_cap

pytestmark = pytest.mark.django_db

NOTE_2021 = (
    "chỉ hưởng mức thưởng cao nhất, điểm c khoản 2 Điều 66 Nghị định 91/2017/NĐ-CP; nay là Điều 53 Nghị định 98/2023"
)


def _paid(line):
    line.refresh_from_db()
    return line.entitled_amount, line.reward_amount, line.paid_instead_id


def test_the_2021_double_title_pays_1_490_000_only():
    lines = AwardLine.objects.filter(person__full_name="Nguyễn Đức Lâm", decision__year=2021)
    ldtt, cstd = lines.get(title__code=law.LDTT), lines.get(title__code=law.CSTD_CO_SO)
    assert _paid(ldtt) == (450_000, 0, cstd.pk)
    assert _paid(cstd) == (1_490_000, 1_490_000, None)
    assert lines.counting().total_amount() == 1_490_000
    with translation.override("vi"):
        assert ldtt.one_reward_note == NOTE_2021


def test_after_2024_the_note_cites_decree_98():
    someone = person()
    on = decision(2024, issued_on=datetime.date(2025, 1, 15))
    ldtt = award(on, law.LDTT, someone)
    award(on, law.CSTD_CO_SO, someone)
    ldtt.refresh_from_db()
    assert ldtt.reward_amount == 0
    with translation.override("vi"):
        assert ldtt.one_reward_note == "chỉ hưởng mức thưởng cao nhất, Điều 53 Nghị định 98/2023"


def test_the_higher_title_in_a_later_decision_of_the_same_year_takes_over():
    someone = person()
    ldtt = award(decision(2023, issued_on=datetime.date(2024, 1, 15)), law.LDTT, someone)
    assert _paid(ldtt) == (540_000, 540_000, None)
    cstd = award(decision(2023, issued_on=datetime.date(2024, 1, 20)), law.CSTD_CO_SO, someone)
    assert _paid(ldtt) == (540_000, 0, cstd.pk)
    assert _paid(cstd) == (1_800_000, 1_800_000, None)


def test_revoking_or_deleting_the_paid_title_pays_the_other_again():
    someone = person()
    on = decision(2023)
    ldtt = award(on, law.LDTT, someone)
    cstd = award(on, law.CSTD_CO_SO, someone)
    assert _paid(ldtt)[1] == 0
    cstd.status = AwardLine.Status.REVOKED
    cstd.revoked_on = datetime.date(2025, 3, 1)
    cstd.revocation_reason = "Kê khai sai sáng kiến"
    cstd.full_clean()
    cstd.save()
    assert _paid(ldtt) == (540_000, 540_000, None)
    cstd.status, cstd.revoked_on, cstd.revocation_reason = AwardLine.Status.VALID, None, ""
    cstd.save()
    assert _paid(ldtt) == (540_000, 0, cstd.pk)
    cstd.delete()
    assert _paid(ldtt) == (540_000, 540_000, None)


def test_titles_of_different_years_are_each_paid():
    someone = person()
    first = award(decision(2023), law.LDTT, someone)
    second = award(decision(2024), law.LDTT, someone)
    assert (_paid(first)[1], _paid(second)[1]) == (540_000, 710_000)


def test_the_provincial_title_rewards_another_period_and_is_paid_with_the_grassroots_one():
    without_share_cap()
    someone = person()
    for year in (2022, 2023, 2024):
        award(decision(year), law.LDTT, someone)
        award(decision(year), law.CSTD_CO_SO, someone)
    cstd_tinh = award(decision(2024, level="province", issued_on=datetime.date(2025, 4, 1)), law.CSTD_TINH, someone)
    cstd_2024 = AwardLine.objects.get(person=someone, decision__year=2024, title__code=law.CSTD_CO_SO)
    assert _paid(cstd_tinh) == (7_020_000, 7_020_000, None)
    assert _paid(cstd_2024) == (2_340_000, 2_340_000, None)


def test_a_title_and_a_form_for_the_same_year_are_both_paid():
    someone = person()
    ldtt = award(decision(2023), law.LDTT, someone)
    giay_khen = award(decision(2023), law.GIAY_KHEN, someone)
    assert (_paid(ldtt)[1], _paid(giay_khen)[1]) == (540_000, 540_000)


def test_two_forms_for_one_achievement_in_two_decisions_pay_the_higher():
    someone = person()
    giay_khen = award(decision(2023, issued_on=datetime.date(2024, 1, 15)), law.GIAY_KHEN, someone)
    bang_khen = award(
        decision(2023, issued_on=datetime.date(2024, 4, 1), level="province"), law.BANG_KHEN_TINH, someone
    )
    assert _paid(giay_khen) == (540_000, 0, bang_khen.pk)
    assert _paid(bang_khen) == (1_800_000, 1_800_000, None)  # 1,0 (Decree 98/2023, unverified) x 1,800,000


def test_awards_for_different_campaigns_are_each_paid():
    someone = person()
    yearly = award(decision(2023), law.GIAY_KHEN, someone)
    campaign = award(decision(2023, campaign="Chương trình kết nối cung cầu"), law.GIAY_KHEN, someone)
    assert (_paid(yearly)[1], _paid(campaign)[1]) == (540_000, 540_000)


def test_moving_a_decision_to_another_year_settles_again():
    someone = person()
    ldtt = award(decision(2023), law.LDTT, someone)
    on = decision(2022, issued_on=datetime.date(2024, 1, 20))
    without_share_cap()
    award(decision(2022), law.LDTT, someone)
    cstd = award(on, law.CSTD_CO_SO, someone)
    assert _paid(ldtt)[1] == 540_000
    on.refresh_from_db()
    on.year = 2023
    on.save()
    assert _paid(ldtt) == (540_000, 0, cstd.pk)


def test_a_collective_flag_and_collective_title_of_one_year_pay_the_flag():
    collective = unit()
    on = decision(2023)
    title = award(on, law.TT_LDXS, collective)
    flag = award(decision(2023, level="province"), law.CO_THI_DUA_TINH, collective)
    assert _paid(title) == (2_700_000, 0, flag.pk)  # 1,5 x 1,800,000
    assert _paid(flag) == (14_400_000, 14_400_000, None)  # 8,0 x 1,800,000


def test_the_year_page_the_person_page_the_report_and_the_dashboard_agree(leader_client):
    year_page = leader_client.get("/awards/2021/").context
    assert (year_page["count"], year_page["total"]) == (12, 6_840_000)
    assert leader_client.get("/dashboard/2021/").context["award_count"] == 12
    response = leader_client.get("/reports/2021.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Khen thưởng"]
    rows = [row for row in sheet.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]
    assert (len(rows), sum(row[7] for row in rows)) == (12, 6_840_000)
    assert sheet["G4"].value == "Thành tích"
    lam_ldtt = next(row for row in rows if row[2].startswith("Nguyễn Đức Lâm") and row[1] == "Lao động tiên tiến")
    assert (lam_ldtt[7], lam_ldtt[8]) == (0, NOTE_2021)
    lam = Person.objects.get(full_name="Nguyễn Đức Lâm")
    person_page = leader_client.get(f"/awards/person/{lam.pk}/").context
    lam_2021 = next(lines for year, lines in person_page["history"] if year == 2021)
    assert sum(line.reward_amount for line in lam_2021) == sum(
        row[7] for row in rows if row[2].startswith("Nguyễn Đức Lâm")
    )


def test_a_year_without_awards_says_so_in_the_report(leader_client):
    response = leader_client.get("/reports/2010.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Khen thưởng"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [row[0] for row in rows] == ["Năm 2010 không có khen thưởng nào được ghi nhận.", "Cộng: 0 lượt"]
