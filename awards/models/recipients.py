import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.collation import vietnamese
from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.search import FoldedSearchQuerySet
from coopportal.lib.text import fold
from places.models import owning_province_field


def _tidy(text):
    """NFC, single spaces: "Nguyễn  Đức Lâm " -> "Nguyễn Đức Lâm"."""
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


class RecipientQuerySet(RestrictedQuerySet, FoldedSearchQuerySet):
    """People and collectives: searched ignoring diacritics, restricted to a scope."""


class Person(models.Model):
    """An individual honoured by a decision: only what the award list
    prints (name, job title, unit), no other personal data. The record is
    the person's identity across years, so that the rules can follow them."""

    full_name = models.CharField(_("full name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    unit = models.CharField(
        _("work unit"), max_length=200, blank=True, help_text=_("The unit or organisation the person works in.")
    )
    province = owning_province_field()
    search_text = models.TextField(editable=False, default="")

    objects = RecipientQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = [vietnamese("full_name"), vietnamese("unit")]
        verbose_name = _("individual")
        verbose_name_plural = _("individuals")
        constraints = [
            models.UniqueConstraint(
                fields=["full_name", "unit"],
                name="award_person_unique_name_in_unit",
                violation_error_message=_(
                    "A person of this name is already recorded in this unit: choose that record."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.unit})" if self.unit else self.full_name

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(p for p in (self.full_name, self.job_title, self.unit) if p))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:person", args=[self.pk])

    def clean(self):
        self.full_name, self.job_title, self.unit = _tidy(self.full_name), _tidy(self.job_title), _tidy(self.unit)

    @property
    def name(self):
        return self.full_name


class CollectiveKind(models.TextChoices):
    ALLIANCE_UNIT = "alliance_unit", _("Unit of the Alliance")
    COOPERATIVE = "cooperative", _("Cooperative from the registry")


class Collective(models.Model):
    """A collective honoured by a decision: a unit of the Alliance, or a
    cooperative of the registry."""

    Kind = CollectiveKind

    kind = models.CharField(_("kind"), max_length=15, choices=CollectiveKind, default=CollectiveKind.ALLIANCE_UNIT)
    name = models.CharField(
        _("name"), max_length=255, blank=True, help_text=_("Left empty for a cooperative: its registered name is used.")
    )
    cooperative = models.OneToOneField(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award_collective",
        verbose_name=_("cooperative"),
    )
    province = owning_province_field()
    search_text = models.TextField(editable=False, default="")

    objects = RecipientQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = [vietnamese("name")]
        verbose_name = _("collective")
        verbose_name_plural = _("collectives")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind=CollectiveKind.COOPERATIVE, cooperative__isnull=False)
                | models.Q(kind=CollectiveKind.ALLIANCE_UNIT, cooperative__isnull=True),
                name="award_collective_cooperative_iff_kind",
                violation_error_message=_(
                    "A collective of the kind “Cooperative” is a cooperative of the registry; "
                    "a unit of the Alliance is not."
                ),
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(kind=CollectiveKind.ALLIANCE_UNIT),
                name="award_collective_unique_unit_name",
                violation_error_message=_("A unit of this name is already recorded."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.cooperative_id:
            self.name = self.name or self.cooperative.name
            # A cooperative is honoured by the Alliance of its own province.
            self.province_id = self.cooperative.commune.province_id
        self.search_text = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:collective", args=[self.pk])

    def clean(self):
        self.name = _tidy(self.name)
        if self.kind == self.Kind.COOPERATIVE and not self.cooperative_id:
            raise ValidationError({"cooperative": _("Choose the cooperative.")})
        if self.kind == self.Kind.ALLIANCE_UNIT:
            if self.cooperative_id:
                raise ValidationError(
                    {"cooperative": _("A unit of the Alliance is not a cooperative of the registry.")}
                )
            if not self.name:
                raise ValidationError({"name": _("Give the unit's name.")})
        if self.cooperative_id and not self.name:
            self.name = self.cooperative.name
