"""The plan's admin forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coopportal.lib.scope import Scope
from places.admin_units import legacy_province_name
from planning.models import Target
from planning.progress import plan_area_communes, resolve_area


def _former_name(year, province):
    former = resolve_area(year, Scope(province=province))[0].former_province
    return legacy_province_name(former) or former


class TargetForm(forms.ModelForm):
    """A target, whose commune comes from the area the year's plan was set
    for: plans before 1 July 2025 were set for provinces that no longer
    exist (the former Yên Bái, now part of Lào Cai), and a commune's target
    of such a year belongs to a commune that came from it. The picker lists
    only those communes when the year and province are known (an existing
    target, or ?year=&province= on the add page); the check holds whatever
    was picked."""

    class Meta:
        model = Target
        fields = ["indicator", "year", "province", "commune", "value", "source_document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("commune")
        if field is None or self.is_bound:
            return
        year, province = self.initial.get("year"), self.initial.get("province")
        province = getattr(province, "pk", province)
        try:
            year = int(year)
        except (TypeError, ValueError):
            return
        communes = plan_area_communes(year, province) if province else None
        if communes is not None:
            field.queryset = field.queryset.filter(code__in=sorted(communes))
            # The search box of every commune gives way to the short list.
            field.widget = forms.Select()
            field.widget.choices = field.choices

    def clean(self):
        cleaned = super().clean()
        year, province, commune = cleaned.get("year"), cleaned.get("province"), cleaned.get("commune")
        if year and province and commune:
            communes = plan_area_communes(year, province.pk)
            if communes is not None and commune.pk not in communes:
                self.add_error(
                    "commune",
                    _("%(commune)s did not come from %(former)s, the area the %(year)s plan was set for.")
                    % {"commune": commune.name, "former": _former_name(year, province.pk), "year": year},
                )
        return cleaned
