"""How the Alliance's records are listed in drill-downs, exports and the
year-end report: (title, value) columns, joins and order per model."""

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
            (_("Decision number"), lambda o: o.decision_number),
            (_("Decision date"), lambda o: o.decision_date),
            (_("Borrower"), lambda o: o.borrower.name),
            (_("Commune"), lambda o: o.borrower.commune.name),
            (_("Purpose"), lambda o: o.purpose),
            (_("Amount lent (VND)"), lambda o: o.amount),
            (_("Interest rate (%/year)"), lambda o: o.interest_rate),
            (_("Term (months)"), lambda o: o.term_months),
            (_("Disbursed by the year end (VND)"), lambda o: getattr(o, "disbursed", None)),
            (_("Outstanding at the year end (VND)"), lambda o: getattr(o, "outstanding", None)),
            (_("Overdue at the year end (VND)"), lambda o: getattr(o, "overdue", None)),
        ],
        ["borrower__commune"],
        ["decision_date", "decision_number"],
    ),
    TrainingClass: (
        [
            (_("Topic"), lambda o: o.topic),
            (_("Starts on"), lambda o: o.starts_on),
            (_("Ends on"), lambda o: o.ends_on),
            (_("Place"), lambda o: o.place),
            (_("Commune"), lambda o: o.commune.name),
            (_("Organiser"), lambda o: o.organiser),
            (_("Funding source"), lambda o: o.get_funding_source_display()),
        ],
        ["commune"],
        ["starts_on", "topic"],
    ),
    TrainingParticipant: (
        [
            (_("Full name"), lambda o: o.full_name),
            (_("Role"), lambda o: o.get_role_display()),
            (_("Organisation"), lambda o: str(o.organisation)),
            (_("Commune"), _commune),
            (_("Class"), lambda o: o.training_class.topic),
            (_("Starts on"), lambda o: o.training_class.starts_on),
            (_("Attended"), lambda o: _("yes") if o.attended else _("no")),
            (_("Completed"), lambda o: _("yes") if o.completed else _("no")),
        ],
        ["commune", "cooperative", "group", "training_class"],
        ["training_class__starts_on", "full_name", "id"],
    ),
    SupportCase: (
        [
            (_("Kind"), lambda o: o.get_kind_display()),
            (_("Subject"), lambda o: o.subject),
            (_("Organisation"), lambda o: str(o.organisation)),
            (_("Commune"), _commune),
            (_("Opened on"), lambda o: o.opened_on),
            (_("Closed on"), lambda o: o.closed_on),
            (_("Officer in charge"), lambda o: o.officer),
            (_("Outcome"), lambda o: o.get_outcome_display()),
            (_("HTX founded"), lambda o: o.produced_cooperative.name if o.produced_cooperative_id else ""),
        ],
        ["commune", "cooperative", "group", "produced_cooperative"],
        ["opened_on", "id"],
    ),
    TradeParticipation: (
        [
            (_("Event"), lambda o: o.event.name),
            (_("Kind"), lambda o: o.event.get_kind_display()),
            (_("Starts on"), lambda o: o.event.starts_on),
            (_("Place"), lambda o: o.event.place),
            (_("Organisation"), lambda o: str(o.organisation)),
            (_("Commune"), _commune),
            (_("Products"), lambda o: o.products),
            (_("Contracts signed"), lambda o: o.contracts_signed),
            (_("Value of the contracts (VND)"), lambda o: o.contracts_value),
        ],
        ["event", "commune", "cooperative", "group"],
        ["event__starts_on", "event__name", "id"],
    ),
    Membership: (
        [
            (_("Organisation"), lambda o: str(o.organisation)),
            (_("Kind"), lambda o: o.organisation_kind),
            (_("Commune"), _commune),
            (_("Joined on"), lambda o: o.joined_on),
            (_("Left on"), lambda o: o.left_on),
        ],
        ["commune", "cooperative", "group"],
        ["joined_on", "id"],
    ),
    SupportedHousehold: (
        [
            (_("Head of household"), lambda o: o.head_name),
            (_("Village"), lambda o: o.village),
            (_("Commune"), lambda o: o.commune.name),
            (_("Programme"), lambda o: o.programme),
            (_("Support given"), lambda o: o.support),
            (_("Supported from (year)"), lambda o: o.supported_year),
            (_("Left poverty in (year)"), lambda o: o.left_poverty_year),
        ],
        ["commune"],
        ["commune__name", "village", "head_name"],
    ),
}
