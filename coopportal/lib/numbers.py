"""Numbers as people type them, in one parser for the forms and the importer.

Vietnamese writes "1.234.567,5" (the portal shows amounts that way), English
"1,234,567.5". Grouping is optional ("500000000" is fine), spaces may group
too ("500 000 000"), but where there is grouping it must be regular: one to
three digits, then groups of three. Nothing is guessed:

- "12.34" in Vietnamese is neither a grouped number nor a decimal: refused.
- "500,000" in Vietnamese reads as 500 with three decimals, and as five
  hundred thousand to anyone used to English: a whole part of one to three
  digits with exactly three decimals and no grouping is refused as
  ambiguous (likewise "1.500" in English).

The caller gives the separators (the form fields take the active language's,
the importer Vietnamese); errors carry a translatable message and its values.
"""

import re
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# Longer text is no amount anyone typed; quoting it back is bounded too.
MAX_LENGTH = 40
VIETNAMESE = {"decimal": ",", "group": "."}
_SPACES = ("\u00a0", "\u202f", " ")


class NumberError(ValueError):
    """Text that is not a number as written in the given language."""

    def __init__(self, code, message, params):
        super().__init__(message % params)
        self.code = code
        self.message = message
        self.params = params


def _quoted(text):
    return text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH] + "…"


def _pattern(decimal, group):
    d, g = re.escape(decimal), re.escape(group)
    return re.compile(rf"(?P<sign>-?)(?P<whole>[0-9]+|[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+)(?:{d}(?P<fraction>[0-9]+))?")


def parse_number(text, *, decimal, group):
    """The exact Decimal that ``text`` writes, with ``decimal`` as the decimal
    separator and ``group`` grouping thousands; NumberError otherwise."""
    raw = str(text).strip()
    compact = raw
    for space in _SPACES:
        compact = compact.replace(space, group)
    match = _pattern(decimal, group).fullmatch(compact) if len(compact) <= MAX_LENGTH else None
    if match is None:
        example = f"1{group}234{group}567{decimal}5"
        raise NumberError(
            "invalid",
            _(
                "“%(value)s” is not a number as written here: group thousands with “%(group)s” "
                "and write decimals after “%(decimal)s”, e.g. %(example)s."
            ),
            {"value": _quoted(raw), "group": group, "decimal": decimal, "example": example},
        )
    whole, fraction = match["whole"], match["fraction"]
    if fraction is not None and len(fraction) == 3 and re.fullmatch(r"[1-9][0-9]{0,2}", whole):
        short = fraction.rstrip("0")
        raise NumberError(
            "ambiguous",
            _("“%(value)s” is ambiguous: write %(grouped)s for the whole number, or %(decimal)s."),
            {
                "value": raw,
                "grouped": f"{match['sign']}{whole}{group}{fraction}",
                "decimal": f"{match['sign']}{whole}{decimal}{short}" if short else f"{match['sign']}{whole}",
            },
        )
    digits = whole.replace(group, "")
    return Decimal(f"{match['sign']}{digits}.{fraction}" if fraction else f"{match['sign']}{digits}")


def parse_whole_number(text, *, decimal, group):
    """An int written as ``parse_number`` reads it; "1.234,00" is 1234, "1,5" an error."""
    number = parse_number(text, decimal=decimal, group=group)
    if number != number.to_integral_value():
        raise NumberError("not_whole", _("%(value)s is not a whole number."), {"value": str(text).strip()})
    return int(number)
