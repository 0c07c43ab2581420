"""Display of plan figures in the active language's formats: "1.183",
"133,8%", "62,4" in Vietnamese; "1,183", "133.8%" in English."""

import datetime
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format

from coopportal.lib.units import Unit, shown, unit_of

register = template.Library()


@register.filter
def figure(value, unit):
    """A figure rounded half up to its unit's decimals, grouped: "1.183", "62,4%"."""
    if value is None:
        return "—"
    value = shown(value, unit)
    places = max(0, -value.as_tuple().exponent)
    text = number_format(value, decimal_pos=places, force_grouping=True)
    return f"{text}%" if unit_of(unit) == Unit.PERCENT else text


@register.filter
def figure_unit(value, unit):
    """``figure`` followed by its unit in the plan's words: "87 HTX", "62,4 triệu đồng/người/năm"."""
    text = figure(value, unit)
    if value is None or unit_of(unit) == Unit.PERCENT:
        return text
    return f"{text} {unit_of(unit).label}"


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
