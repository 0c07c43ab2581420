import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from places.models import Commune
from registry.models import Cooperative, CooperativeGroup, OcopProduct
from registry.validators import validate_registration_code

pytestmark = pytest.mark.django_db

TRAM_TAU = "04606"


def make_coop(**fields):
    values = {
        "registration_code": "5209999001",
        "name": "Hợp tác xã Chè Shan tuyết Trạm Tấu",
        "commune": Commune.objects.get(code=TRAM_TAU),
        "registration_date": datetime.date(2021, 3, 15),
    }
    values.update(fields)
    return Cooperative(**values)


@pytest.mark.parametrize("code", ["5200123456", "0101234567"])
def test_a_ten_digit_code_is_accepted(code):
    validate_registration_code(code)


@pytest.mark.parametrize("code", ["520012345", "52001234567", "52001234a6", "", "5200 123456"])
def test_other_codes_are_refused(code):
    with pytest.raises(ValidationError) as error:
        validate_registration_code(code)
    assert error.value.code == "invalid_registration_code"


def test_a_branch_code_is_refused_with_its_own_message():
    with pytest.raises(ValidationError) as error:
        validate_registration_code("5200123456-001")
    assert error.value.code == "branch_code"


def test_a_duplicate_registration_code_is_refused_by_full_clean():
    make_coop().save()
    duplicate = make_coop(name="Hợp tác xã Khác")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "registration_code" in error.value.message_dict


def test_the_name_must_begin_with_the_kind():
    with pytest.raises(ValidationError) as error:
        make_coop(name="Công ty Chè Trạm Tấu").full_clean()
    assert "name" in error.value.message_dict
    union = make_coop(kind=Cooperative.Kind.UNION, name="Hợp tác xã Chè")
    with pytest.raises(ValidationError, match="Liên hiệp hợp tác xã") as error:
        union.full_clean()
    assert list(error.value.message_dict) == ["name"]
    make_coop(kind=Cooperative.Kind.UNION, name="Liên hiệp hợp tác xã Chè Yên Bái").full_clean()


def test_a_new_cooperative_starts_its_status_history_at_registration():
    coop = make_coop()
    coop.save()
    history = list(coop.status_changes.values_list("status", "changed_on"))
    assert history == [(Cooperative.Status.OPERATING, datetime.date(2021, 3, 15))]
    assert coop.status_since == datetime.date(2021, 3, 15)


def test_status_changes_are_dated_and_kept_in_order():
    coop = make_coop()
    coop.save()
    coop.change_status(Cooperative.Status.SUSPENDED, datetime.date(2022, 5, 1), note="Thiếu vốn")
    coop.change_status(Cooperative.Status.DISSOLVED, datetime.date(2023, 2, 10))
    coop.refresh_from_db()
    assert coop.status == Cooperative.Status.DISSOLVED
    assert list(coop.status_changes.values_list("status", "changed_on", "note")) == [
        ("operating", datetime.date(2021, 3, 15), ""),
        ("suspended", datetime.date(2022, 5, 1), "Thiếu vốn"),
        ("dissolved", datetime.date(2023, 2, 10), ""),
    ]


def test_a_status_changed_in_a_form_without_a_date_is_dated_today():
    coop = make_coop()
    coop.save()
    loaded = Cooperative.objects.get(pk=coop.pk)
    loaded.status = Cooperative.Status.SUSPENDED
    loaded.save()
    assert loaded.status_changes.last().changed_on == timezone.localdate()


def test_saving_without_a_status_change_adds_no_history():
    coop = make_coop()
    coop.save()
    coop.name = "Hợp tác xã Chè Shan tuyết Trạm Tấu mới"
    coop.save()
    assert coop.status_changes.count() == 1


def test_a_conversion_before_registration_is_refused():
    coop = make_coop(converted_on=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="Ngày chuyển đổi không được trước ngày đăng ký"):
        coop.full_clean()


def test_ocop_stars_are_3_to_5():
    coop = make_coop()
    coop.save()
    product = OcopProduct(name="Chè", cooperative=coop, stars=2, certified_on=datetime.date(2021, 5, 5))
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert list(error.value.message_dict) == ["stars"]


def test_an_upgraded_group_names_its_cooperative():
    group = CooperativeGroup(
        name="Tổ hợp tác chè",
        commune_id=TRAM_TAU,
        established_on=datetime.date(2020, 1, 1),
        status=CooperativeGroup.Status.UPGRADED,
    )
    with pytest.raises(ValidationError) as error:
        group.full_clean()
    assert "upgraded_to" in error.value.message_dict


def test_saving_a_record_loaded_without_its_status_adds_no_history():
    coop = make_coop()
    coop.save()
    partial = Cooperative.objects.only("name", "commune", "registration_code").get(pk=coop.pk)
    partial.name = "Hợp tác xã Chè Trạm Tấu"
    partial.save()
    assert coop.status_changes.count() == 1
