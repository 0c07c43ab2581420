"""Poverty support: the poor households the Alliance helps, and the year
each left poverty."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet
from support.models.common import YEAR_VALIDATORS


class SupportedHouseholdQuerySet(RestrictedQuerySet):
    def left_poverty_in(self, year):
        return self.filter(left_poverty_year=year)


class SupportedHousehold(models.Model):
    """A poor household supported under a programme from a year on."""

    head_name = models.CharField(_("head of household"), max_length=150)
    commune = models.ForeignKey("places.Commune", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune"))
    village = models.CharField(_("village"), max_length=100, blank=True)
    programme = models.CharField(_("programme"), max_length=255)
    support = models.CharField(_("support given"), max_length=255, blank=True)
    supported_year = models.PositiveSmallIntegerField(_("supported from (year)"), validators=YEAR_VALIDATORS)
    left_poverty_year = models.PositiveSmallIntegerField(
        _("left poverty in (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    objects = SupportedHouseholdQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["commune", "village", "head_name"]
        verbose_name = _("supported poor household")
        verbose_name_plural = _("supported poor households")
        constraints = [
            models.CheckConstraint(
                condition=Q(left_poverty_year__isnull=True) | Q(left_poverty_year__gte=models.F("supported_year")),
                name="household_leaves_after_support",
                violation_error_message=_("A household cannot leave poverty before its support began."),
            ),
        ]
        indexes = [models.Index(fields=["left_poverty_year"], name="household_left_year_idx")]

    def __str__(self):
        return f"{self.head_name} ({self.village or self.commune})"

    def clean(self):
        if self.left_poverty_year and self.supported_year and self.left_poverty_year < self.supported_year:
            raise ValidationError(
                {"left_poverty_year": _("A household cannot leave poverty before its support began.")}
            )
