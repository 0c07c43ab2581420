"""The years a record may carry (1990–2100): one range for reports, plans,
awards and the ``<year:...>`` URL converter."""

from django.core.validators import MaxValueValidator, MinValueValidator

YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]
