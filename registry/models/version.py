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

    class Meta:
        verbose_name = _("registry data version")

    def __str__(self):
        return str(self.counter)

    @classmethod
    def current(cls):
        version = cls.objects.filter(pk=1).values_list("counter", flat=True).first()
        return 0 if version is None else version

    @classmethod
    def bump(cls, communes=None, **_signal_kwargs):
        """A new version; ``communes`` (codes) are the communes whose figures
        the write changed, None (a bulk path that does not say) every commune."""
        # One transaction: a reader refreshing summary rows holds this row,
        # so it never sees the new version without its marks.
        with transaction.atomic():
            if not cls.objects.filter(pk=1).update(counter=F("counter") + 1):
                cls.objects.get_or_create(pk=1, defaults={"counter": 1})
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


def _stored_communes(model, pk):
    paths = FIGURE_COMMUNE_PATHS[model.__name__]
    rows = model._base_manager.filter(pk=pk).values_list(*[f"{path}_id" for path in paths])
    return {code for row in rows for code in row if code}


def communes_before_write(sender, instance, **kwargs):
    """pre_save and pre_delete: the communes the record counts in before the
    write (a record moving commune leaves its old commune's figures)."""
    if kwargs.get("raw") or instance.pk is None or instance._state.adding:
        instance._figure_communes = set()
    else:
        instance._figure_communes = _stored_communes(sender, instance.pk)


def record_saved(sender, instance, **kwargs):
    """post_save: the old communes and the new ones are stale."""
    before = getattr(instance, "_figure_communes", set())
    DataVersion.bump(before | _stored_communes(sender, instance.pk))


def record_deleted(sender, instance, **kwargs):
    """post_delete: the communes it counted in (all, if pre_delete did not say)."""
    DataVersion.bump(getattr(instance, "_figure_communes", None))


def commune_saved(sender, instance, **kwargs):
    """post_save of a commune: its own figures' rows (which keep its province)."""
    DataVersion.bump([instance.pk])
