"""Every rule that decides what the registry counts, in one place to import
from: "a new HTX of the year", "operating at the end of the year", "rated
Khá or better". Each is a ``Q`` (or builds one) defined next to its model;
the model's QuerySet methods, the plan's measures, the drill-downs and the
tests all use these."""

from registry.models.cooperatives import (
    built_in_year,
    converted_in_year,
    ended_in_year,
    existing_on,
    of_kind,
    operating_on,
    registered_in_year,
    status_on,
)
from registry.models.groups import (
    established_in_year,
    group_existing_on,
    group_operating_on,
    upgraded_by,
    upgraded_in_year,
)
from registry.models.reports import (
    alliance_supported,
    certified_in_year,
    income_reported,
    rated,
    rated_good_or_fair,
    report_of_year,
    revenue_reported,
)

__all__ = [
    "alliance_supported",
    "built_in_year",
    "certified_in_year",
    "converted_in_year",
    "ended_in_year",
    "established_in_year",
    "existing_on",
    "group_existing_on",
    "group_operating_on",
    "income_reported",
    "of_kind",
    "operating_on",
    "rated",
    "rated_good_or_fair",
    "registered_in_year",
    "report_of_year",
    "revenue_reported",
    "status_on",
    "upgraded_by",
    "upgraded_in_year",
]
