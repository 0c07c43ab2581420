"""The dashboard's section on the Alliance's own work (registered with
planning.views from support.apps)."""

from django.utils.translation import gettext_lazy as _

from planning.measures import evaluate

# (heading, measure codes) in the order the section shows them
BLOCKS = [
    (_("Members"), ["alliance_members"]),
    (
        _("Support fund"),
        ["fund_loans_disbursed", "fund_loans_amount", "fund_loans_outstanding", "fund_loans_overdue_share"],
    ),
    (_("Training"), ["training_classes", "training_participants", "new_managers_trained"]),
    (_("Consulting and support"), ["support_cases", "htx_founded_with_support"]),
    (_("Trade promotion"), ["trade_events", "trade_contracts_value"]),
    (_("Poverty reduction"), ["poor_households_escaped"]),
]
CODES = [code for _heading, codes in BLOCKS for code in codes]


def alliance_section(request, year, scope, commune):
    """The year's figures and last year's, one aggregate query per table of
    the Alliance's records (cached with the plan's figures)."""
    from support.measures import BY_CODE

    values = evaluate(CODES, [year, year - 1], scope)
    blocks = [
        (
            heading,
            [
                {
                    "code": code,
                    "label": BY_CODE[code].label,
                    "unit": BY_CODE[code].unit,
                    "value": values[(code, year)],
                    "previous": values[(code, year - 1)],
                }
                for code in codes
            ],
        )
        for heading, codes in BLOCKS
    ]
    return {"template": "support/dashboard_section.html", "blocks": blocks, "year": year, "commune": commune}
