from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet


class TitleKind(models.TextChoices):
    INDIVIDUAL_TITLE = "individual_title", _("Emulation title for individuals")
    COLLECTIVE_TITLE = "collective_title", _("Emulation title for collectives")
    COMMENDATION = "commendation", _("Form of commendation")
    REWARD = "reward", _("Reward money without a title or form")


class AppliesTo(models.TextChoices):
    PERSON = "person", _("Individuals")
    COLLECTIVE = "collective", _("Collectives")
    BOTH = "both", _("Individuals and collectives")


class Title(models.Model):
    """An emulation title, a form of commendation, or a plain reward. Its
    reward coefficients are dated (TitleCoefficient, see awards/law.py);
    the titles are seeded by a migration and edited by an administrator."""

    Kind = TitleKind
    AppliesTo = AppliesTo

    code = models.SlugField(
        _("code"), max_length=40, unique=True, help_text=_("A stable code the rules refer to, e.g. “ldtt”.")
    )
    name = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=TitleKind)
    applies_to = models.CharField(_("awarded to"), max_length=12, choices=AppliesTo)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    reminder = models.TextField(
        _("conditions to check by hand"),
        blank=True,
        help_text=_("What the law requires that the records cannot show; listed with the awards of this title."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("title or form of commendation")
        verbose_name_plural = _("titles and forms of commendation")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def is_title(self):
        """An emulation title: one per recipient and year."""
        return self.kind in (self.Kind.INDIVIDUAL_TITLE, self.Kind.COLLECTIVE_TITLE)

    @property
    def is_commendation(self):
        return self.kind == self.Kind.COMMENDATION

    def awards_people(self):
        return self.applies_to in (self.AppliesTo.PERSON, self.AppliesTo.BOTH)

    def awards_collectives(self):
        return self.applies_to in (self.AppliesTo.COLLECTIVE, self.AppliesTo.BOTH)

    def clean(self):
        if self.kind == self.Kind.INDIVIDUAL_TITLE and self.applies_to != self.AppliesTo.PERSON:
            raise ValidationError({"applies_to": _("An emulation title for individuals is awarded to individuals.")})
        if self.kind == self.Kind.COLLECTIVE_TITLE and self.applies_to != self.AppliesTo.COLLECTIVE:
            raise ValidationError({"applies_to": _("An emulation title for collectives is awarded to collectives.")})
