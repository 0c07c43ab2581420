"""How the records behind a measure are listed and exported: the columns for
each kind of record."""

from django.utils.translation import gettext_lazy as _

from coopportal.lib.collation import vietnamese
from registry.models import Cooperative, CooperativeGroup, CooperativeReport, GroupReport, OcopProduct, ValueChainModel

COLUMNS = {
    Cooperative: [
        (_("Registration code"), lambda o: o.registration_code),
        (_("Name"), lambda o: o.name),
        (_("Commune"), lambda o: o.commune.name),
        (_("Registration date"), lambda o: o.registration_date),
        (_("Became new-type HTX on"), lambda o: o.converted_on),
        (_("Status"), lambda o: o.get_status_display()),
    ],
    CooperativeGroup: [
        (_("Name"), lambda o: o.name),
        (_("Commune"), lambda o: o.commune.name),
        (_("Established on"), lambda o: o.established_on),
        (_("Members"), lambda o: o.members),
        (_("Status"), lambda o: o.get_status_display()),
    ],
    CooperativeReport: [
        (_("Registration code"), lambda o: o.cooperative.registration_code),
        (_("Cooperative"), lambda o: o.cooperative.name),
        (_("Commune"), lambda o: o.cooperative.commune.name),
        (_("Classification"), lambda o: o.get_classification_display()),
        (_("Regular workers"), lambda o: o.regular_workers),
        (_("Average income (VND/person/year)"), lambda o: o.avg_income),
        (_("Managers"), lambda o: o.managers_total),
        (_("with a degree"), lambda o: o.managers_degree),
        (_("trained"), lambda o: o.managers_trained),
    ],
    GroupReport: [
        (_("Group"), lambda o: o.group.name),
        (_("Commune"), lambda o: o.group.commune.name),
        (_("Members"), lambda o: o.members),
        (_("Average income (VND/person/year)"), lambda o: o.avg_income),
    ],
    ValueChainModel: [
        (_("Model"), lambda o: o.name),
        (_("Product"), lambda o: o.product),
        (_("Cooperative"), lambda o: o.cooperative.name),
        (_("Commune"), lambda o: o.cooperative.commune.name),
        (_("Built on"), lambda o: o.built_on),
    ],
    OcopProduct: [
        (_("Product"), lambda o: o.name),
        (_("Stars"), lambda o: o.stars),
        (_("Cooperative"), lambda o: o.cooperative.name),
        (_("Commune"), lambda o: o.cooperative.commune.name),
        (_("Certified on"), lambda o: o.certified_on),
    ],
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


def register_columns(model, columns, select_related, ordering):
    """Columns, joins and order of another app's records (from its AppConfig.ready())."""
    COLUMNS[model], SELECT_RELATED[model], ORDERING[model] = columns, select_related, ordering


def prepare(queryset):
    """The records in list order, with what the columns need joined in."""
    model = queryset.model
    return queryset.select_related(*SELECT_RELATED[model]).order_by(*ORDERING[model])


def headers(model):
    return [str(title) for title, _get in COLUMNS[model]]


def cells(obj):
    return [get(obj) for _title, get in COLUMNS[type(obj)]]
