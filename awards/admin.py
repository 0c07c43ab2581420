from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import ScopedAdminMixin, ScopedInlineMixin
from awards.forms import AwardLineInlineFormSet
from awards.models import (
    AwardLine,
    BaseSalary,
    Collective,
    CollectiveMultiplier,
    Decision,
    FighterShareCap,
    Person,
    RoundingRule,
    Title,
    TitleCoefficient,
)
from awards.resources import AwardLineResource
from portal.admin_mixins import FoldedSearchMixin
from registry.admin_excel import SimpleSpreadsheetAdminMixin


@admin.register(Title)
class TitleAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "code", "kind", "applies_to", "legal_basis", "position"]
    list_filter = ["kind", "applies_to"]
    search_fields = ["name", "name_en", "code"]


# The law as dated data: shared national figures (see awards/models/rates.py).


@admin.register(BaseSalary)
class BaseSalaryAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["effective_from", "amount", "legal_basis", "verified"]


@admin.register(TitleCoefficient)
class TitleCoefficientAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "title",
        "effective_from",
        "coefficient_person",
        "coefficient_collective",
        "legal_basis",
        "verified",
    ]
    list_filter = ["title", "verified"]
    list_select_related = ["title"]


@admin.register(CollectiveMultiplier)
class CollectiveMultiplierAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["effective_from", "multiplier", "legal_basis", "verified"]


@admin.register(RoundingRule)
class RoundingRuleAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["effective_from", "step", "direction", "legal_basis", "verified"]


@admin.register(FighterShareCap)
class FighterShareCapAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["effective_from", "percent", "legal_basis", "verified"]


@admin.register(Person)
class PersonAdmin(ScopedAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["full_name", "job_title", "unit"]
    list_per_page = 50


@admin.register(Collective)
class CollectiveAdmin(ScopedAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "cooperative"]
    list_filter = ["kind"]
    list_select_related = ["cooperative"]
    autocomplete_fields = ["cooperative"]


class AwardLineInline(ScopedInlineMixin, admin.TabularInline):
    model = AwardLine
    formset = AwardLineInlineFormSet
    extra = 3
    autocomplete_fields = ["person", "collective", "title"]
    fields = [
        "person",
        "collective",
        "title",
        "reason",
        "override_amount",
        "override_note",
        "entitled_amount",
        "reward_amount",
        "status",
    ]
    readonly_fields = ["entitled_amount", "reward_amount", "status"]
    show_change_link = True  # revocation is recorded on the award's own page

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "collective", "title")


@admin.register(Decision)
class DecisionAdmin(ScopedAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["number", "issued_on", "level", "year", "campaign", "award_count"]
    list_filter = ["year", "level"]
    date_hierarchy = "issued_on"
    inlines = [AwardLineInline]
    fieldsets = [
        (None, {"fields": ["number", "issued_on", "level", "issuer", "signer", "province"]}),
        (_("What it honours"), {"fields": ["year", "campaign", "scan"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(award_count=Count("lines", distinct=True))

    @admin.display(description=_("number of awards"), ordering="award_count")
    def award_count(self, obj):
        return obj.award_count


@admin.register(AwardLine)
class AwardLineAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    resource_classes = [AwardLineResource]
    list_display = ["recipient", "title", "year", "decision", "reward_amount", "status"]
    list_filter = ["status", "decision__year", "title"]
    list_select_related = ["person", "collective", "title", "decision"]
    autocomplete_fields = ["decision", "person", "collective", "title"]
    readonly_fields = ["coefficient", "base_salary", "entitled_amount", "reward_amount", "payment_note"]
    fieldsets = [
        (None, {"fields": ["decision", "person", "collective", "title", "reason"]}),
        (
            _("Reward"),
            {
                "fields": [
                    "coefficient",
                    "base_salary",
                    "entitled_amount",
                    "reward_amount",
                    "payment_note",
                    "override_amount",
                    "override_note",
                ]
            },
        ),
        (_("Revocation"), {"fields": ["status", "revoked_on", "revocation_reason"]}),
    ]
    list_per_page = 50

    @admin.display(description=_("note on payment"))
    def payment_note(self, obj):
        return obj.one_reward_note if obj.pk else ""

    @admin.display(description=_("recipient"))
    def recipient(self, obj):
        return obj.recipient

    @admin.display(description=_("year of achievement"), ordering="decision__year")
    def year(self, obj):
        return obj.decision.year
