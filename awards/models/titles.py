from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.querysets import RestrictedQuerySet


class TitleKind(models.TextChoices):
    INDIVIDUAL_TITLE = "individual_title", _("Emulation title for individuals")
    COLLECTIVE_TITLE = "collective_title", _("Emulation title for collectives")
    COMMENDATION = "commendation", _("Form of commendation")


class AppliesTo(models.TextChoices):
    PERSON = "person", _("Individuals")
    COLLECTIVE = "collective", _("Collectives")
    BOTH = "both", _("Individuals and collectives")


class Title(models.Model):
    """An emulation title or a form of commendation, with its reward
    coefficients (x base salary). Data, seeded by a migration and edited by
    an administrator when the law changes; see awards/law.py."""

    Kind = TitleKind
    AppliesTo = AppliesTo

    code = models.SlugField(
        _("code"), max_length=40, unique=True, help_text=_("A stable code the rules refer to, e.g. “ldtt”.")
    )
    name = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=TitleKind)
    applies_to = models.CharField(_("awarded to"), max_length=12, choices=AppliesTo)
    coefficient_person = models.DecimalField(
        _("coefficient for an individual"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Reward as a multiple of the base salary."),
    )
    coefficient_collective = models.DecimalField(
        _("coefficient for a collective"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Reward as a multiple of the base salary."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("title or form of commendation")
        verbose_name_plural = _("titles and forms of commendation")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(applies_to=AppliesTo.COLLECTIVE) | models.Q(coefficient_person__isnull=False),
                name="award_title_person_coefficient",
                violation_error_message=_("A title awarded to individuals needs a coefficient for an individual."),
            ),
            models.CheckConstraint(
                condition=models.Q(applies_to=AppliesTo.PERSON) | models.Q(coefficient_collective__isnull=False),
                name="award_title_collective_coefficient",
                violation_error_message=_("A title awarded to collectives needs a coefficient for a collective."),
            ),
        ]

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
        return self.kind != self.Kind.COMMENDATION

    def awards_people(self):
        return self.applies_to in (self.AppliesTo.PERSON, self.AppliesTo.BOTH)

    def awards_collectives(self):
        return self.applies_to in (self.AppliesTo.COLLECTIVE, self.AppliesTo.BOTH)

    def coefficient_for(self, *, collective):
        return self.coefficient_collective if collective else self.coefficient_person

    def clean(self):
        if self.kind == self.Kind.INDIVIDUAL_TITLE and self.applies_to != self.AppliesTo.PERSON:
            raise ValidationError({"applies_to": _("An emulation title for individuals is awarded to individuals.")})
        if self.kind == self.Kind.COLLECTIVE_TITLE and self.applies_to != self.AppliesTo.COLLECTIVE:
            raise ValidationError({"applies_to": _("An emulation title for collectives is awarded to collectives.")})


class BaseSalaryQuerySet(RestrictedQuerySet):
    def in_force_on(self, day):
        """The base salary in force on ``day``, or None."""
        return self.filter(effective_from__lte=day).order_by("-effective_from").first()


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date on; reward money is
    computed on the one in force when the decision is signed."""

    effective_from = models.DateField(
        _("in force from"),
        unique=True,
        error_messages={"unique": _("A base salary already starts on this date.")},
    )
    amount = models.PositiveIntegerField(_("amount (VND/month)"), validators=[MinValueValidator(1)])
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)

    objects = BaseSalaryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="award_base_salary_positive",
                violation_error_message=_("The base salary must be more than zero."),
            ),
        ]

    def __str__(self):
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})".replace(",", ".")
