"""Display of plan figures in the active language's formats: "1.183",
"133,8%", "62,4" in Vietnamese; "1,183", "133.8%" in English."""

import datetime
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format

register = template.Library()

_PLACES = {"count": 0, "people": 0, "households": 0, "percent": 1, "million_vnd": 1}


@register.filter
def figure(value, unit):
    if value is None:
        return "—"
    places = _PLACES.get(unit, 1)
    value = Decimal(value)
    if value == value.to_integral_value():
        places = 0
    text = number_format(round(value, places), decimal_pos=places, force_grouping=True)
    return f"{text}%" if unit == "percent" else text


@register.filter
def percent(value):
    """An already rounded percent: its decimals are kept as they are."""
    if value is None:
        return "—"
    places = max(0, -Decimal(value).as_tuple().exponent)
    return f"{number_format(value, decimal_pos=places, force_grouping=True)}%"


@register.filter
def bar_step(width):
    """The bar's width in steps of 5 %, for a CSS class (no inline styles)."""
    return round(Decimal(width) / 5) * 5


@register.filter
def cell(value):
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    return value
