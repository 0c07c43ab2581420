"""The drill-downs behind the Alliance's figures cost a fixed number of
queries however many records they list."""

import pytest

from support.measures import BY_CODE
from support.models import SupportedHousehold, TrainingClass, TrainingParticipant

pytestmark = pytest.mark.django_db

# session, user, profile and its communes (the scope), the count, the page of
# records with everything its columns show joined in, the home province for
# the header, the province's communes for the picker
DRILLDOWN_QUERIES = 8


def _add_records():
    klass = TrainingClass.objects.filter(starts_on__year=2021).first()
    for i in range(20):
        TrainingParticipant.objects.create(
            training_class=klass, full_name=f"Học viên {i}", organisation_name="UBND xã", commune_id="04606"
        )
        SupportedHousehold.objects.create(
            head_name=f"Hộ {i}", commune_id="04606", programme="Giảm nghèo", supported_year=2021, left_poverty_year=2021
        )


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_each_drilldown_costs_a_fixed_number_of_queries(leader_client, django_assert_num_queries, code):
    leader_client.get(f"/support/2021/{code}/")  # a session's first request renews it
    with django_assert_num_queries(DRILLDOWN_QUERIES):
        assert leader_client.get(f"/support/2021/{code}/").status_code == 200
    _add_records()
    with django_assert_num_queries(DRILLDOWN_QUERIES):
        leader_client.get(f"/support/2021/{code}/")
