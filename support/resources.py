"""Excel in and out for loans and training participants, through
django-import-export resources with the Vietnamese headers of the forms
officers keep. Numbers go out as "500.000.000" and dates as dd/mm/yyyy, and
come back the same way. A row outside the user's scope, or pointing at a
record outside it, is an error of the row; the import is then refused whole."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from accounts.scoping import restrict, scope_for
from places.models import Commune
from registry.excel.formats import remember_headers
from registry.models import Cooperative, CooperativeGroup
from support.models import Loan, ParticipantRole, TrainingClass, TrainingParticipant

DATE = widgets.DateWidget(format="%d/%m/%Y")
TEXT = widgets.CharWidget(allow_blank=True)  # an empty cell is "", not NULL


class ChoiceLabelWidget(widgets.Widget):
    """A choice written as its label in the portal's language ("Quản lý"),
    whatever the user's, read back from the label or the stored value."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        with translation.override(settings.LANGUAGE_CODE):
            for member in self.choices:
                if text.casefold() in {str(member.label).casefold(), member.value}:
                    return member.value
        raise ValueError(_("Unknown value “%(value)s”.") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return str(self.choices(value).label) if value else ""


class ScopedResource(resources.ModelResource):
    """Rows limited to the user's scope (``user`` given by the admin)."""

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    def get_queryset(self):
        queryset = super().get_queryset()
        return restrict(queryset, self.user) if self.user is not None else queryset

    def commune_of(self, instance):  # pragma: no cover - each resource defines it
        raise NotImplementedError

    def before_save_instance(self, instance, row, **kwargs):
        model = type(instance)
        if instance._state.adding and instance.pk is not None and model.objects.filter(pk=instance.pk).exists():
            # Its id names a record outside the user's scope (or it would have been loaded).
            raise ValidationError(_("No record with this id is within your scope."))
        if self.user is not None:
            commune = self.commune_of(instance)
            if commune is None or not scope_for(self.user).allows(commune):
                raise ValidationError(_("This row is outside your scope."))
        super().before_save_instance(instance, row, **kwargs)


class LoanResource(ScopedResource):
    id = fields.Field(attribute="id", column_name="Mã khoản vay", widget=widgets.IntegerWidget())
    borrower = fields.Field(
        attribute="borrower",
        column_name="Mã số HTX vay",
        widget=widgets.ForeignKeyWidget(Cooperative, "registration_code"),
    )
    borrower_name = fields.Field(attribute="borrower__name", column_name="Tên HTX vay", readonly=True)
    purpose = fields.Field(attribute="purpose", column_name="Mục đích vay", widget=TEXT)
    amount = fields.Field(attribute="amount", column_name="Số tiền vay (đồng)", widget=widgets.IntegerWidget())
    interest_rate = fields.Field(
        attribute="interest_rate", column_name="Lãi suất (%/năm)", widget=widgets.DecimalWidget()
    )
    term_months = fields.Field(attribute="term_months", column_name="Thời hạn (tháng)", widget=widgets.IntegerWidget())
    decision_number = fields.Field(attribute="decision_number", column_name="Số quyết định", widget=TEXT)
    decision_date = fields.Field(attribute="decision_date", column_name="Ngày quyết định", widget=DATE)
    note = fields.Field(attribute="note", column_name="Ghi chú", widget=TEXT)

    class Meta:
        model = Loan
        fields = [
            "id",
            "borrower",
            "borrower_name",
            "purpose",
            "amount",
            "interest_rate",
            "term_months",
            "decision_number",
            "decision_date",
            "note",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def commune_of(self, instance):
        return instance.borrower.commune if instance.borrower_id else None


class TrainingParticipantResource(ScopedResource):
    id = fields.Field(attribute="id", column_name="Mã học viên", widget=widgets.IntegerWidget())
    training_class = fields.Field(
        attribute="training_class", column_name="Mã lớp", widget=widgets.ForeignKeyWidget(TrainingClass)
    )
    class_topic = fields.Field(attribute="training_class__topic", column_name="Chủ đề lớp", readonly=True)
    full_name = fields.Field(attribute="full_name", column_name="Họ và tên", widget=TEXT)
    role = fields.Field(attribute="role", column_name="Vai trò", widget=ChoiceLabelWidget(ParticipantRole))
    cooperative = fields.Field(
        attribute="cooperative",
        column_name="Mã số HTX",
        widget=widgets.ForeignKeyWidget(Cooperative, "registration_code"),
    )
    group = fields.Field(attribute="group", column_name="Mã THT", widget=widgets.ForeignKeyWidget(CooperativeGroup))
    organisation_name = fields.Field(attribute="organisation_name", column_name="Tổ chức khác", widget=TEXT)
    commune = fields.Field(attribute="commune", column_name="Mã xã", widget=widgets.ForeignKeyWidget(Commune))
    attended = fields.Field(attribute="attended", column_name="Có tham dự", widget=widgets.BooleanWidget())
    completed = fields.Field(attribute="completed", column_name="Hoàn thành", widget=widgets.BooleanWidget())

    class Meta:
        model = TrainingParticipant
        fields = [
            "id",
            "training_class",
            "class_topic",
            "full_name",
            "role",
            "cooperative",
            "group",
            "organisation_name",
            "commune",
            "attended",
            "completed",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def before_save_instance(self, instance, row, **kwargs):
        instance.fill_commune()
        super().before_save_instance(instance, row, **kwargs)

    def commune_of(self, instance):
        return Commune.objects.filter(pk=instance.commune_id).first()


remember_headers(LoanResource, TrainingParticipantResource)
