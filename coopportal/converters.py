"""URL converters shared by the apps."""

from coopportal.lib.years import YEAR_VALIDATORS


class YearConverter:
    """A four-digit year within the range the records accept (1990–2100);
    any other number is a 404 rather than a database error."""

    regex = "[0-9]{4}"
    minimum = YEAR_VALIDATORS[0].limit_value
    maximum = YEAR_VALIDATORS[1].limit_value

    def to_python(self, value):
        year = int(value)
        if not self.minimum <= year <= self.maximum:
            raise ValueError(value)
        return year

    def to_url(self, value):
        return f"{int(value):04d}"
