"""How the records behind a measure are listed and exported: the columns for
each kind of record, the ones that apply to a measure, and each record's page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coopportal.lib.collation import vietnamese
from registry.models import Cooperative, CooperativeGroup, CooperativeReport, GroupReport, OcopProduct, ValueChainModel

# model: [(key, title, value)]; keys named in a measure's ``columns`` (and
# the identity columns, key None) are shown for it.
COLUMNS = {
    Cooperative: [
        (None, _("Registration code"), lambda o: o.registration_code),
        (None, _("Name"), lambda o: o.name),
        (None, _("Commune"), lambda o: o.commune.name),
        ("registration_date", _("Registration date"), lambda o: o.registration_date),
        ("converted_on", _("Became new-type HTX on"), lambda o: o.converted_on),
        ("status", _("Status"), lambda o: o.get_status_display()),
    ],
    CooperativeGroup: [
        (None, _("Name"), lambda o: o.name),
        (None, _("Commune"), lambda o: o.commune.name),
        ("established_on", _("Established on"), lambda o: o.established_on),
        ("members", _("Members"), lambda o: o.members),
        ("status", _("Status"), lambda o: o.get_status_display()),
    ],
    CooperativeReport: [
        (None, _("Registration code"), lambda o: o.cooperative.registration_code),
        (None, _("Cooperative"), lambda o: o.cooperative.name),
        (None, _("Commune"), lambda o: o.cooperative.commune.name),
        ("classification", _("Classification"), lambda o: o.get_classification_display()),
        ("members", _("Members"), lambda o: o.members),
        ("workers", _("Regular workers"), lambda o: o.regular_workers),
        ("income", _("Average income (VND/person/year)"), lambda o: o.avg_income),
        ("revenue", _("Revenue (VND)"), lambda o: o.revenue),
        ("profit", _("Profit (VND)"), lambda o: o.profit),
        ("managers", _("Managers"), lambda o: o.managers_total),
        ("degree", _("with a degree"), lambda o: o.managers_degree),
        ("trained", _("trained"), lambda o: o.managers_trained),
    ],
    GroupReport: [
        (None, _("Group"), lambda o: o.group.name),
        (None, _("Commune"), lambda o: o.group.commune.name),
        ("members", _("Members"), lambda o: o.members),
        ("income", _("Average income (VND/person/year)"), lambda o: o.avg_income),
    ],
    ValueChainModel: [
        (None, _("Model"), lambda o: o.name),
        ("product", _("Product"), lambda o: o.product),
        (None, _("Cooperative"), lambda o: o.cooperative.name),
        (None, _("Commune"), lambda o: o.cooperative.commune.name),
        ("built_on", _("Built on"), lambda o: o.built_on),
    ],
    OcopProduct: [
        (None, _("Product"), lambda o: o.name),
        ("stars", _("Stars"), lambda o: o.stars),
        (None, _("Cooperative"), lambda o: o.cooperative.name),
        (None, _("Commune"), lambda o: o.cooperative.commune.name),
        ("certified_on", _("Certified on"), lambda o: o.certified_on),
    ],
}

# The page of the record a row stands for (the cooperative's public page;
# a group's admin page, which the roles that read the dashboard may view).
LINKS = {
    Cooperative: lambda o: reverse("registry:cooperative_detail", args=[o.pk]),
    CooperativeReport: lambda o: reverse("registry:cooperative_detail", args=[o.cooperative_id]),
    ValueChainModel: lambda o: reverse("registry:cooperative_detail", args=[o.cooperative_id]),
    OcopProduct: lambda o: reverse("registry:cooperative_detail", args=[o.cooperative_id]),
    CooperativeGroup: lambda o: reverse("admin:registry_cooperativegroup_change", args=[o.pk]),
    GroupReport: lambda o: reverse("admin:registry_cooperativegroup_change", args=[o.group_id]),
}

SELECT_RELATED = {
    Cooperative: ["commune"],
    CooperativeGroup: ["commune"],
    CooperativeReport: ["cooperative__commune"],
    GroupReport: ["group__commune"],
    ValueChainModel: ["cooperative__commune"],
    OcopProduct: ["cooperative__commune"],
}

ORDERING = {
    Cooperative: ["registration_date", vietnamese("name")],
    CooperativeGroup: ["established_on", vietnamese("name")],
    CooperativeReport: [vietnamese("cooperative__name")],
    GroupReport: [vietnamese("group__name")],
    ValueChainModel: ["built_on", vietnamese("name")],
    OcopProduct: ["certified_on", vietnamese("name")],
}


def register_columns(model, columns, select_related, ordering, link=None):
    """Columns, joins and order of another app's records, and the page of
    one (optional), from its AppConfig.ready()."""
    COLUMNS[model], SELECT_RELATED[model], ORDERING[model] = columns, select_related, ordering
    if link is not None:
        LINKS[model] = link


def prepare(queryset):
    """The records in list order, with what the columns need joined in."""
    model = queryset.model
    return queryset.select_related(*SELECT_RELATED[model]).order_by(*ORDERING[model])


def columns(model, keys=None):
    """The model's columns; with ``keys``, the identity columns and those named."""
    return [c for c in COLUMNS[model] if keys is None or c[0] is None or c[0] in keys]


def headers(model, keys=None):
    return [str(title) for _key, title, _get in columns(model, keys)]


def cells(obj, keys=None):
    return [get(obj) for _key, _title, get in columns(type(obj), keys)]


def link(obj):
    """The page of the record ``obj`` stands for, or None when it has none."""
    page = LINKS.get(type(obj))
    return page(obj) if page is not None else None
