"""How the Alliance's records are listed in drill-downs, exports and the
year-end report: (key, title, value) columns (key None: every column is
shown for every measure), joins and order per model."""

from django.utils.translation import gettext_lazy as _

from support.models import (
    Loan,
    Membership,
    SupportCase,
    SupportedHousehold,
    TradeParticipation,
    TrainingClass,
    TrainingParticipant,
)


def _commune(obj):
    return obj.commune.name if obj.commune_id else ""


COLUMNS = {
    Loan: (
        [
            (None, _("Decision number"), lambda o: o.decision_number),
            (None, _("Decision date"), lambda o: o.decision_date),
            (None, _("Borrower"), lambda o: o.borrower.name),
            (None, _("Commune"), lambda o: o.borrower.commune.name),
            (None, _("Purpose"), lambda o: o.purpose),
            (None, _("Amount lent (VND)"), lambda o: o.amount),
            (None, _("Interest rate (%/year)"), lambda o: o.interest_rate),
            (None, _("Term (months)"), lambda o: o.term_months),
            (None, _("Disbursed by the year end (VND)"), lambda o: getattr(o, "disbursed", None)),
            (None, _("Outstanding at the year end (VND)"), lambda o: getattr(o, "outstanding", None)),
            (None, _("Overdue at the year end (VND)"), lambda o: getattr(o, "overdue", None)),
        ],
        ["borrower__commune"],
        ["decision_date", "decision_number"],
    ),
    TrainingClass: (
        [
            (None, _("Topic"), lambda o: o.topic),
            (None, _("Starts on"), lambda o: o.starts_on),
            (None, _("Ends on"), lambda o: o.ends_on),
            (None, _("Place"), lambda o: o.place),
            (None, _("Commune"), lambda o: o.commune.name),
            (None, _("Organiser"), lambda o: o.organiser),
            (None, _("Funding source"), lambda o: o.get_funding_source_display()),
        ],
        ["commune"],
        ["starts_on", "topic"],
    ),
    TrainingParticipant: (
        [
            (None, _("Full name"), lambda o: o.full_name),
            (None, _("Role"), lambda o: o.get_role_display()),
            (None, _("Organisation"), lambda o: str(o.organisation)),
            (None, _("Commune"), _commune),
            (None, _("Class"), lambda o: o.training_class.topic),
            (None, _("Starts on"), lambda o: o.training_class.starts_on),
            (None, _("Attended"), lambda o: _("yes") if o.attended else _("no")),
            (None, _("Completed"), lambda o: _("yes") if o.completed else _("no")),
        ],
        ["commune", "cooperative", "group", "training_class"],
        ["training_class__starts_on", "full_name", "id"],
    ),
    SupportCase: (
        [
            (None, _("Kind"), lambda o: o.get_kind_display()),
            (None, _("Subject"), lambda o: o.subject),
            (None, _("Organisation"), lambda o: str(o.organisation)),
            (None, _("Commune"), _commune),
            (None, _("Opened on"), lambda o: o.opened_on),
            (None, _("Closed on"), lambda o: o.closed_on),
            (None, _("Officer in charge"), lambda o: o.officer),
            (None, _("Outcome"), lambda o: o.get_outcome_display()),
            (None, _("HTX founded"), lambda o: o.produced_cooperative.name if o.produced_cooperative_id else ""),
        ],
        ["commune", "cooperative", "group", "produced_cooperative"],
        ["opened_on", "id"],
    ),
    TradeParticipation: (
        [
            (None, _("Event"), lambda o: o.event.name),
            (None, _("Kind"), lambda o: o.event.get_kind_display()),
            (None, _("Starts on"), lambda o: o.event.starts_on),
            (None, _("Place"), lambda o: o.event.place),
            (None, _("Organisation"), lambda o: str(o.organisation)),
            (None, _("Commune"), _commune),
            (None, _("Products"), lambda o: o.products),
            (None, _("Contracts signed"), lambda o: o.contracts_signed),
            (None, _("Value of the contracts (VND)"), lambda o: o.contracts_value),
        ],
        ["event", "commune", "cooperative", "group"],
        ["event__starts_on", "event__name", "id"],
    ),
    Membership: (
        [
            (None, _("Organisation"), lambda o: str(o.organisation)),
            (None, _("Kind"), lambda o: o.organisation_kind),
            (None, _("Commune"), _commune),
            (None, _("Joined on"), lambda o: o.joined_on),
            (None, _("Left on"), lambda o: o.left_on),
        ],
        ["commune", "cooperative", "group"],
        ["joined_on", "id"],
    ),
    SupportedHousehold: (
        [
            (None, _("Head of household"), lambda o: o.head_name),
            (None, _("Village"), lambda o: o.village),
            (None, _("Commune"), lambda o: o.commune.name),
            (None, _("Programme"), lambda o: o.programme),
            (None, _("Support given"), lambda o: o.support),
            (None, _("Supported from (year)"), lambda o: o.supported_year),
            (None, _("Left poverty in (year)"), lambda o: o.left_poverty_year),
        ],
        ["commune"],
        ["commune__name", "village", "head_name"],
    ),
}
