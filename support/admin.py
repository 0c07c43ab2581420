from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.admin_mixins import ScopedAdminMixin, ScopedInlineMixin
from registry.admin import year_filter
from registry.admin_excel import SimpleSpreadsheetAdminMixin
from support.models import (
    Disbursement,
    Installment,
    Loan,
    Membership,
    MembershipFee,
    Repayment,
    SupportCase,
    SupportedHousehold,
    TradeEvent,
    TradeParticipation,
    TrainingClass,
    TrainingParticipant,
)
from support.resources import LoanResource, TrainingParticipantResource

ORGANISATION_FIELDS = ["cooperative", "group", "organisation_name", "commune"]


class MembershipFeeInline(ScopedInlineMixin, admin.TabularInline):
    model = MembershipFee
    extra = 1


@admin.register(Membership)
class MembershipAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "commune", "joined_on", "left_on"]
    list_filter = [year_filter("joined_on", _("year joined"))]
    list_select_related = ["cooperative", "group", "commune"]
    autocomplete_fields = ["cooperative", "group", "commune"]
    search_fields = ["organisation_name", "cooperative__name", "group__name"]
    fields = [*ORGANISATION_FIELDS, "joined_on", "left_on", "note"]
    inlines = [MembershipFeeInline]


class DisbursementInline(ScopedInlineMixin, admin.TabularInline):
    model = Disbursement
    extra = 1


class InstallmentInline(ScopedInlineMixin, admin.TabularInline):
    model = Installment
    extra = 1


class RepaymentInline(ScopedInlineMixin, admin.TabularInline):
    model = Repayment
    extra = 1


@admin.register(Loan)
class LoanAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [LoanResource]
    list_display = ["decision_number", "decision_date", "borrower", "amount", "interest_rate", "term_months"]
    list_filter = [year_filter("decision_date", _("year decided"))]
    list_select_related = ["borrower"]
    autocomplete_fields = ["borrower"]
    search_fields = ["decision_number", "borrower__name", "purpose"]
    readonly_fields = ["position_today"]
    inlines = [DisbursementInline, InstallmentInline, RepaymentInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "interest_rate":  # "5,40" in Vietnamese
            kwargs.update(localize=True, widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 8}))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("position today"))
    def position_today(self, obj):
        if obj.pk is None:
            return "—"
        today = timezone.localdate()
        balances = obj.balances_on(today)
        return gettext("Outstanding %(outstanding)s VND; overdue %(overdue)s VND (%(days)s days)") % {
            "outstanding": number_format(balances["outstanding"], force_grouping=True),
            "overdue": number_format(balances["overdue"], force_grouping=True),
            "days": obj.overdue_days_on(today),
        }


class TrainingParticipantInline(ScopedInlineMixin, admin.TabularInline):
    model = TrainingParticipant
    extra = 3
    fields = ["full_name", "role", *ORGANISATION_FIELDS, "attended", "completed"]
    autocomplete_fields = ["cooperative", "group", "commune"]


@admin.register(TrainingClass)
class TrainingClassAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["topic", "starts_on", "ends_on", "place", "organiser", "funding_source"]
    list_filter = [year_filter("starts_on", _("year")), "funding_source"]
    search_fields = ["topic", "place", "organiser"]
    autocomplete_fields = ["commune"]
    inlines = [TrainingParticipantInline]


@admin.register(TrainingParticipant)
class TrainingParticipantAdmin(ScopedAdminMixin, SimpleSpreadsheetAdminMixin, SimpleHistoryAdmin):
    resource_classes = [TrainingParticipantResource]
    list_display = ["full_name", "role", "organisation", "training_class", "attended", "completed"]
    list_filter = ["role", "completed"]
    list_select_related = ["training_class", "cooperative", "group"]
    autocomplete_fields = ["training_class", "cooperative", "group", "commune"]
    search_fields = ["full_name", "cooperative__name", "group__name", "organisation_name"]
    fields = ["training_class", "full_name", "role", *ORGANISATION_FIELDS, "attended", "completed"]

    @admin.display(description=_("organisation"))
    def organisation(self, obj):
        return obj.organisation


@admin.register(SupportCase)
class SupportCaseAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["subject", "kind", "opened_on", "closed_on", "officer", "outcome", "produced_cooperative"]
    list_filter = ["kind", "outcome", year_filter("opened_on", _("year opened"))]
    list_select_related = ["produced_cooperative"]
    autocomplete_fields = ["cooperative", "group", "commune", "produced_cooperative"]
    search_fields = ["subject", "officer", "organisation_name", "cooperative__name"]
    fields = [
        "kind",
        "subject",
        *ORGANISATION_FIELDS,
        "opened_on",
        "closed_on",
        "officer",
        "outcome",
        "outcome_note",
        "produced_cooperative",
    ]


class TradeParticipationInline(ScopedInlineMixin, admin.TabularInline):
    model = TradeParticipation
    extra = 3
    fields = [*ORGANISATION_FIELDS, "products", "contracts_signed", "contracts_value"]
    autocomplete_fields = ["cooperative", "group", "commune"]


@admin.register(TradeEvent)
class TradeEventAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "starts_on", "place", "officer"]
    list_filter = ["kind", year_filter("starts_on", _("year"))]
    search_fields = ["name", "place", "organiser", "officer"]
    inlines = [TradeParticipationInline]


@admin.register(SupportedHousehold)
class SupportedHouseholdAdmin(ScopedAdminMixin, SimpleHistoryAdmin):
    list_display = ["head_name", "village", "commune", "programme", "supported_year", "left_poverty_year"]
    list_filter = ["supported_year", "left_poverty_year"]
    list_select_related = ["commune"]
    autocomplete_fields = ["commune"]
    search_fields = ["head_name", "village", "programme"]
