"""The rules an award must meet, checked on save with a clear message:
prerequisites, no title twice a year, one form per achievement, and
revocation (kept on record, counted nowhere)."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from awards import law
from awards.models import AwardLine, Collective, CollectiveKind
from registry.models import Cooperative
from tests.awards_helpers import award, build, decision, person, unit, without_share_cap

pytestmark = pytest.mark.django_db


def _refused(line, code, **params):
    """full_clean() refuses ``line`` with the rule ``code`` (and these
    message parameters): codes, not wording, so that the test holds in
    every language."""
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    found = [e for e in error.value.error_dict.get(NON_FIELD_ERRORS, []) if e.code == code]
    assert found, error.value
    for name, value in params.items():
        given = found[0].params[name]
        assert str(getattr(given, "code", given)) == str(value)  # a title by its code


def _field_error(line, field, code):
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert code in [e.code for e in error.value.error_dict.get(field, [])], error.value


def _revoke(line, on=datetime.date(2025, 3, 1), reason="Quyết định hủy bỏ số 02/QĐ-LMHTX: kê khai sai thành tích"):
    line.status = AwardLine.Status.REVOKED
    line.revoked_on = on
    line.revocation_reason = reason
    line.full_clean()
    line.save()


# Chiến sĩ thi đua cơ sở rests on Lao động tiên tiến of the same year


def test_cstd_co_so_with_ldtt_of_the_same_year_is_accepted():
    someone = person()
    award(decision(2023), law.LDTT, someone)
    award(decision(2023), law.CSTD_CO_SO, someone)


def test_cstd_co_so_without_ldtt_is_refused():
    _refused(build(decision(2023), law.CSTD_CO_SO, person()), "prerequisite", required=law.LDTT)


def test_ldtt_of_another_year_does_not_count():
    someone = person()
    award(decision(2022), law.LDTT, someone)
    _refused(build(decision(2023), law.CSTD_CO_SO, someone), "prerequisite", recipient="Nguyễn Văn An", year=2023)


def test_ldtt_of_another_person_does_not_count():
    award(decision(2023), law.LDTT, person("Trần Văn Bình"))
    _refused(build(decision(2023), law.CSTD_CO_SO, person()), "prerequisite")


def test_a_revoked_ldtt_does_not_count():
    someone = person()
    ldtt = award(decision(2023), law.LDTT, someone)
    _revoke(ldtt)
    _refused(build(decision(2023), law.CSTD_CO_SO, someone), "prerequisite")


# Chiến sĩ thi đua cấp tỉnh rests on three consecutive Chiến sĩ thi đua cơ sở


def _cstd_co_so(someone, *years):
    without_share_cap()
    for year in years:
        award(decision(year), law.LDTT, someone)
        award(decision(year), law.CSTD_CO_SO, someone)


def test_cstd_tinh_after_three_consecutive_cstd_co_so_is_accepted():
    someone = person()
    _cstd_co_so(someone, 2022, 2023, 2024)
    line = award(decision(2024, level="province", issued_on=datetime.date(2025, 4, 1)), law.CSTD_TINH, someone)
    assert line.reward_amount == 7_020_000  # 3.0 x 2,340,000


def test_cstd_tinh_with_a_gap_is_refused_naming_the_missing_year():
    someone = person()
    _cstd_co_so(someone, 2022, 2024)
    _refused(build(decision(2024), law.CSTD_TINH, someone), "prerequisite", first=2022, missing="2023", count=3)


def test_cstd_tinh_needs_the_third_year_to_be_the_year_of_achievement():
    someone = person()
    _cstd_co_so(someone, 2021, 2022, 2023)
    _refused(build(decision(2024), law.CSTD_TINH, someone), "prerequisite", missing="2024")


def test_the_window_is_a_setting(settings):
    someone = person()
    _cstd_co_so(someone, 2023, 2024)
    _refused(build(decision(2024), law.CSTD_TINH, someone), "prerequisite", missing="2022")
    settings.AWARDS_CSTD_PROVINCE_STREAK = 2
    award(decision(2024), law.CSTD_TINH, someone)


# No title twice in a year; one form per achievement in a decision


def test_the_same_title_twice_for_the_same_year_is_refused():
    someone = person()
    first = decision(2023)
    award(first, law.LDTT, someone)
    _refused(build(decision(2023), law.LDTT, someone), "twice_in_year", year=2023, number=first.number)


def test_the_same_title_in_another_year_is_accepted():
    someone = person()
    award(decision(2022), law.LDTT, someone)
    award(decision(2023), law.LDTT, someone)


def test_a_collective_title_twice_for_the_same_year_is_refused():
    team = unit()
    award(decision(2023), law.TT_LDTT, team)
    _refused(build(decision(2023), law.TT_LDTT, team), "twice_in_year")


def test_two_giay_khen_for_different_achievements_in_one_year_are_accepted():
    someone = person()
    award(decision(2023, campaign="Chương trình hành động số 18 của Tỉnh ủy"), law.GIAY_KHEN, someone)
    award(decision(2023, campaign="Chương trình kết nối cung cầu"), law.GIAY_KHEN, someone)


def test_two_forms_in_one_decision_are_refused():
    someone = person()
    on = decision(2023)
    award(on, law.GIAY_KHEN, someone)
    _refused(build(on, law.BANG_KHEN_TINH, someone), "two_forms", other=law.GIAY_KHEN)


def test_the_same_form_twice_in_one_decision_is_refused_and_the_database_agrees():
    someone = person()
    on = decision(2023)
    award(on, law.GIAY_KHEN, someone)
    duplicate = build(on, law.GIAY_KHEN, someone)
    _refused(duplicate, "twice_in_decision")
    duplicate.check_rules_later = True  # even past the rules, the database refuses it
    _refused(duplicate, "once_per_decision")
    with transaction.atomic(), pytest.raises(IntegrityError):
        duplicate.save()


def test_a_title_and_a_form_in_one_decision_are_accepted():
    someone = person()
    on = decision(2023)
    award(on, law.LDTT, someone)
    award(on, law.GIAY_KHEN, someone)


# Who may receive what


def test_an_individual_title_is_refused_to_a_collective():
    _field_error(build(decision(2023), law.LDTT, unit()), "title", "not_for_collectives")


def test_a_collective_title_is_refused_to_a_person():
    _field_error(build(decision(2023), law.TT_LDXS, person()), "title", "not_for_people")


def test_an_award_goes_to_exactly_one_recipient():
    line = build(decision(2023), law.GIAY_KHEN, person())
    line.collective = unit()
    _field_error(line, "collective", "two_recipients")
    line.person = line.collective = None
    _field_error(line, "person", "no_recipient")


def test_a_cooperative_of_the_registry_can_be_honoured():
    cooperative = Cooperative.objects.order_by("registration_code").first()
    collective = Collective.objects.create(kind=CollectiveKind.COOPERATIVE, cooperative=cooperative)
    assert collective.name == cooperative.name
    line = award(decision(2023), law.GIAY_KHEN, collective)
    assert line.reward_amount == 1_080_000  # 0.6 x 1,800,000


# Revocation


def test_a_revoked_award_stays_on_record_and_counts_nowhere():
    line = award(decision(2023), law.LDTT, person())
    _revoke(line)
    line.refresh_from_db()
    assert line.status == AwardLine.Status.REVOKED
    assert line.revoked_on == datetime.date(2025, 3, 1)
    assert line not in AwardLine.objects.counting()
    assert line in AwardLine.objects.for_year(2023)


def test_after_a_revocation_the_title_can_be_conferred_again():
    someone = person()
    _revoke(award(decision(2023), law.LDTT, someone))
    award(decision(2023), law.LDTT, someone)


def test_a_revocation_needs_a_date_and_a_reason():
    line = award(decision(2023), law.LDTT, person())
    line.status = AwardLine.Status.REVOKED
    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert {"revoked_on", "revocation_reason"} <= set(error.value.message_dict)


def test_a_revocation_cannot_predate_the_decision():
    line = award(decision(2023), law.LDTT, person())
    line.status = AwardLine.Status.REVOKED
    line.revoked_on = datetime.date(2023, 6, 1)
    line.revocation_reason = "Kê khai sai thành tích"
    _field_error(line, "revoked_on", "revoked_before_decision")


def test_an_ldtt_that_a_cstd_rests_on_cannot_be_revoked_first():
    someone = person()
    ldtt = award(decision(2023), law.LDTT, someone)
    cstd = award(decision(2023), law.CSTD_CO_SO, someone)
    ldtt.status = AwardLine.Status.REVOKED
    ldtt.revoked_on = datetime.date(2025, 3, 1)
    ldtt.revocation_reason = "Kê khai sai thành tích"
    _refused(ldtt, "dependant", other=law.CSTD_CO_SO, year=2023, number=cstd.decision.number)
    ldtt.refresh_from_db()
    _revoke(cstd)
    _revoke(ldtt)


# The decision itself


def test_the_year_of_achievement_cannot_follow_the_decision():
    on = decision(2023)
    on.year = 2025
    with pytest.raises(ValidationError) as error:
        on.full_clean()
    assert [e.code for e in error.value.error_dict["year"]] == ["year_after_decision"]


def test_a_number_is_used_once_a_year_at_one_level():
    first = decision(2023)
    again = decision(2023, number=first.number, issued_on=first.issued_on + datetime.timedelta(days=3))
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert [e.code for e in error.value.error_dict["number"]] == ["number_taken"]
    next_year = decision(2024, number=first.number)
    next_year.full_clean()


# Chiến sĩ thi đua cơ sở within the share the law in force sets: 15% of the
# body's Lao động tiên tiến under Decree 91/2017, none found from 1/1/2024


def _ldtt_for(count, year, on):
    for i in range(count):
        award(on, law.LDTT, person(f"Người Lao Động {year} {i}"))


def test_under_decree_91_seven_ldtt_allow_one_cstd_co_so():
    on = decision(2022)  # signed 15/01/2023
    _ldtt_for(6, 2022, on)
    first = person("Người Thứ Nhất")
    award(on, law.LDTT, first)
    award(on, law.CSTD_CO_SO, first)  # 1 of 7: 15% of 7 = 1,05


def test_under_decree_91_six_ldtt_allow_no_cstd_co_so():
    on = decision(2022)
    _ldtt_for(5, 2022, on)
    first = person("Người Thứ Nhất")
    award(on, law.LDTT, first)
    _refused(build(on, law.CSTD_CO_SO, first), "share", count=1, ldtt=6, allowed=0, percent=15)


def test_under_decree_91_a_second_cstd_co_so_needs_fourteen_ldtt():
    on = decision(2022)
    _ldtt_for(11, 2022, on)
    first, second = person("Người Thứ Nhất"), person("Người Thứ Hai")
    for someone in (first, second):
        award(on, law.LDTT, someone)
    award(on, law.CSTD_CO_SO, first)
    _refused(build(on, law.CSTD_CO_SO, second), "share", count=2, ldtt=13, allowed=1)
    award(on, law.LDTT, person("Người Thứ Ba"))
    award(on, law.CSTD_CO_SO, second)  # 2 of 14: 15% of 14 = 2,1


def test_another_body_has_its_own_share():
    someone = person()
    on = decision(2022, level="other")
    award(on, law.LDTT, someone)
    _refused(build(on, law.CSTD_CO_SO, someone), "share", ldtt=1, allowed=0)


def test_from_2024_no_share_is_enforced():
    someone = person()
    on = decision(2023)  # signed 15/01/2024
    award(on, law.LDTT, someone)
    award(on, law.CSTD_CO_SO, someone)


# Chiến sĩ thi đua toàn quốc after two consecutive provincial titles


def _cstd_tinh(someone, *years):
    without_share_cap()
    for year in years:
        _cstd_co_so(someone, *range(year - 2, year + 1))
        award(decision(year, level="province", issued_on=datetime.date(year + 1, 4, 1)), law.CSTD_TINH, someone)


def test_cstd_toan_quoc_after_two_consecutive_provincial_titles_is_accepted():
    someone = person()
    _cstd_tinh(someone, 2020, 2023)
    on = decision(2023, level="government", issued_on=datetime.date(2024, 9, 2))
    line = award(on, law.CSTD_TOAN_QUOC, someone)
    assert line.reward_amount == 10_530_000  # 4,5 x 2,340,000 (from 1/7/2024)


def test_cstd_toan_quoc_with_one_provincial_title_is_refused():
    someone = person()
    _cstd_tinh(someone, 2023)
    on = decision(2023, level="government", issued_on=datetime.date(2024, 9, 2))
    _refused(build(on, law.CSTD_TOAN_QUOC, someone), "prerequisite", required=law.CSTD_TINH, missing="2020")


def test_a_provincial_title_under_a_national_one_cannot_be_revoked_first():
    someone = person()
    _cstd_tinh(someone, 2020, 2023)
    award(decision(2023, level="government", issued_on=datetime.date(2024, 9, 2)), law.CSTD_TOAN_QUOC, someone)
    provincial = AwardLine.objects.get(person=someone, title__code=law.CSTD_TINH, decision__year=2020)
    provincial.status = AwardLine.Status.REVOKED
    provincial.revoked_on = datetime.date(2025, 3, 1)
    provincial.revocation_reason = "Hủy bỏ"
    _refused(provincial, "dependant", other=law.CSTD_TOAN_QUOC)
