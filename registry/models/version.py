from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """A counter bumped by every write to the registry, so that figures
    computed from it can be cached until it changes (planning.measures).

    Saves and deletions bump it through signals (registry.apps); the bulk
    paths, which send no signals, call ``bump()`` themselves."""

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
    def bump(cls, **_signal_kwargs):
        if not cls.objects.filter(pk=1).update(counter=F("counter") + 1):
            cls.objects.get_or_create(pk=1, defaults={"counter": 1})
