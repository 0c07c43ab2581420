from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.collation import vietnamese
from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.years import YEAR_VALIDATORS


class Classification(models.TextChoices):
    """Yearly rating of a cooperative (Circular 01/2020/TT-BKHĐT: Tốt ≥ 80
    points, Khá 65–<80, Trung bình 50–<65, Yếu < 50)."""

    GOOD = "tot", _("Good (Tốt)")
    FAIR = "kha", _("Fairly good (Khá)")
    AVERAGE = "trung_binh", _("Average (Trung bình)")
    WEAK = "yeu", _("Weak (Yếu)")
    NOT_RATED = "not_rated", _("Not rated")

    @classmethod
    def good_or_fair(cls):
        return [cls.GOOD, cls.FAIR]


def report_of_year(year):
    """A yearly report (of a cooperative or of a group) for the year."""
    return Q(year=year)


def rated():
    """A cooperative report with a classification (Tốt, Khá, Trung bình or Yếu)."""
    return ~Q(classification=Classification.NOT_RATED)


def rated_good_or_fair():
    return Q(classification__in=Classification.good_or_fair())


def income_reported():
    """An average income was reported: 0 means "not reported", not a zero income."""
    return Q(avg_income__gt=0)


def revenue_reported():
    """A revenue was reported: 0 means "not reported"."""
    return Q(revenue__gt=0)


class CooperativeReportQuerySet(RestrictedQuerySet):
    def for_year(self, year):
        return self.filter(report_of_year(year))

    def good_or_fair(self):
        return self.filter(rated_good_or_fair())


class CooperativeReport(models.Model):
    """What a cooperative reported for one year: people, money, rating, managers."""

    cooperative = models.ForeignKey(
        "registry.Cooperative", on_delete=models.PROTECT, related_name="reports", verbose_name=_("cooperative")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    members = models.PositiveIntegerField(_("members"), default=0)
    regular_workers = models.PositiveIntegerField(_("regular workers"), default=0)
    revenue = models.BigIntegerField(_("revenue (VND)"), default=0, validators=[MinValueValidator(0)])
    profit = models.BigIntegerField(_("profit (VND)"), default=0)
    avg_income = models.BigIntegerField(
        _("average income (VND/person/year)"), default=0, validators=[MinValueValidator(0)]
    )
    classification = models.CharField(
        _("classification"), max_length=12, choices=Classification, default=Classification.NOT_RATED
    )
    managers_total = models.PositiveIntegerField(_("managers"), default=0)
    managers_degree = models.PositiveIntegerField(_("managers with a college or university degree"), default=0)
    managers_trained = models.PositiveIntegerField(_("managers trained"), default=0)

    objects = CooperativeReportQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "cooperative"]
        verbose_name = _("cooperative yearly report")
        verbose_name_plural = _("cooperative yearly reports")
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "year"],
                name="coop_report_one_per_year",
                violation_error_message=_("This cooperative already has a report for this year."),
            ),
            models.CheckConstraint(
                condition=models.Q(managers_degree__lte=models.F("managers_total")),
                name="coop_report_degree_within_managers",
                violation_error_message=_("Managers with a degree cannot outnumber the managers."),
            ),
            models.CheckConstraint(
                condition=models.Q(managers_trained__lte=models.F("managers_total")),
                name="coop_report_trained_within_managers",
                violation_error_message=_("Trained managers cannot outnumber the managers."),
            ),
        ]
        indexes = [models.Index(fields=["year", "classification"], name="coop_report_year_class_idx")]

    def __str__(self):
        return f"{self.cooperative} – {self.year}"


class GroupReport(models.Model):
    """What a cooperative group reported for one year."""

    group = models.ForeignKey(
        "registry.CooperativeGroup", on_delete=models.PROTECT, related_name="reports", verbose_name=_("group")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    members = models.PositiveIntegerField(_("members"), default=0)
    avg_income = models.BigIntegerField(
        _("average income (VND/person/year)"), default=0, validators=[MinValueValidator(0)]
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "group"]
        indexes = [models.Index(fields=["year"], name="group_report_year_idx")]
        verbose_name = _("group yearly report")
        verbose_name_plural = _("group yearly reports")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "year"],
                name="group_report_one_per_year",
                violation_error_message=_("This group already has a report for this year."),
            ),
        ]

    def __str__(self):
        return f"{self.group} – {self.year}"


def certified_in_year(year):
    return Q(certified_on__year=year)


def alliance_supported():
    """Certified with the Alliance's advice or support."""
    return Q(alliance_supported=True)


class OcopProductQuerySet(RestrictedQuerySet):
    def certified_in(self, year):
        return self.filter(certified_in_year(year))

    def supported(self):
        return self.filter(alliance_supported())


class OcopProduct(models.Model):
    """A product certified under the One Commune One Product programme."""

    name = models.CharField(_("name"), max_length=255)
    cooperative = models.ForeignKey(
        "registry.Cooperative", on_delete=models.PROTECT, related_name="ocop_products", verbose_name=_("cooperative")
    )
    stars = models.PositiveSmallIntegerField(
        _("stars"), validators=[MinValueValidator(3), MaxValueValidator(5)], help_text=_("3 to 5 stars.")
    )
    certified_on = models.DateField(_("certified on"))
    alliance_supported = models.BooleanField(_("supported by the Alliance"), default=False)

    objects = OcopProductQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-certified_on", vietnamese("name")]
        verbose_name = _("OCOP product")
        verbose_name_plural = _("OCOP products")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stars__gte=3, stars__lte=5),
                name="ocop_stars_3_to_5",
                violation_error_message=_("An OCOP product has 3, 4 or 5 stars."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.stars}★)"
