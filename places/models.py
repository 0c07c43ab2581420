"""Places: the provinces and communes every other app refers to (the bottom
layer: this app imports no other app of the portal)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopportal.lib.collation import vietnamese
from coopportal.lib.restricted import RestrictedQuerySet
from coopportal.lib.search import FoldedSearchQuerySet
from coopportal.lib.text import fold


def home_province_code():
    """Default province of records that belong to a province's Alliance."""
    return settings.HOME_PROVINCE_CODE


def owning_province_field():
    """The province whose Alliance keeps a record (decisions, people honoured)."""
    return models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        default=home_province_code,
        related_name="+",
        verbose_name=_("province"),
        help_text=_("The province whose Alliance keeps this record."),
    )


class ProvinceQuerySet(RestrictedQuerySet):
    def home(self):
        """The province this portal is run for (settings.HOME_PROVINCE_CODE)."""
        return self.filter(code=settings.HOME_PROVINCE_CODE).first()


class Province(models.Model):
    """A province-level unit of the two-level structure in force since 1 July 2025."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=100)

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had when the model lived in registry.
        db_table = "registry_province"
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class CommuneQuerySet(RestrictedQuerySet, FoldedSearchQuerySet):
    """Communes, searchable without diacritics ("tram tau")."""


class Commune(models.Model):
    """A commune-level unit (xã, phường or đặc khu), keyed on its official code."""

    class Kind(models.TextChoices):
        COMMUNE = "xa", _("Commune")
        WARD = "phuong", _("Ward")
        SPECIAL_ZONE = "dac_khu", _("Special zone")

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    name = models.CharField(_("name"), max_length=100)
    short_name = models.CharField(_("short name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    search_text = models.CharField(max_length=200, editable=False, default="")

    objects = CommuneQuerySet.as_manager()

    class Meta:
        db_table = "registry_commune"
        ordering = ["province_id", vietnamese("name")]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def build_search_text(self):
        return fold(f"{self.name} {self.code}")
