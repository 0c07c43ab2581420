from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from accounts.admin_mixins import ScopedAdminMixin
from reports.models import ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["province", "issuing_body", "place", "signer_title", "signer_name"]
    list_select_related = ["province"]
    autocomplete_fields = ["province"]
    fieldsets = [
        (None, {"fields": ["province"]}),
        (_("Issuing body"), {"fields": ["parent_body", "issuing_body", "document_code", "place"]}),
        (_("Area"), {"fields": ["former_province", "former_until_year"]}),
        (_("Signature and recipients"), {"fields": ["signer_authority", "signer_title", "signer_name", "recipients"]}),
    ]
