"""The demo awards reproduce the seed's 2021 awards and load twice harmlessly."""

import io

import pytest
from django.core.management import call_command

from awards import law
from awards.demo import load_demo_awards
from awards.models import AwardLine, BaseSalary, Decision, Person, Title

pytestmark = pytest.mark.django_db


def _snapshot():
    rows = AwardLine.objects.values_list(
        "decision__number", "person__full_name", "collective__name", "title__code", "reward_amount"
    )
    return sorted(rows, key=str)


def test_the_seed_awards_of_2021_are_there():
    lines = AwardLine.objects.counting().for_year(2021)
    cstd = lines.filter(title__code=law.CSTD_CO_SO)
    assert list(cstd.values_list("person__full_name", flat=True)) == ["Nguyễn Đức Lâm"]
    assert lines.filter(title__code=law.LDTT).count() == 7
    tuan = lines.get(person__full_name="Trần Thế Tuấn", title__code=law.GIAY_KHEN)
    assert tuan.decision.campaign == "Chương trình kết nối cung cầu của Liên minh HTX Việt Nam"
    assert tuan.person.unit == "Trung tâm Tư vấn hỗ trợ thành viên"
    # Programme 18: a reward to individuals, no Giấy khen, no collective
    programme_18 = lines.filter(decision__campaign="Chương trình hành động số 18 của Tỉnh ủy")
    assert sorted(programme_18.values_list("person__full_name", "title__code", "reward_amount")) == [
        ("Triệu Văn Dũng", law.TIEN_THUONG, 500_000),
        ("Đỗ Văn Khánh", law.TIEN_THUONG, 500_000),
    ]
    assert not lines.filter(collective__cooperative__isnull=False).exists()


def test_an_earlier_demo_line_is_removed_when_loading_again():
    stale = AwardLine.objects.get(person__full_name="Đỗ Văn Khánh", title__code=law.TIEN_THUONG)
    stale.title = Title.objects.get(code=law.GIAY_KHEN)
    stale.override_amount, stale.override_note = None, ""
    stale.save()
    load_demo_awards()
    khanh = AwardLine.objects.filter(person__full_name="Đỗ Văn Khánh", decision__number="06/QĐ-LMHTX")
    assert list(khanh.values_list("title__code", flat=True)) == [law.TIEN_THUONG]


def test_loading_again_changes_nothing():
    before = _snapshot()
    assert load_demo_awards() == len(before) == 20
    assert _snapshot() == before
    assert Person.objects.filter(full_name="Nguyễn Đức Lâm").count() == 1


def test_the_command_reports_the_awards():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo awards: 20 award lines." in out.getvalue()


def test_the_reference_data_comes_back_after_the_database_is_emptied():
    AwardLine.objects.all().delete()
    Decision.objects.all().delete()
    Title.objects.all().delete()
    BaseSalary.objects.all().delete()
    assert load_demo_awards() == 20
    assert Title.objects.count() == 15
    assert BaseSalary.objects.count() == 5
