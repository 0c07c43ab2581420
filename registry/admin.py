from django.contrib import admin
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import ScopedAdminMixin, ScopedInlineMixin
from coopportal.lib.collation import vietnamese
from places.models import Commune, Province
from portal.admin_mixins import FoldedSearchMixin
from registry.admin_excel import SimpleSpreadsheetAdminMixin, SpreadsheetAdminMixin
from registry.models import (
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    CooperativeStatusChange,
    GroupReport,
    OcopProduct,
    ValueChainModel,
)
from registry.resources import (
    CooperativeGroupResource,
    CooperativeReportResource,
    CooperativeResource,
    OcopProductResource,
    ValueChainModelResource,
)


def year_filter(field, title):
    """A list filter on the year of a date field, offering only years present."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = f"{field}_year"

        def lookups(self, request, model_admin):
            years = (
                model_admin.get_queryset(request)
                .exclude(**{f"{field}__isnull": True})
                .annotate(y=ExtractYear(field))
                .values_list("y", flat=True)
                .distinct()
                .order_by("-y")
            )
            return [(y, str(y)) for y in years]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{f"{field}__year": self.value()})
            return queryset

    YearFilter.title = title
    return YearFilter


class UsedCommuneFilter(admin.SimpleListFilter):
    """Filter by commune, listing only communes that have records here
    (a province has ~100 communes; the country 3,321)."""

    title = _("commune")
    parameter_name = "commune"

    def lookups(self, request, model_admin):
        used = model_admin.get_queryset(request).values("commune")
        return [(c.code, c.name) for c in Commune.objects.filter(code__in=used).order_by(vietnamese("name"))]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(commune_id=self.value())
        return queryset


# The places app's admin lives here: places sits below accounts, whose
# scoping the commune list needs.
@admin.register(Province)
class ProvinceAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["name", "code"]


@admin.register(Commune)
class CommuneAdmin(ScopedAdminMixin, FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["code", "name", "kind", "province"]
    list_filter = ["kind", "province"]
    list_select_related = ["province"]


class StatusChangeInline(admin.TabularInline):
    model = CooperativeStatusChange
    extra = 0
    can_delete = False
    fields = ["changed_on", "status", "note", "recorded_at"]
    readonly_fields = ["changed_on", "status", "note", "recorded_at"]

    def has_add_permission(self, request, obj=None):
        # History is written by Cooperative.save(), never typed in.
        return False


class ValueChainModelInline(ScopedInlineMixin, admin.TabularInline):
    model = ValueChainModel
    extra = 0


class CooperativeReportInline(ScopedInlineMixin, admin.TabularInline):
    model = CooperativeReport
    extra = 0
    fields = [
        "year",
        "members",
        "regular_workers",
        "revenue",
        "avg_income",
        "classification",
        "managers_total",
        "managers_degree",
        "managers_trained",
    ]


class OcopProductInline(ScopedInlineMixin, admin.TabularInline):
    model = OcopProduct
    extra = 0


@admin.register(Cooperative)
class CooperativeAdmin(ScopedAdminMixin, SpreadsheetAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    spreadsheet_kind = "cooperatives"
    resource_classes = [CooperativeResource]
    list_display = ["registration_code", "name", "kind", "commune", "registration_date", "status", "converted_on"]
    list_display_links = ["registration_code", "name"]
    list_filter = [
        "kind",
        "status",
        "sector",
        UsedCommuneFilter,
        year_filter("registration_date", _("registration year")),
        year_filter("converted_on", _("year converted to new-type")),
    ]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune"]
    date_hierarchy = "registration_date"
    list_per_page = 50
    inlines = [StatusChangeInline, CooperativeReportInline, ValueChainModelInline, OcopProductInline]
    fieldsets = [
        (None, {"fields": ["kind", "registration_code", "name", "abbreviation", "name_en", "sector"]}),
        (_("Location"), {"fields": ["commune", "address"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "registration_date",
                    "charter_capital",
                    "founding_members",
                    "representative",
                    "representative_phone",
                ]
            },
        ),
        (_("Status"), {"fields": ["status", "status_since", "converted_on", "under_law"]}),
    ]


class GroupReportInline(ScopedInlineMixin, admin.TabularInline):
    model = GroupReport
    extra = 0


@admin.register(CooperativeGroup)
class CooperativeGroupAdmin(ScopedAdminMixin, SpreadsheetAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    spreadsheet_kind = "groups"
    resource_classes = [CooperativeGroupResource]
    list_display = ["name", "commune", "established_on", "members", "sector", "status"]
    list_filter = ["status", "sector", UsedCommuneFilter, year_filter("established_on", _("year established"))]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune", "upgraded_to"]
    date_hierarchy = "established_on"
    list_per_page = 50
    inlines = [GroupReportInline]


@admin.register(CooperativeReport)
class CooperativeReportAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [CooperativeReportResource]
    list_display = ["cooperative", "year", "members", "regular_workers", "avg_income", "classification"]
    list_filter = ["year", "classification"]
    list_select_related = ["cooperative"]
    autocomplete_fields = ["cooperative"]
    search_fields = ["cooperative__search_text"]
    list_per_page = 50

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        return queryset.filter(cooperative__in=Cooperative.objects.search(search_term)), False


@admin.register(GroupReport)
class GroupReportAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["group", "year", "members", "avg_income"]
    list_filter = ["year"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]
    list_per_page = 50


@admin.register(OcopProduct)
class OcopProductAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [OcopProductResource]
    list_display = ["name", "cooperative", "stars", "certified_on", "alliance_supported"]
    list_filter = ["stars", "alliance_supported", year_filter("certified_on", _("year certified"))]
    list_select_related = ["cooperative"]
    autocomplete_fields = ["cooperative"]
    search_fields = ["name"]


@admin.register(ValueChainModel)
class ValueChainModelAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [ValueChainModelResource]
    list_display = ["name", "cooperative", "product", "built_on"]
    list_filter = [year_filter("built_on", _("year built"))]
    list_select_related = ["cooperative"]
    autocomplete_fields = ["cooperative"]
    search_fields = ["name", "product"]
