from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import ScopedAdminMixin, ScopedInlineMixin
from planning.forms import TargetForm
from planning.models import Indicator, ManualActual, Target
from planning.resources import ManualActualResource, TargetResource
from registry.admin_excel import SimpleSpreadsheetAdminMixin


class TargetInline(ScopedInlineMixin, admin.TabularInline):
    model = Target
    form = TargetForm
    extra = 0
    fields = ["year", "province", "commune", "value", "source_document"]
    autocomplete_fields = ["province", "commune"]


@admin.register(Indicator)
class IndicatorAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "unit", "comparison", "group", "measure", "position"]
    list_filter = ["group", "unit"]
    search_fields = ["code", "name", "name_en"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [TargetResource]
    form = TargetForm
    list_display = ["indicator", "year", "province", "former_province", "commune", "value", "source_document"]
    list_filter = ["year", "indicator__group"]
    list_select_related = ["indicator", "province", "commune"]
    autocomplete_fields = ["indicator", "province", "commune"]
    fields = ["indicator", "year", "province", "commune", "value", "source_document"]


@admin.register(ManualActual)
class ManualActualAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [ManualActualResource]
    list_display = ["indicator", "year", "province", "former_province", "commune", "value", "as_of", "entered_by"]
    list_filter = ["year", "indicator"]
    list_select_related = ["indicator", "commune", "entered_by"]
    autocomplete_fields = ["indicator", "province", "commune"]
    readonly_fields = ["entered_by", "entered_at"]
    fields = ["indicator", "year", "province", "commune", "value", "as_of", "note", "entered_by", "entered_at"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator":
            # Only hand-entered indicators take a manual actual.
            kwargs["queryset"] = Indicator.objects.filter(measure="")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.entered_by = request.user
        super().save_model(request, obj, form, change)
