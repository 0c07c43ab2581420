"""What the Alliance's records share: amounts in đồng, and the organisation
a record is about (an HTX or union, a THT, or one not in the registry)."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coopportal.lib.restricted import RestrictedQuerySet
from registry.models.reports import YEAR_VALIDATORS

__all__ = ["YEAR_VALIDATORS", "MoneyField", "OrganisationLink"]


class MoneyField(models.BigIntegerField):
    """An amount in whole đồng, entered and shown with the language's
    thousands separator ("500.000.000") through Django's form localisation."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [MinValueValidator(0)])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # A text box, also in the admin (whose number box cannot show "500.000.000").
        kwargs["localize"] = True
        kwargs["widget"] = forms.TextInput(attrs={"inputmode": "numeric", "class": "vTextField"})
        return super().formfield(**kwargs)


class OrganisationLink(models.Model):
    """The organisation a record concerns: an HTX or union, a THT, or one the
    registry does not hold (a founding group, an association) by name.
    ``commune`` is the organisation's commune, copied from the registry when
    the organisation is there; it places the record in a scope and an area."""

    cooperative = models.ForeignKey(
        "registry.Cooperative",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("HTX or union"),
    )
    group = models.ForeignKey(
        "registry.CooperativeGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("cooperative group (THT)"),
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=255,
        blank=True,
        help_text=_("Only when the organisation is not in the registry (e.g. a founding group)."),
    )
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        blank=True,  # filled in by clean()/save() from the organisation
        related_name="+",
        verbose_name=_("commune"),
        help_text=_("Filled in from the registry for an HTX, union or THT."),
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(cooperative__isnull=False, group__isnull=False),
                name="%(app_label)s_%(class)s_one_organisation",
                violation_error_message=_("Choose an HTX or union, or a THT, not both."),
            ),
        ]

    def save(self, *args, **kwargs):
        self.fill_commune()
        super().save(*args, **kwargs)

    @property
    def organisation(self):
        return self.cooperative or self.group or self.organisation_name

    @property
    def organisation_kind(self):
        if self.cooperative_id:
            return self.cooperative.get_kind_display()
        if self.group_id:
            return _("Cooperative group")
        return _("Other organisation")

    def fill_commune(self):
        if self.cooperative_id:
            self.commune_id = self.cooperative.commune_id
        elif self.group_id:
            self.commune_id = self.group.commune_id

    def clean(self):
        errors = {}
        if self.cooperative_id and self.group_id:
            errors["group"] = _("Choose an HTX or union, or a THT, not both.")
        elif not self.cooperative_id and not self.group_id and not self.organisation_name.strip():
            errors["organisation_name"] = _("Choose an HTX, union or THT, or name the organisation.")
        self.fill_commune()
        if not self.commune_id and "organisation_name" not in errors and "group" not in errors:
            errors["commune"] = _("Choose the commune of the organisation.")
        if errors:
            raise ValidationError(errors)
