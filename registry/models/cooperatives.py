import datetime
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, In
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopportal.lib.collation import vietnamese
from coopportal.lib.history import copy_rows
from coopportal.lib.loaded import RemembersLoadedValues
from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.search import FoldedSearchQuerySet
from coopportal.lib.text import fold
from registry.validators import validate_registration_code


class Sector(models.TextChoices):
    AGRICULTURE = "agriculture", _("Agriculture, forestry, fishery")
    INDUSTRY = "industry", _("Industry and crafts")
    TRADE = "trade", _("Trade and services")
    TRANSPORT = "transport", _("Transport")
    CONSTRUCTION = "construction", _("Construction")
    CREDIT = "credit", _("Credit (people's credit fund)")
    OTHER = "other", _("Other")


# The rules that decide what counts, as Q objects so that the plan's
# measures (conditional aggregates), the drill-downs and the querysets below
# share one definition. ``via`` is the path from another model ("cooperative__").


def of_kind(kind, via=""):
    """HTX proper (Kind.COOPERATIVE) or unions (Kind.UNION)."""
    return Q(**{f"{via}kind": kind})


def registered_in_year(year, via=""):
    """A new HTX or union of the year: registered (first registration) in it."""
    return Q(**{f"{via}registration_date__year": year})


def converted_in_year(year, via=""):
    """Converted to a new-type HTX in the year."""
    return Q(**{f"{via}converted_on__year": year})


def status_on(day, via=""):
    """The status a cooperative had on ``day``: its current status when that
    dates from ``day`` or before (``status_since``), else its latest dated
    status change on or before that day (the current status for a record
    with no dated history before it). Only records changed after ``day``
    read their history."""
    latest = (
        CooperativeStatusChange.objects.filter(cooperative=OuterRef(f"{via}pk"), changed_on__lte=day)
        .order_by("-changed_on", "-id")
        .values("status")[:1]
    )
    return Case(
        When(Q(**{f"{via}status_since__lte": day}), then=F(f"{via}status")),
        default=Coalesce(Subquery(latest), F(f"{via}status")),
    )


def operating_on(day, via=""):
    """Registered by ``day`` and operating on it (not suspended, dissolving or ended)."""
    return Q(**{f"{via}registration_date__lte": day}) & Q(Exact(status_on(day, via), Cooperative.Status.OPERATING))


def existing_on(day, via=""):
    """Registered by ``day`` and not ended on it (suspended ones still exist)."""
    return Q(**{f"{via}registration_date__lte": day}) & ~Q(In(status_on(day, via), Cooperative.ENDED))


def ended_in_year(year, via=""):
    """Dissolved, certificate revoked or bankrupt in the year (dated status history)."""
    changes = CooperativeStatusChange.objects.filter(
        cooperative=OuterRef(f"{via}pk"), changed_on__year=year, status__in=Cooperative.ENDED
    )
    return Q(Exists(changes))


class CooperativeQuerySet(RestrictedQuerySet, FoldedSearchQuerySet):
    def cooperatives(self):
        """HTX proper, without unions of cooperatives."""
        return self.filter(of_kind(Cooperative.Kind.COOPERATIVE))

    def registered_in(self, year):
        return self.filter(registered_in_year(year))

    def converted_in(self, year):
        return self.filter(converted_in_year(year))

    def operating_on(self, day):
        return self.filter(operating_on(day))


class Cooperative(RemembersLoadedValues, models.Model):
    """A cooperative (HTX) or a union of cooperatives, as registered."""

    class Kind(models.TextChoices):
        COOPERATIVE = "htx", _("Cooperative")
        UNION = "union", _("Union of cooperatives")

    class Status(models.TextChoices):
        OPERATING = "operating", _("Operating")
        SUSPENDED = "suspended", _("Suspended")
        DISSOLVING = "dissolving", _("Dissolving")
        DISSOLVED = "dissolved", _("Dissolved")
        REVOKED = "revoked", _("Certificate revoked")
        BANKRUPT = "bankrupt", _("Bankrupt")

    # Law on Cooperatives 2023 (17/2023/QH15), in force from 01/07/2024, Art. 4(7):
    # a cooperative is founded by at least 5 official members.
    LAW_2023_IN_FORCE = datetime.date(2024, 7, 1)
    LAW_2023_MIN_FOUNDERS = 5
    # Statuses after which a cooperative no longer exists.
    ENDED = [Status.DISSOLVED, Status.REVOKED, Status.BANKRUPT]

    # The Law on Cooperatives requires the name to begin with the type.
    NAME_PREFIXES = {
        Kind.COOPERATIVE: "Hợp tác xã",
        Kind.UNION: "Liên hiệp hợp tác xã",
    }

    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.COOPERATIVE)
    registration_code = models.CharField(
        _("registration code"),
        max_length=10,
        unique=True,
        validators=[validate_registration_code],
        help_text=_("The 10-digit code on the registration certificate (also the tax code)."),
        error_messages={"unique": _("A cooperative with this registration code is already registered.")},
    )
    name = models.CharField(_("name"), max_length=255)
    abbreviation = models.CharField(_("abbreviation"), max_length=100, blank=True)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector, default=Sector.AGRICULTURE)
    commune = models.ForeignKey(
        "places.Commune", on_delete=models.PROTECT, related_name="cooperatives", verbose_name=_("commune")
    )
    address = models.CharField(_("street address"), max_length=255, blank=True)
    registration_date = models.DateField(_("registration date"))
    charter_capital = models.BigIntegerField(
        _("charter capital (VND)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    representative = models.CharField(_("legal representative"), max_length=150, blank=True)
    representative_phone = models.CharField(_("representative's phone"), max_length=20, blank=True)
    founding_members = models.PositiveIntegerField(_("founding members"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPERATING)
    status_since = models.DateField(_("status since"), null=True, blank=True)
    converted_on = models.DateField(
        _("became new-type HTX on"),
        null=True,
        blank=True,
        help_text=_("Date the cooperative was converted to a new-type HTX, if it was."),
    )
    under_law = models.BooleanField(
        _("organised under the Law on Cooperatives"),
        default=True,
        help_text=_("Organised and operating as the Law on Cooperatives requires."),
    )
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CooperativeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = [vietnamese("name")]
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")
        indexes = [
            models.Index(fields=["registration_date"], name="coop_registration_date_idx"),
            models.Index(fields=["converted_on"], name="coop_converted_on_idx"),
            models.Index(fields=["commune", "status"], name="coop_commune_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(converted_on__isnull=True)
                | models.Q(converted_on__gte=models.F("registration_date")),
                name="coop_converted_after_registration",
                violation_error_message=_("The conversion date cannot be before the registration date."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, status_note="", **kwargs):
        """Save, and add a status history entry when the status changed.

        A new record's first status dates from its registration; a change
        made without a new date (as in a form), or with a date before the
        status it replaces (as when an old version is restored), dates from
        today, so the dated history always ends in the current status.
        """
        if getattr(self, "_loaded_values", None) is None and self.pk is not None:
            # Not loaded here (e.g. an old version restored): compare with what is stored.
            stored = Cooperative.objects.filter(pk=self.pk).values_list("status", "status_since").first()
            loaded_status, loaded_since = stored or (None, None)
        else:
            loaded_status, loaded_since = self.loaded("status"), self.loaded("status_since")
        status_changed = loaded_status != self.status
        if status_changed:
            if loaded_status is None:
                self.status_since = self.status_since or self.registration_date
            elif (
                self.status_since is None
                or self.status_since == loaded_since
                or (loaded_since and self.status_since < loaded_since)
            ):
                self.status_since = timezone.localdate()
        self.search_text = self.build_search_text()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if status_changed:
                CooperativeStatusChange.record([self], note=status_note)
        self.remember_loaded()

    # Status and its date as loaded, so that save() can tell a change.
    loaded_values = ("status", "status_since")

    def clean(self):
        errors = {}
        self.name = unicodedata.normalize("NFC", " ".join((self.name or "").split()))
        prefix = self.NAME_PREFIXES.get(self.kind)
        if prefix and self.name and not self.name.casefold().startswith(prefix.casefold()):
            errors["name"] = ValidationError(
                _("The name of a %(kind)s must begin with “%(prefix)s”."),
                code="name_prefix",
                params={"kind": self.get_kind_display().lower(), "prefix": prefix},
            )
        if self.kind == self.Kind.COOPERATIVE and self.name.casefold().startswith("liên hiệp"):
            errors["kind"] = ValidationError(_("This name is a union's: choose the kind “Union of cooperatives”."))
        if (
            self.kind == self.Kind.COOPERATIVE
            and self.founding_members is not None
            and self.registration_date
            and self.registration_date >= self.LAW_2023_IN_FORCE
            and self.founding_members < self.LAW_2023_MIN_FOUNDERS
        ):
            errors["founding_members"] = ValidationError(
                _(
                    "A cooperative founded under the Law on Cooperatives 2023 (from 01/07/2024) has at least "
                    "%(minimum)s founding members."
                ),
                code="too_few_founders",
                params={"minimum": self.LAW_2023_MIN_FOUNDERS},
            )
        today = timezone.localdate()
        for field in ("registration_date", "status_since", "converted_on"):
            value = getattr(self, field)
            if value and value > today:
                errors.setdefault(field, ValidationError(_("This date is in the future.")))
        if errors:
            raise ValidationError(errors)

    def build_search_text(self, commune=None):
        commune = commune or self.commune
        parts = [self.name, self.abbreviation, self.name_en, self.registration_code, self.representative, commune.name]
        return fold(" ".join(p for p in parts if p))

    def change_status(self, status, on, note=""):
        """Record a dated status change (suspension, dissolution, …)."""
        self.status = status
        self.status_since = on
        self.save(status_note=note)


class CooperativeStatusChange(models.Model):
    """One entry of a cooperative's dated status history."""

    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("cooperative")
    )
    status = models.CharField(_("status"), max_length=12, choices=Cooperative.Status)
    changed_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["cooperative", "changed_on", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self):
        return f"{self.get_status_display()} ({self.changed_on:%d/%m/%Y})"

    # The one rule of the status history: an entry holds the status its
    # cooperative has now, dated the cooperative's ``status_since`` (an
    # entry's field: the cooperative's field it is taken from).
    FROM_COOPERATIVE = {"status": "status", "changed_on": "status_since"}

    @classmethod
    def entries(cls, cooperatives, note=""):
        """For each cooperative, its entry by the rule above (unsaved)."""
        rule = cls.FROM_COOPERATIVE.items()
        return [cls(cooperative=c, note=note, **{f: getattr(c, source) for f, source in rule}) for c in cooperatives]

    @classmethod
    def copy_from(cls, pks, note=""):
        """Write the entries of the stored cooperatives ``pks``, by the same
        rule, copied inside the database (the spreadsheet import's bulk
        writes: no Python object per entry)."""
        columns = {"cooperative": "id", **cls.FROM_COOPERATIVE}
        return copy_rows(Cooperative, cls, columns, pks, {"note": note, "recorded_at": timezone.now()})

    @classmethod
    def record(cls, cooperatives, note=""):
        """Write ``entries()`` for (saved) cooperatives: Cooperative.save(),
        the demo and the benchmark's generator call it; the spreadsheet
        import builds the same entries and writes them with its own batch."""
        return cls.objects.bulk_create(cls.entries(cooperatives, note), batch_size=1000)


def built_in_year(year):
    """A value-chain production model built in the year."""
    return Q(built_on__year=year)


class ValueChainModelQuerySet(RestrictedQuerySet):
    def built_in(self, year):
        return self.filter(built_in_year(year))


class ValueChainModel(models.Model):
    """A production model of a cooperative linked to a product value chain."""

    cooperative = models.ForeignKey(
        Cooperative, on_delete=models.PROTECT, related_name="value_chain_models", verbose_name=_("cooperative")
    )
    name = models.CharField(_("name"), max_length=255)
    product = models.CharField(_("product"), max_length=150, blank=True)
    built_on = models.DateField(_("built on"))

    objects = ValueChainModelQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-built_on", vietnamese("name")]
        verbose_name = _("value-chain model")
        verbose_name_plural = _("value-chain models")

    def __str__(self):
        return self.name
