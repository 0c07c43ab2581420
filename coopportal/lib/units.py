"""Units of plan figures, in the plan's own words, with how many decimals
each is shown at, and the one rounding rule for every figure shown: half up
(away from zero), on cards, tables, the API and Excel alike."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Unit(models.TextChoices):
    COUNT = "count", _("units")
    HTX = "htx", _("HTX")
    UNION = "union", _("unions")
    THT = "tht", _("THT")
    MODELS = "models", _("models")
    PRODUCTS = "products", _("products")
    HOUSEHOLDS = "households", _("households")
    PEOPLE = "people", _("people")
    ORGANISATIONS = "organisations", _("organisations")
    MEMBERS = "members", pgettext_lazy("unit", "members")
    LOANS = "loans", _("loans")
    CLASSES = "classes", _("classes")
    CASES = "cases", _("cases")
    EVENTS = "events", _("events")
    VND = "vnd", _("VND")
    PERCENT = "percent", _("%")
    MILLION_VND = "million_vnd", _("million VND/person/year")
    MILLION_VND_PER_HTX = "million_vnd_htx", _("million VND/HTX")

    @property
    def decimals(self):
        """Decimals a figure in this unit is shown with."""
        if self == Unit.PERCENT:
            return settings.PLAN_PERCENT_DECIMALS
        if self in (Unit.MILLION_VND, Unit.MILLION_VND_PER_HTX):
            return 1
        return 0

    @property
    def excel_format(self):
        """The Excel number format showing the same decimals."""
        decimals = self.decimals
        number = "#,##0" + ("." + "0" * decimals if decimals else "")
        return number + "%" if self == Unit.PERCENT else number


def unit_of(code):
    """The Unit for a stored code; an unknown code reads as a plain count."""
    try:
        return Unit(code)
    except ValueError:
        return Unit.COUNT


def round_half_up(value, decimals=None):
    """Round for display, half away from zero: 133.846 -> 133.8 (1) or 134
    (0); 0.05 -> 0.1 (Python's round() would give 0.0). ``decimals``
    defaults to PLAN_PERCENT_DECIMALS."""
    if value is None:
        return None
    decimals = settings.PLAN_PERCENT_DECIMALS if decimals is None else decimals
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def shown(value, unit):
    """``value`` rounded as it is shown in ``unit``: whole numbers stay whole
    (62 %, not 62.0 %), others get the unit's decimals."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return round_half_up(value, unit_of(unit).decimals)
