from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.collation import vietnamese
from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.search import FoldedSearchQuerySet
from coopportal.lib.text import fold
from registry.models.cooperatives import Sector


def established_in_year(year):
    """A new THT of the year: its cooperation contract dates from the year."""
    return Q(established_on__year=year)


def upgraded_by(day):
    """Grew into an HTX that was registered by ``day``."""
    return Q(status=CooperativeGroup.Status.UPGRADED, upgraded_to__registration_date__lte=day)


def upgraded_in_year(year):
    """Grew into an HTX registered in the year."""
    return Q(status=CooperativeGroup.Status.UPGRADED, upgraded_to__registration_date__year=year)


# Groups keep no dated status history: a group counts from its contract date
# with its current status, except that a group which grew into an HTX counts
# until that HTX was registered. A dissolved group is left out of every year.
def group_existing_on(day):
    """Established by ``day``, neither dissolved nor grown into an HTX by then."""
    return Q(established_on__lte=day) & ~Q(status=CooperativeGroup.Status.DISSOLVED) & ~upgraded_by(day)


def group_operating_on(day):
    """``group_existing_on`` and not suspended."""
    return group_existing_on(day) & ~Q(status=CooperativeGroup.Status.SUSPENDED)


class CooperativeGroupQuerySet(RestrictedQuerySet, FoldedSearchQuerySet):
    def established_in(self, year):
        return self.filter(established_in_year(year))


class CooperativeGroup(models.Model):
    """A cooperative group (tổ hợp tác, THT): a cooperation contract among
    members, notified to the commune, without legal personality."""

    class Status(models.TextChoices):
        OPERATING = "operating", _("Operating")
        SUSPENDED = "suspended", _("Suspended")
        DISSOLVED = "dissolved", _("Dissolved")
        UPGRADED = "upgraded", _("Upgraded to a cooperative")

    name = models.CharField(_("name"), max_length=255)
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, related_name="groups", verbose_name=_("commune")
    )
    established_on = models.DateField(_("established on"), help_text=_("Date of the cooperation contract."))
    representative = models.CharField(_("representative"), max_length=150, blank=True)
    members = models.PositiveIntegerField(_("members"), default=2)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector, default=Sector.AGRICULTURE)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPERATING)
    upgraded_to = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="source_groups",
        verbose_name=_("grew into cooperative"),
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CooperativeGroupQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = [vietnamese("name")]
        verbose_name = _("cooperative group")
        verbose_name_plural = _("cooperative groups")
        indexes = [models.Index(fields=["established_on"], name="group_established_on_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "commune"],
                name="group_unique_name_in_commune",
                violation_error_message=_("A cooperative group with this name is already registered in this commune."),
            ),
            models.CheckConstraint(
                condition=models.Q(members__gte=2),
                name="group_at_least_two_members",
                violation_error_message=_("A cooperative group has at least 2 members."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def clean(self):
        if self.established_on and self.established_on > timezone.localdate():
            raise ValidationError({"established_on": _("This date is in the future.")})
        if self.upgraded_to_id and self.status != self.Status.UPGRADED:
            raise ValidationError({"status": _("A group that grew into a cooperative has the status “Upgraded”.")})
        if self.status == self.Status.UPGRADED and not self.upgraded_to_id:
            raise ValidationError({"upgraded_to": _("Choose the cooperative this group grew into.")})

    def build_search_text(self, commune=None):
        commune = commune or self.commune
        return fold(" ".join(p for p in (self.name, self.representative, commune.name) if p))
