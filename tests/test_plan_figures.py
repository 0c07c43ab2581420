"""Targets and manual actuals share one rule for where a figure belongs
(planning.models.AreaFigure): a commune only within its own province."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from planning.models import Indicator, ManualActual, Target

pytestmark = pytest.mark.django_db

HA_NOI_COMMUNE = "00004"  # Phường Ba Đình, Hà Nội (province 01), not Lào Cai (15)


def _hand_entered():
    return Indicator.objects.filter(measure="").first()


@pytest.mark.parametrize(
    "figure",
    [
        lambda indicator: Target(indicator=indicator, year=2022, value=5),
        lambda indicator: ManualActual(indicator=indicator, year=2022, value=5, as_of=datetime.date(2022, 6, 30)),
    ],
    ids=["target", "manual actual"],
)
def test_a_commune_outside_the_province_is_refused(figure):
    record = figure(_hand_entered())
    record.province_id = "15"
    record.commune_id = HA_NOI_COMMUNE
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert error.value.message_dict["commune"] == ["Xã, phường không thuộc tỉnh đã chọn."]
    record.province_id = "01"
    record.full_clean()
