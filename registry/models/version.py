from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from coopportal.lib.restricted import RestrictedQuerySet


class DataVersion(models.Model):
    """A counter bumped by every write to the registry, so that figures
    computed from it can be cached until it changes (planning.measures).

    Saves and deletions bump it through signals (registry.apps); the bulk
    paths, which send no signals, call ``bump()`` themselves. A bump also
    marks the communes whose figures the write changed (``StaleCommune``)."""

    counter = models.BigIntegerField(default=0)
    # Bumped by every write but those that leave every organisation's
    # existence, kind, commune and founding date as they were (a yearly
    # report, an OCOP product, a status change, a name corrected): figures
    # that read nothing else of the registry (the Alliance's, which read
    # its own records and where and when organisations were founded) stay
    # cached across such writes.
    organisations_counter = models.BigIntegerField(default=0)
    # What the figures' rules said when the summary rows were last valid
    # (planning.apps: compared after every ``migrate``).
    rules_fingerprint = models.CharField(max_length=40, blank=True, default="")

    class Meta:
        verbose_name = _("registry data version")

    def __str__(self):
        return str(self.counter)

    @classmethod
    def current(cls):
        version = cls.objects.filter(pk=1).values_list("counter", flat=True).first()
        return 0 if version is None else version

    @classmethod
    def versions(cls):
        """(counter, organisations_counter), in one query."""
        return cls.objects.filter(pk=1).values_list("counter", "organisations_counter").first() or (0, 0)

    @classmethod
    def bump(cls, communes=None, organisations=True, **_signal_kwargs):
        """A new version; ``communes`` (codes) are the communes whose figures
        the write changed, None (a bulk path that does not say) every commune.
        ``organisations``: whether the write may have changed an
        organisation's existence, kind, commune or founding date (when in
        doubt, it has)."""
        bumped = {"counter": F("counter") + 1}
        if organisations:
            bumped["organisations_counter"] = F("organisations_counter") + 1
        # One transaction: a reader refreshing summary rows holds this row,
        # so it never sees the new version without its marks.
        with transaction.atomic():
            if not cls.objects.filter(pk=1).update(**bumped):
                cls.objects.get_or_create(pk=1, defaults={"counter": 1, "organisations_counter": 1})
            StaleCommune.mark(communes)

    @classmethod
    def bump_version_only(cls, **_signal_kwargs):
        """A new version for records no summary row holds (the Alliance's
        records, which planning reads directly; a commune deleted)."""
        cls.bump(communes=())


class StaleCommune(models.Model):
    """A commune whose figures a write changed after planning's summary rows
    (planning.summary) were computed; without a commune, every commune.

    Every write adds a row (with its version bump, in one transaction).
    Planning recomputes the summary rows of the marked communes holding the
    data version's row, which a write's bump waits for, and then deletes
    the marks it read: a write made meanwhile keeps its mark."""

    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("commune with figures to recompute")
        verbose_name_plural = _("communes with figures to recompute")

    def __str__(self):
        return str(self.commune_id or "*")

    @classmethod
    def mark(cls, communes=None):
        if communes is None:
            cls.objects.create(commune=None)
            return
        marks = [cls(commune_id=code) for code in sorted({c for c in communes if c})]
        if marks:
            cls.objects.bulk_create(marks)


# Where a registry record counts: the paths from it to every commune whose
# figures it feeds. A cooperative also feeds the THT that grew into it
# (tht_upgraded and tht_total read its registration date), wherever they are.
FIGURE_COMMUNE_PATHS = {
    "Cooperative": ("commune", "source_groups__commune"),
    "CooperativeStatusChange": ("cooperative__commune",),
    "CooperativeGroup": ("commune",),
    "CooperativeReport": ("cooperative__commune",),
    "GroupReport": ("group__commune",),
    "OcopProduct": ("cooperative__commune",),
    "ValueChainModel": ("cooperative__commune",),
}


# What figures outside the registry's own (the Alliance's) read of an
# organisation: see DataVersion.organisations_counter.
ORGANISATION_FACTS = {
    "Cooperative": ("kind", "commune_id", "registration_date"),
    "CooperativeGroup": ("commune_id", "established_on"),
}


def _stored(model, pk, facts=()):
    """The communes the stored record counts in, and its organisation facts
    (None when it is not stored), in one query."""
    paths = [f"{path}_id" for path in FIGURE_COMMUNE_PATHS[model.__name__]]
    rows = list(model._base_manager.filter(pk=pk).values_list(*paths, *facts))
    communes = {code for row in rows for code in row[: len(paths)] if code}
    return communes, (tuple(rows[0][len(paths) :]) if rows else None)


def communes_before_write(sender, instance, **kwargs):
    """pre_save and pre_delete: the communes the record counts in before the
    write (a record moving commune leaves its old commune's figures), and
    an organisation's facts, to tell whether the write changes them."""
    if kwargs.get("raw") or instance.pk is None or instance._state.adding:
        instance._figure_communes, instance._organisation_facts = set(), None
    else:
        facts = ORGANISATION_FACTS.get(sender.__name__, ())
        instance._figure_communes, instance._organisation_facts = _stored(sender, instance.pk, facts)


def record_saved(sender, instance, created=False, **kwargs):
    """post_save: the old communes and the new ones are stale; the
    organisations' version moves only if an organisation's facts did."""
    before = getattr(instance, "_figure_communes", set())
    facts = ORGANISATION_FACTS.get(sender.__name__)
    organisations = bool(facts) and (
        created
        or kwargs.get("raw")
        or getattr(instance, "_organisation_facts", None) != tuple(getattr(instance, name) for name in facts)
    )
    DataVersion.bump(before | _stored(sender, instance.pk)[0], organisations=organisations)


def record_deleted(sender, instance, **kwargs):
    """post_delete: the communes it counted in (all, if pre_delete did not
    say); an organisation deleted changes the organisations' version."""
    organisations = sender.__name__ in ORGANISATION_FACTS
    DataVersion.bump(getattr(instance, "_figure_communes", None), organisations=organisations)


def commune_saved(sender, instance, **kwargs):
    """post_save of a commune: its own figures' rows (which keep its province)."""
    DataVersion.bump([instance.pk])
