"""Excel in and out for loans and training participants, on the registry's
ScopedResource and widgets, like every other sheet staff fill: the headers
of the forms officers keep (English accepted), numbers and dates written as
typed cells and read however people type them ("300.000.000", 300000000,
"15/03/2021", an Excel serial), every error of every row at once with its
row and column, the file refused whole if any row fails.

The importing user's area comes as ``scope`` (the admin passes it): a
cooperative, group, class or commune outside it is an error of its cell,
as is an id naming a record outside it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields

from coopportal.lib.scope import EVERYWHERE
from places.models import Commune
from registry.excel.formats import remember_headers
from registry.excel.values import is_blank, parse_integer
from registry.excel.widgets import (
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    RecordWidget,
    TextWidget,
    YesNoWidget,
)
from registry.models import Cooperative, CooperativeGroup
from registry.resources import ExportOnlyField, ScopedResource, SimpleMeta, cooperative_in_area
from support.models import Loan, ParticipantRole, TrainingClass, TrainingParticipant


def commune_in_area(commune, scope):
    return scope.allows(commune)


def held_in_area(record, scope):
    """A group or a class, by the commune it belongs to or is held in."""
    return scope.allows(record.commune)


class IdRecordWidget(RecordWidget):
    """A record by its id (a class, a group), within the area: a cell that
    is no whole number says so, in the user's language."""

    def __init__(self, model, in_area):
        super().__init__(model, "pk", in_area=in_area)

    def clean(self, value, row=None, **kwargs):
        if not is_blank(value):
            value = parse_integer(value, minimum=1)
        return super().clean(value, row, **kwargs)


class SupportResource(ScopedResource):
    """Records found by their id, within the importing user's area:
    ``scope_path`` leads from the record to its commune (Scope.q)."""

    scope_path = ""

    def before_import(self, dataset, scope=EVERYWHERE, **kwargs):
        self.import_scope = scope
        super().before_import(dataset, scope=scope, **kwargs)

    def get_queryset(self):
        scope = getattr(self, "import_scope", None) or self.scope or EVERYWHERE
        return super().get_queryset().filter(scope.q(self.scope_path))

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance._state.adding and instance.pk is not None and "id" not in errors:
            # An id that loaded nothing names a record outside the user's
            # area (which this row must not overwrite) or none at all (a
            # new record is given its id by the database, never by a file).
            errors["id"] = ValidationError(_("No record with this id is within your scope."))
        super().validate_instance(instance, errors, validate_unique)


class LoanResource(SupportResource):
    id = fields.Field(attribute="id", column_name="Mã khoản vay", widget=IntegerWidget(minimum=1))
    borrower = fields.Field(
        attribute="borrower",
        column_name="Mã số HTX vay",
        widget=RecordWidget(Cooperative, "registration_code", in_area=cooperative_in_area),
    )
    borrower_name = ExportOnlyField(attribute="borrower__name", column_name="Tên HTX vay", widget=TextWidget())
    purpose = fields.Field(attribute="purpose", column_name="Mục đích vay", widget=TextWidget())
    amount = fields.Field(attribute="amount", column_name="Số tiền vay (đồng)", widget=IntegerWidget())
    interest_rate = fields.Field(attribute="interest_rate", column_name="Lãi suất (%/năm)", widget=DecimalWidget())
    term_months = fields.Field(attribute="term_months", column_name="Thời hạn (tháng)", widget=IntegerWidget())
    decision_number = fields.Field(attribute="decision_number", column_name="Số quyết định", widget=TextWidget())
    decision_date = fields.Field(attribute="decision_date", column_name="Ngày quyết định", widget=DateWidget())
    note = fields.Field(attribute="note", column_name="Ghi chú", widget=TextWidget())

    class Meta(SimpleMeta):
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
        export_order = fields

    scope_path = "borrower__"
    english_headers = {
        "id": "Loan id",
        "borrower": "Borrower registration code",
        "borrower_name": "Borrower",
        "purpose": "Purpose",
        "amount": "Amount lent (VND)",
        "interest_rate": "Interest rate (%/year)",
        "term_months": "Term (months)",
        "decision_number": "Decision number",
        "decision_date": "Decision date",
        "note": "Note",
    }

    def get_queryset(self):
        return super().get_queryset().select_related("borrower")


class TrainingParticipantResource(SupportResource):
    id = fields.Field(attribute="id", column_name="Mã học viên", widget=IntegerWidget(minimum=1))
    training_class = fields.Field(
        attribute="training_class",
        column_name="Mã lớp",
        widget=IdRecordWidget(TrainingClass, in_area=held_in_area),
    )
    class_topic = ExportOnlyField(attribute="training_class__topic", column_name="Chủ đề lớp", widget=TextWidget())
    full_name = fields.Field(attribute="full_name", column_name="Họ và tên", widget=TextWidget())
    role = fields.Field(attribute="role", column_name="Vai trò", widget=ChoiceWidget(ParticipantRole))
    cooperative = fields.Field(
        attribute="cooperative",
        column_name="Mã số HTX",
        widget=RecordWidget(Cooperative, "registration_code", in_area=cooperative_in_area),
    )
    group = fields.Field(
        attribute="group", column_name="Mã THT", widget=IdRecordWidget(CooperativeGroup, in_area=held_in_area)
    )
    organisation_name = fields.Field(attribute="organisation_name", column_name="Tổ chức khác", widget=TextWidget())
    commune = fields.Field(
        attribute="commune", column_name="Mã xã", widget=RecordWidget(Commune, "code", in_area=commune_in_area)
    )
    attended = fields.Field(attribute="attended", column_name="Có tham dự", widget=YesNoWidget())
    completed = fields.Field(attribute="completed", column_name="Hoàn thành", widget=YesNoWidget())

    class Meta(SimpleMeta):
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
        export_order = fields

    english_headers = {
        "id": "Participant id",
        "training_class": "Class id",
        "class_topic": "Class topic",
        "full_name": "Full name",
        "role": "Role",
        "cooperative": "Registration code",
        "group": "Group id",
        "organisation_name": "Other organisation",
        "commune": "Commune code",
        "attended": "Attended",
        "completed": "Completed",
    }


remember_headers(LoanResource, TrainingParticipantResource)
