"""The law on reward money as dated data: base salaries, the coefficient
of each title, the collective multiplier, the rounding rule and the cap on
Chiến sĩ thi đua cơ sở. Each row is in force from its date until the next
row's; a decision is valued with the rows in force on the day it is signed.
Seeded by migration 0005 from the sources listed in awards/law.py, marked
"verified" only where a published source was read; shared national data,
changed by a national administrator."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards import law
from coopportal.lib.restricted import RestrictedQuerySet


class InForceQuerySet(RestrictedQuerySet):
    def in_force_on(self, day):
        """The row in force on ``day``, or None."""
        return self.filter(effective_from__lte=day).order_by("-effective_from").first()


class DatedLegalValue(models.Model):
    """A legal value in force from a date, with its source."""

    effective_from = models.DateField(_("in force from"))
    legal_basis = models.CharField(_("legal basis"), max_length=255, help_text=_("Decree and article."))
    verified = models.BooleanField(
        _("checked against a published source"),
        default=False,
        help_text=_("Leave unticked while the figure is not confirmed by the text of the law."),
    )

    objects = InForceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-effective_from"]

    def _from(self):
        return date_format(self.effective_from, "SHORT_DATE_FORMAT") if self.effective_from else ""


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
    verified = models.BooleanField(
        _("checked against a published source"),
        default=False,
        help_text=_("Leave unticked while the figure is not confirmed by the text of the law."),
    )

    objects = InForceQuerySet.as_manager()
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


class TitleCoefficient(DatedLegalValue):
    """A title's reward as a multiple of the base salary, from a date on.
    Without a collective coefficient, a collective receives the
    individual's times the collective multiplier in force."""

    title = models.ForeignKey(
        "awards.Title", on_delete=models.CASCADE, related_name="coefficients", verbose_name=_("title or form")
    )
    coefficient_person = models.DecimalField(
        _("coefficient for an individual"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    coefficient_collective = models.DecimalField(
        _("coefficient for a collective"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Empty: the individual's coefficient times the collective multiplier."),
    )

    history = HistoricalRecords()

    class Meta(DatedLegalValue.Meta):
        ordering = ["title__position", "-effective_from"]
        verbose_name = _("reward coefficient")
        verbose_name_plural = _("reward coefficients")
        constraints = [
            models.UniqueConstraint(
                fields=["title", "effective_from"],
                name="award_coefficient_once_per_date",
                violation_error_message=_("This title already has a coefficient from this date."),
            ),
            models.CheckConstraint(
                condition=models.Q(coefficient_person__isnull=False) | models.Q(coefficient_collective__isnull=False),
                name="award_coefficient_given",
                violation_error_message=_("Give a coefficient for an individual or for a collective."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self._from()})"


class CollectiveMultiplier(DatedLegalValue):
    """How many times the individual's reward a collective receives for the
    same form of commendation (Bằng khen, Giấy khen)."""

    multiplier = models.DecimalField(
        _("multiplier"), max_digits=4, decimal_places=2, validators=[MinValueValidator(Decimal("1"))]
    )

    history = HistoricalRecords()

    class Meta(DatedLegalValue.Meta):
        verbose_name = _("collective multiplier")
        verbose_name_plural = _("collective multipliers")
        constraints = [
            models.UniqueConstraint(
                fields=["effective_from"],
                name="award_multiplier_once_per_date",
                violation_error_message=_("A multiplier already starts on this date."),
            ),
        ]

    def __str__(self):
        return f"× {self.multiplier} ({self._from()})"


class RoundingRule(DatedLegalValue):
    """How the reward money is rounded after the multiplication."""

    Direction = law.Rounding

    step = models.PositiveIntegerField(
        _("rounded to (VND)"), default=10_000, validators=[MinValueValidator(1)], help_text=_("E.g. 10.000.")
    )
    direction = models.CharField(_("direction"), max_length=10, choices=law.Rounding, default=law.Rounding.UP)

    history = HistoricalRecords()

    class Meta(DatedLegalValue.Meta):
        verbose_name = _("rounding rule")
        verbose_name_plural = _("rounding rules")
        constraints = [
            models.UniqueConstraint(
                fields=["effective_from"],
                name="award_rounding_once_per_date",
                violation_error_message=_("A rounding rule already starts on this date."),
            ),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} {self.step:,} ({self._from()})".replace(",", ".")


class FighterShareCap(DatedLegalValue):
    """The most Chiến sĩ thi đua cơ sở a body may confer in a year, as a
    share of its Lao động tiên tiến; empty when the law in force sets none."""

    percent = models.PositiveSmallIntegerField(
        _("at most (% of Lao động tiên tiến)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Empty: the law in force sets no share."),
    )

    history = HistoricalRecords()

    class Meta(DatedLegalValue.Meta):
        verbose_name = _("share of Chiến sĩ thi đua cơ sở")
        verbose_name_plural = _("shares of Chiến sĩ thi đua cơ sở")
        constraints = [
            models.UniqueConstraint(
                fields=["effective_from"],
                name="award_fighter_cap_once_per_date",
                violation_error_message=_("A share already starts on this date."),
            ),
        ]

    def __str__(self):
        share = f"{self.percent}%" if self.percent is not None else "—"
        return f"{share} ({self._from()})"


def coefficient_on(title, day, *, collective):
    """The coefficient of ``title`` in force on ``day`` for an individual or
    a collective, or None when the law in force gives none."""
    row = title.coefficients.in_force_on(day)
    if row is None:
        return None
    if not collective:
        return row.coefficient_person
    if row.coefficient_collective is not None:
        return row.coefficient_collective
    multiplier = CollectiveMultiplier.objects.in_force_on(day)
    if row.coefficient_person is None or multiplier is None:
        return None
    return row.coefficient_person * multiplier.multiplier
