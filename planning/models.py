"""The plan: indicators, their yearly targets, and actuals typed in with
evidence where the registry cannot compute them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.restricted import RestrictedQuerySet
from places.admin_units import legacy_province_name
from planning.measures import MEASURES
from planning.units import Unit
from registry.models.reports import YEAR_VALIDATORS


def former_province_field():
    """The province as it was before 1 July 2025 that a plan figure was set for."""
    return models.CharField(
        _("former province"),
        max_length=2,
        blank=True,
        help_text=_(
            "For a plan set before 1 July 2025: the code of the province as it was then "
            "(e.g. 15 for the former Yên Bái). Its figures are computed over the communes that came from it."
        ),
    )


def clean_plan_area(figure):
    """The checks Target and ManualActual share on where a figure belongs."""
    errors = {}
    if figure.commune_id and figure.commune.province_id != figure.province_id:
        errors["commune"] = _("The commune is not in the chosen province.")
    if figure.former_province:
        if figure.commune_id:
            errors["former_province"] = _("A commune's figure belongs to today's commune, not to a former province.")
        elif not figure.province_id:
            errors["former_province"] = _("Choose today's province the former province is now part of.")
        elif legacy_province_name(figure.former_province) is None:
            errors["former_province"] = _("No province before 1 July 2025 had this code.")
    if errors:
        raise ValidationError(errors)


def measure_choices():
    """The measures an indicator may be computed from: planning's own and
    those other apps registered at start-up. A callable, so migrations do
    not freeze the list."""
    return [(code, measure.label) for code, measure in MEASURES.items()]


class Indicator(models.Model):
    """A plan indicator ("new HTX established", "share rated Khá or better")."""

    Unit = Unit

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", _("at least")
        MORE_THAN = "gt", _("more than")
        AT_MOST = "lte", _("at most")

    class Group(models.TextChoices):
        HTX = "htx", _("HTX development")
        THT = "tht", _("Cooperative groups")
        QUALITY = "quality", _("Quality")
        INCOME = "income", _("Income and jobs")
        SOCIAL = "social", _("Social")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit, default=Unit.COUNT)
    comparison = models.CharField(_("comparison"), max_length=3, choices=Comparison, default=Comparison.AT_LEAST)
    group = models.CharField(_("group"), max_length=10, choices=Group, default=Group.HTX)
    measure = models.CharField(
        _("computed from"),
        max_length=40,
        blank=True,
        choices=measure_choices,
        help_text=_("A registry measure; leave empty for an indicator entered by hand with evidence."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def is_computed(self):
        return bool(self.measure)

    @property
    def computed_by(self):
        """The registry measure behind the figure, or None (typed in)."""
        return MEASURES.get(self.measure)

    @property
    def unit_choice(self):
        return self.Unit(self.unit) if self.unit in self.Unit.values else self.Unit.COUNT

    @property
    def group_order(self):
        return list(self.Group.values).index(self.group)


class AreaFigure(models.Model):
    """What a target and a manual actual share: a figure of a year for the
    whole country (no province), a province, or one commune of it."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("Leave empty for a national figure."),
    )
    former_province = former_province_field()
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
        help_text=_("Leave empty for the whole province."),
    )

    class Meta:
        abstract = True

    def clean(self):
        clean_plan_area(self)


class Target(AreaFigure):
    """The value an indicator should reach in a year (national, province-wide, or for one commune)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("target"), max_digits=16, decimal_places=2)
    source_document = models.CharField(
        _("decided by"), max_length=255, blank=True, help_text=_("The decision or plan the target comes from.")
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "indicator"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "province", "former_province"],
                condition=models.Q(commune__isnull=True, province__isnull=False),
                name="target_one_per_year_and_area",
                violation_error_message=_("This indicator already has a target for this year."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=models.Q(commune__isnull=True, province__isnull=True),
                name="target_one_national_per_year",
                violation_error_message=_("This indicator already has a target for this year."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "commune"],
                condition=models.Q(commune__isnull=False),
                name="target_one_per_year_commune",
                violation_error_message=_("This indicator already has a target for this year and commune."),
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0),
                name="target_not_negative",
                violation_error_message=_("A target cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"


class ManualActual(AreaFigure):
    """An actual typed in with evidence, for an indicator the registry cannot
    compute. Several dated entries may exist; the latest counts."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="manual_actuals", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    as_of = models.DateField(_("as of"))
    note = models.TextField(_("note and evidence"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "indicator", "-as_of", "-id"]
        verbose_name = _("manual actual")
        verbose_name_plural = _("manual actuals")
        get_latest_by = ["as_of", "id"]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value} ({self.as_of:%d/%m/%Y})"

    def clean(self):
        super().clean()
        if self.indicator_id and self.indicator.is_computed:
            raise ValidationError(
                {"indicator": _("This indicator is computed from the registry; its actual cannot be typed in.")}
            )
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": _("A value cannot be negative.")})


class FigureSummary(models.Model):
    """What one part of one measure counts for one year in one commune: its
    records and the total it adds up (planning.summary). Every part is a
    count or a sum, so an area's figure is the sum of its communes' rows.
    A row with a province and no commune holds the sums of the province's
    communes; a row with neither says that the part and year were computed
    for every commune (a commune without records has no row)."""

    part = models.CharField(_("measure part"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    # The commune's province when the row was computed, so that a province's
    # figures read its rows without a join (a commune moving province is a
    # write that marks it: its rows are rewritten).
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    records = models.BigIntegerField(_("records counted"), default=0)
    total = models.DecimalField(_("total"), max_digits=32, decimal_places=6, null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["part", "year", "commune"]
        verbose_name = _("figure summary row")
        verbose_name_plural = _("figure summary rows")
        indexes = [
            models.Index(fields=["year", "part"], name="figure_summary_year_part_idx"),
            models.Index(fields=["province", "year"], name="figure_summary_province_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["part", "year", "commune"],
                name="figure_summary_one_per_commune",
                violation_error_message=_("A measure part has one summary row per year and commune."),
            ),
            models.UniqueConstraint(
                fields=["part", "year", "province"],
                condition=models.Q(commune__isnull=True),
                name="figure_summary_one_per_province",
                violation_error_message=_("A measure part has one summary row per year and province."),
            ),
        ]

    def __str__(self):
        return f"{self.part} {self.year} {self.commune_id or '*'}: {self.records}"
