"""Trade promotion: fairs, supply–demand connection programmes and
e-commerce training, with the HTX and THT that took part."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet
from places.models import owning_province_field
from support.models.common import MoneyField, OrganisationLink


class EventKind(models.TextChoices):
    FAIR = "fair", _("Trade fair")
    SUPPLY_DEMAND = "supply_demand", _("Supply–demand connection programme")
    ECOMMERCE = "ecommerce", _("E-commerce training")
    OTHER = "other", _("Other trade promotion")


class TradeEvent(models.Model):
    """A trade promotion event the Alliance organised or brought members to."""

    province = owning_province_field()
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=14, choices=EventKind)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=255)
    organiser = models.CharField(_("organiser"), max_length=255)
    officer = models.CharField(_("Alliance officer in charge"), max_length=150, blank=True)

    history = HistoricalRecords()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("trade promotion event")
        verbose_name_plural = _("trade promotion events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="trade_event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("An event cannot end before it starts.")})


class TradeParticipation(OrganisationLink):
    """An HTX or THT at an event: the products shown, the contracts signed."""

    event = models.ForeignKey(
        TradeEvent, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event")
    )
    products = models.CharField(_("products"), max_length=255, blank=True)
    contracts_signed = models.PositiveIntegerField(_("contracts signed"), default=0)
    contracts_value = MoneyField(_("value of the contracts (VND)"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "id"]
        verbose_name = _("participation in an event")
        verbose_name_plural = _("participations in events")
        constraints = [
            *OrganisationLink.Meta.constraints,
            models.CheckConstraint(
                condition=Q(contracts_value=0) | Q(contracts_signed__gt=0),
                name="trade_value_needs_contracts",
                violation_error_message=_("A contract value needs at least one contract signed."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} · {self.event}"

    def clean(self):
        super().clean()
        if self.contracts_value and not self.contracts_signed:
            raise ValidationError({"contracts_signed": _("A contract value needs at least one contract signed.")})
