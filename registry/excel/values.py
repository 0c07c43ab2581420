"""Reading one spreadsheet cell as a typed value, the way Vietnamese offices
write them: dates as real dates or dd/mm/yyyy text, numbers as numbers or
"1.234.567". Each parser returns the value or raises CellError."""

import datetime
import re
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from coopportal.lib.numbers import VIETNAMESE, NumberError, parse_number, parse_whole_number
from coopportal.lib.text import fold
from coopportal.lib.xlsx import FORMULA_TRIGGERS

# Amounts are stored as 64-bit integers; anything this large is a typing error.
LARGEST_DIGITS = 15
LARGEST = 10**LARGEST_DIGITS


# A bad value is quoted back at most this long: a 10 MB cell is not echoed.
QUOTE_CHARS = 100


class CellError(ValueError):
    """A cell that cannot be read; the message says why, for a person."""


def shorten(value):
    """``value`` as text, cut to QUOTE_CHARS characters with "…" when longer."""
    text = "" if value is None else str(value)
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"


_DATE_PATTERNS = [
    re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
]


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def parse_text(value):
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    # Our own export protects formula-like text with a leading apostrophe.
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_TRIGGERS):
        text = text[1:]
    return text


# Excel counts days from 30/12/1899; 1 to 73,415 are the years 1900 to 2100.
EXCEL_EPOCH = datetime.date(1899, 12, 30)
EXCEL_LAST_SERIAL = 73_415


def parse_date(value):
    """A real date cell, text dd/mm/yyyy (day first, always), or the serial
    number Excel keeps when a date is typed in a General cell (44378 is
    01/07/2021)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = parse_text(value)
    if text.isdigit() and len(text) <= 5 and 1 <= int(text) <= EXCEL_LAST_SERIAL and not isinstance(value, bool):
        return EXCEL_EPOCH + datetime.timedelta(days=int(text))
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise CellError(_("“%(value)s” is not a date: write it as dd/mm/yyyy, e.g. 01/07/2021.") % {"value": shorten(text)})


def parse_integer(value, minimum=0):
    """A whole number: 1234567, 1234567.0, "1.234.567", "1 234 567", "1.234.567,00"."""
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number.") % {"value": shorten(value)})
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if value != value or abs(value) >= LARGEST:  # NaN, infinities, absurd sizes
            raise CellError(_("“%(value)s” is not a number.") % {"value": shorten(value)})
        if not value.is_integer():
            raise CellError(_("%(value)s is not a whole number.") % {"value": shorten(value)})
        number = int(value)
    else:
        # As typed in the portal's forms: "1.234.567", "1 234 567", "1.234.567,00".
        try:
            number = parse_whole_number(parse_text(value), **VIETNAMESE)
        except NumberError as error:
            raise CellError(str(error)) from None
    if abs(number) >= LARGEST:
        raise CellError(_("“%(value)s” is not a number.") % {"value": shorten(number)})
    if minimum is not None and number < minimum:
        raise CellError(
            _("%(value)s is below the minimum of %(minimum)s.") % {"value": shorten(number), "minimum": minimum}
        )
    return number


def parse_decimal(value, minimum=0):
    """A number that may have decimals, written the Vietnamese way: "64,5",
    "1.234.567", "1.234,5" ("." groups thousands, "," starts decimals), or a
    number cell."""
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, (int, float)):
        exact = Decimal(str(value))
    else:
        # The same reading as the portal's forms (coopportal/lib/numbers.py).
        try:
            exact = parse_number(parse_text(value), **VIETNAMESE)
        except NumberError as error:
            raise CellError(str(error)) from None
    if not exact.is_finite() or exact.adjusted() >= LARGEST_DIGITS:
        raise CellError(_("“%(value)s” is not a number.") % {"value": shorten(value)})
    if minimum is not None and exact < minimum:
        message = _("%(value)s is below the minimum of %(minimum)s.")
        raise CellError(message % {"value": shorten(value), "minimum": minimum})
    return exact


_TRUE = {"co", "x", "yes", "y", "true", "1", "dung"}
_FALSE = {"khong", "no", "n", "false", "0", "sai"}


def parse_bool(value):
    if isinstance(value, bool):
        return value
    key = fold(parse_text(value))
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellError(_("“%(value)s” is not yes or no: write Có or Không.") % {"value": shorten(parse_text(value))})


def choice_parser(choices, labels_vi):
    """Accept a choice by its code, its Vietnamese label or its English label,
    diacritics and case ignored."""
    lookup = {}
    with translation.override("en"):
        for member in choices:
            lookup[fold(member.value)] = member
            lookup[fold(labels_vi[member])] = member
            lookup[fold(str(member.label))] = member

    def parse(value):
        key = fold(parse_text(value))
        if key in lookup:
            return lookup[key]
        allowed = ", ".join(labels_vi[m] for m in choices)
        raise CellError(
            _("“%(value)s” is not one of: %(allowed)s.") % {"value": shorten(parse_text(value)), "allowed": allowed}
        )

    return parse
