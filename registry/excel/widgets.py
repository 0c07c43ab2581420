"""django-import-export widgets for the cells Vietnamese offices type:
numbers as "1.234.567", dates as dd/mm/yyyy or Excel serials, choices by
their Vietnamese label, yes/no as Có/Không, communes by code, name or
pre-2025 address within the importing user's area.

Each widget reads through the parsers of ``registry.excel.values`` (one
definition of how a cell is read) and raises ``ValueError`` with a message
for a person, as the library expects. ``render`` gives what the export
writes: typed values (numbers, dates) and Vietnamese labels."""

from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from coopportal.lib.scope import EVERYWHERE
from registry.excel.values import (
    CellError,
    choice_parser,
    is_blank,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_integer,
    parse_text,
    shorten,
)


def vietnamese_labels(choices):
    with translation.override("vi"):
        return {member: str(member.label) for member in choices}


class CellWidget(widgets.Widget):
    """A cell read by one parser; blank is None. Renders the value itself,
    typed, for a typed export."""

    def __init__(self, parser=parse_text):
        super().__init__(coerce_to_string=False)
        self.parser = parser

    def clean(self, value, row=None, **kwargs):
        if is_blank(value):
            return None
        return self.parser(value)  # CellError is a ValueError

    def render(self, value, obj=None, **kwargs):
        return value


class TextWidget(CellWidget):
    """Text with its spaces tidied; blank is ""."""

    def clean(self, value, row=None, **kwargs):
        return parse_text(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class IntegerWidget(CellWidget):
    """1234567, 1234567.0, "1.234.567", "1 234 567", "1.234.567,00"."""

    def __init__(self, minimum=0):
        super().__init__(lambda value: parse_integer(value, minimum=minimum))


class DecimalWidget(CellWidget):
    """ "64,5", "1.234,5", 64.5: a Decimal."""

    def __init__(self, minimum=0):
        super().__init__(lambda value: parse_decimal(value, minimum=minimum))


class DateWidget(CellWidget):
    """A date cell, dd/mm/yyyy text or an Excel serial number."""

    def __init__(self):
        super().__init__(parse_date)


class YesNoWidget(CellWidget):
    """Có/Không (x, yes, 1… accepted); written as Có or Không."""

    def __init__(self):
        super().__init__(parse_bool)

    def render(self, value, obj=None, **kwargs):
        return "Có" if value else "Không"


class ChoiceWidget(CellWidget):
    """A choice by its code, its Vietnamese or its English label, diacritics
    and case ignored; written as its Vietnamese label."""

    def __init__(self, choices):
        self.choices = choices
        self.labels = vietnamese_labels(choices)
        super().__init__(choice_parser(choices, self.labels))

    def render(self, value, obj=None, **kwargs):
        return self.labels[self.choices(value)] if value else ""


class CommuneWidget(widgets.Widget):
    """Today's commune for a code cell, or, when it is blank, for the name
    cell of the same row (a name, or a pre-2025 address), within the
    importing user's area: the resource passes ``scope`` in its kwargs
    (everywhere for the command line). Communes are loaded once per scope."""

    def __init__(self, name_columns=()):
        super().__init__(coerce_to_string=False)
        self.name_columns = name_columns
        self._resolvers = {}

    def resolver(self, scope):
        from registry.excel.communes import CommuneResolver

        key = id(scope)
        if key not in self._resolvers:
            self._resolvers[key] = (scope, CommuneResolver(scope))
        return self._resolvers[key][1]

    def clean(self, value, row=None, scope=EVERYWHERE, **kwargs):
        name = None
        for column in self.name_columns:
            if row is not None and not is_blank(row.get(column)):
                name = row.get(column)
                break
        return self.resolver(scope).resolve(value, name)

    def render(self, value, obj=None, **kwargs):
        return value.code if value is not None else ""


__all__ = [
    "CellError",
    "CellWidget",
    "ChoiceWidget",
    "CommuneWidget",
    "DateWidget",
    "DecimalWidget",
    "IntegerWidget",
    "RecordWidget",
    "TextWidget",
    "YesNoWidget",
    "vietnamese_labels",
]


class RecordWidget(widgets.ForeignKeyWidget):
    """A record by a key column (a cooperative by its registration code, an
    indicator by its code), within the importing user's area when
    ``in_area(record, scope)`` says so: elsewhere, the record does not exist
    for this user."""

    def __init__(self, model, field, in_area=None, **kwargs):
        super().__init__(model, field=field, **kwargs)
        self.in_area = in_area

    def clean(self, value, row=None, scope=EVERYWHERE, **kwargs):
        if is_blank(value):
            return None
        key = parse_text(value)
        record = self.get_queryset(value, row, **kwargs).filter(**{self.field: key}).first()
        if record is None or (self.in_area is not None and not self.in_area(record, scope)):
            raise CellError(
                _("No %(thing)s has the code %(code)s in your area.")
                % {"thing": self.model._meta.verbose_name, "code": shorten(key)}
            )
        return record
