"""django-import-export resource of the award lines: an office's list of
awardees (decision number and date, year of achievement, title, the person
or the collective, achievement, reward), with the registry's widgets and
its all-or-nothing, area-bound import (registry.resources.ScopedResource).

A row names its decision by number and date: the decision is entered first,
with its signer and scan, in the admin; the rows then add its lines. A
person is found by name and unit, or recorded when new; a collective by the
cooperative's registration code or by the unit's name. The reward is never
read from the file: the line computes it by the law in force on the
decision's date, as the admin form does (AwardLine.value_reward), and a
reward cell that says otherwise is an error; an amount the decision itself
states goes in its own column, with its reason, as in the admin. The rules
between awards (no title twice a year, prerequisites, the share of Chiến sĩ
thi đua cơ sở) are checked once every row is known, like the lines of one
admin form, so the order of the rows does not matter."""

import copy
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from import_export import fields

from awards.models import AwardLine, AwardStatus, Collective, CollectiveKind, Decision, Person, Title
from awards.models.recipients import _tidy as tidy
from coopportal.lib.scope import EVERYWHERE
from coopportal.lib.text import fold
from registry.excel.formats import remember_headers
from registry.excel.values import CellError, parse_text, shorten
from registry.excel.widgets import ChoiceWidget, DateWidget, IntegerWidget, TextWidget
from registry.models import Cooperative
from registry.resources import ExportOnlyField, ScopedResource, SimpleMeta


class TitleWidget(TextWidget):
    """A title or form of commendation by its Vietnamese or English name or
    its code, diacritics and case ignored; written as its Vietnamese name."""

    titles = None

    def clean(self, value, row=None, **kwargs):
        text = parse_text(value)
        if not text:
            return None
        if self.titles is None:  # a handful of titles, read once per import
            self.titles = {}
            for title in Title.objects.all():
                for name in (title.code, title.name_en, title.name):
                    if name:
                        self.titles[fold(name)] = title
        title = self.titles.get(fold(text))
        if title is not None:
            return title
        raise CellError(_("No title or form of commendation is called “%(value)s”.") % {"value": shorten(text)})

    def render(self, value, obj=None, **kwargs):
        return value.name if value is not None else ""


def _in_province(queryset, scope, field="province_id"):
    return queryset.filter(**{field: scope.province}) if scope.province else queryset


# The English headers accepted in place of the Vietnamese ones.
ENGLISH = {
    "decision_number": "Decision number",
    "decision_date": "Decision date",
    "year": "Year of achievement",
    "title": "Title or form of commendation",
    "full_name": "Full name",
    "job_title": "Job title",
    "unit": "Work unit",
    "collective_name": "Collective",
    "cooperative_code": "Registration code",
    "reason": "Achievement",
    "amount": "Reward (VND)",
    "override_amount": "Amount stated by the decision (VND)",
    "override_note": "Reason for the amount stated",
    "status": "Status",
}


class AwardLineResource(ScopedResource):
    """One row per award line. The columns naming the decision and the
    recipient are read together by ``import_instance`` (a decision needs its
    number and date, a person their name and unit); the others are plain
    fields."""

    decision_number = fields.Field(
        attribute="decision__number", column_name="Số quyết định", widget=TextWidget(), readonly=True
    )
    decision_date = fields.Field(
        attribute="decision__issued_on", column_name="Ngày quyết định", widget=DateWidget(), readonly=True
    )
    year = fields.Field(attribute="decision__year", column_name="Năm thành tích", widget=IntegerWidget(), readonly=True)
    title = fields.Field(attribute="title", column_name="Danh hiệu, hình thức khen thưởng", widget=TitleWidget())
    full_name = fields.Field(attribute="person__full_name", column_name="Họ và tên", widget=TextWidget(), readonly=True)
    job_title = fields.Field(attribute="person__job_title", column_name="Chức vụ", widget=TextWidget(), readonly=True)
    unit = fields.Field(attribute="person__unit", column_name="Đơn vị công tác", widget=TextWidget(), readonly=True)
    collective_name = fields.Field(
        attribute="collective__name", column_name="Tên tập thể", widget=TextWidget(), readonly=True
    )
    cooperative_code = fields.Field(
        attribute="collective__cooperative__registration_code",
        column_name="Mã số HTX",
        widget=TextWidget(),
        readonly=True,
    )
    reason = fields.Field(attribute="reason", column_name="Thành tích", widget=TextWidget())
    amount = fields.Field(
        attribute="entitled_amount", column_name="Số tiền thưởng (đồng)", widget=IntegerWidget(), readonly=True
    )
    override_amount = fields.Field(
        attribute="override_amount", column_name="Số tiền theo quyết định (đồng)", widget=IntegerWidget()
    )
    override_note = fields.Field(
        attribute="override_note", column_name="Lý do ghi số tiền theo quyết định", widget=TextWidget()
    )
    # Written for the reader; a line's status changes by its decision, not by a file.
    status = ExportOnlyField(attribute="status", column_name="Tình trạng", widget=ChoiceWidget(AwardStatus))

    class Meta(SimpleMeta):
        model = AwardLine
        # The line is found by get_instance below (decision, title and
        # recipient); the title column is the one every row must have.
        import_id_fields = ["title"]
        fields = [
            "decision_number",
            "decision_date",
            "year",
            "title",
            "full_name",
            "job_title",
            "unit",
            "collective_name",
            "cooperative_code",
            "reason",
            "amount",
            "override_amount",
            "override_note",
            "status",
        ]
        export_order = fields

    english_headers = ENGLISH

    # Compared to tell an unchanged row (nothing saved, no history).
    COMPARED = ["decision_id", "title_id", "person_id", "collective_id", "reason", "override_amount", "override_note"]

    def get_queryset(self):
        return AwardLine.objects.with_details().in_list_order()

    def export(self, queryset=None, **kwargs):
        # The admin hands its own list: what every row prints comes in one query.
        if hasattr(queryset, "select_related"):
            queryset = queryset.select_related("decision", "title", "person", "collective__cooperative")
        return super().export(queryset=queryset, **kwargs)

    # -- the import's state --------------------------------------------------
    def before_import(self, dataset, scope=EVERYWHERE, **kwargs):
        self.import_scope = scope
        self.row_numbers = getattr(dataset, "row_numbers", None)
        self.header_row = getattr(dataset, "header_row", 1)
        self.seen = {}  # (decision, title, person, collective) -> row of the file
        self.imported = []  # (index in the dataset, row, line) of every line saved
        super().before_import(dataset, **kwargs)

    def file_row(self, index):
        if self.row_numbers and 0 < index <= len(self.row_numbers):
            return self.row_numbers[index - 1]
        return index + self.header_row

    def cell(self, row, name, errors):
        """The value of column ``name`` read by its widget; an unreadable
        cell is an error of that column, and None."""
        field = self.fields[name]
        try:
            return field.widget.clean(row.get(field.column_name), row=row)
        except ValueError as error:
            errors[name] = ValidationError(str(error))
            return None

    # -- finding the decision and the recipient ---------------------------------
    def find_decision(self, row, errors):
        # As Decision.clean stores it: NFC, no spaces ("12/QĐ-LMHTX").
        text = parse_text(row.get(self.fields["decision_number"].column_name))
        number = unicodedata.normalize("NFC", "".join(text.split()))
        issued_on = self.cell(row, "decision_date", errors)
        if not number:
            errors["decision_number"] = ValidationError(_("Give the decision's number."))
        if issued_on is None and "decision_date" not in errors:
            errors["decision_date"] = ValidationError(_("Give the decision's date (dd/mm/yyyy)."))
        if not number or issued_on is None:
            return None
        found = list(_in_province(Decision.objects.filter(number=number, issued_on=issued_on), self.import_scope)[:2])
        if len(found) == 1:
            return found[0]
        if found:
            message = _(
                "Two decisions of different levels are numbered %(number)s on %(date)s: enter this line in the admin."
            )
        else:
            message = _(
                "No decision %(number)s of %(date)s is recorded in your province: enter the decision first "
                "(Commendation decisions), then import its lines."
            )
        errors["decision_number"] = ValidationError(
            message % {"number": shorten(number), "date": issued_on.strftime("%d/%m/%Y")}
        )
        return None

    def find_recipient(self, row, errors, create, province_id=None):
        """(person, collective) named by the row. With ``create``, a person
        or an Alliance unit not yet recorded is recorded in ``province_id``;
        a cooperative's collective is made for it."""
        name = tidy(parse_text(row.get(self.fields["full_name"].column_name)))
        unit = tidy(parse_text(row.get(self.fields["unit"].column_name)))
        collective_name = tidy(parse_text(row.get(self.fields["collective_name"].column_name)))
        code = parse_text(row.get(self.fields["cooperative_code"].column_name))
        if name and (collective_name or code):
            errors["full_name"] = ValidationError(
                _("An award goes to one person or to one collective: fill the person's columns or the collective's.")
            )
            return None, None
        if name:
            return self.find_person(row, name, unit, errors, create, province_id), None
        if code:
            return None, self.find_cooperative(code, errors, create)
        if collective_name:
            return None, self.find_unit(collective_name, errors, create, province_id)
        errors["full_name"] = ValidationError(
            _("Give the person's full name, or the collective's name or registration code.")
        )
        return None, None

    def find_person(self, row, name, unit, errors, create, province_id):
        person = Person.objects.filter(full_name=name, unit=unit).first()
        if person is not None and self.import_scope.province and person.province_id != self.import_scope.province:
            errors["full_name"] = ValidationError(
                _("%(name)s (%(unit)s) is recorded by another province's Alliance.")
                % {"name": shorten(name), "unit": shorten(unit)}
            )
            return None
        if person is None and create:
            job_title = tidy(parse_text(row.get(self.fields["job_title"].column_name)))
            person = Person(full_name=name, unit=unit, job_title=job_title)
            if province_id:
                person.province_id = province_id
            if not self.recorded(person, {"full_name": "full_name", "job_title": "job_title", "unit": "unit"}, errors):
                return None
        return person

    def find_cooperative(self, code, errors, create):
        cooperative = Cooperative.objects.select_related("commune").filter(registration_code=code).first()
        if cooperative is None or not self.import_scope.allows(cooperative.commune):
            errors["cooperative_code"] = ValidationError(
                _("No cooperative has the code %(code)s in your area.") % {"code": shorten(code)}
            )
            return None
        collective = Collective.objects.filter(cooperative=cooperative).first()
        if collective is None and create:
            collective = Collective(kind=CollectiveKind.COOPERATIVE, cooperative=cooperative)
            if not self.recorded(collective, {}, errors, "cooperative_code"):
                return None
        return collective

    def find_unit(self, name, errors, create, province_id):
        collectives = Collective.objects.filter(name=name)
        collective = _in_province(collectives, self.import_scope).first()
        if collective is None and collectives.filter(kind=CollectiveKind.ALLIANCE_UNIT).exists():
            errors["collective_name"] = ValidationError(
                _("The unit “%(name)s” is recorded by another province's Alliance.") % {"name": shorten(name)}
            )
            return None
        if collective is None and create:
            collective = Collective(kind=CollectiveKind.ALLIANCE_UNIT, name=name)
            if province_id:
                collective.province_id = province_id
            if not self.recorded(collective, {}, errors, "collective_name"):
                return None
        return collective

    def recorded(self, record, columns, errors, column=None):
        """Check and save a person or collective the row names for the first
        time; its errors go under the row's columns (``columns`` maps the
        record's fields to them, else ``column``). False if refused."""
        try:
            record.full_clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors[columns.get(name, column or "full_name")] = ValidationError(messages)
            return False
        record.save()
        return True

    def get_instance(self, instance_loader, row):
        errors = {}
        decision = self.find_decision(row, errors)
        person, collective = self.find_recipient(row, errors, create=False)
        title = self.cell(row, "title", errors)
        if errors or decision is None or title is None or (person is None and collective is None):
            return None
        return AwardLine.objects.filter(decision=decision, title=title, person=person, collective=collective).first()

    # -- reading a row -------------------------------------------------------------
    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        decision = self.find_decision(row, errors)
        if decision is not None:
            instance.decision = decision
        person, collective = self.find_recipient(
            row, errors, create=decision is not None, province_id=decision.province_id if decision else None
        )
        instance.person, instance.collective = person, collective
        # The rules between awards wait until every row is known (after_import).
        instance.check_rules_later = True
        if decision is not None:
            self.check_year(decision, row, errors)
            if instance.title_id and (person or collective) and "title" not in errors:
                self.check_repeat(instance, kwargs.get("row_number"), errors)
                self.check_amount(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def check_year(self, decision, row, errors):
        year = self.cell(row, "year", errors)
        if year is not None and year != decision.year:
            errors["year"] = ValidationError(
                _("“%(value)s”: decision %(number)s honours the achievements of %(year)s.")
                % {"value": year, "number": decision.number, "year": decision.year}
            )

    def check_repeat(self, instance, index, errors):
        key = (instance.decision_id, instance.title_id, instance.person_id, instance.collective_id)
        if key in self.seen:
            errors["title"] = ValidationError(
                _("Row %(row)s of the file already gives %(recipient)s “%(title)s” in this decision.")
                % {"row": self.seen[key], "recipient": instance.recipient.name, "title": instance.title}
            )
        elif index is not None:
            self.seen[key] = self.file_row(index)

    def check_amount(self, instance, row, errors):
        """The reward cell, if filled, must be the reward the line gets by
        the law in force on the decision's date (or the amount the decision
        states, when given with its reason)."""
        typed = self.cell(row, "amount", errors)
        if typed is None or "override_amount" in errors:
            return
        valued = copy.copy(instance)
        try:
            valued.value_reward()
        except ValidationError:
            return  # no rate in force: the model's own check says so
        if typed != valued.entitled_amount:
            errors["amount"] = ValidationError(
                _(
                    "“%(value)s”: the law in force on %(date)s gives %(amount)s đồng for “%(title)s”. "
                    "An amount the decision states goes in “%(column)s”, with its reason."
                )
                % {
                    "value": number_format(typed, force_grouping=True),
                    "date": instance.decision.issued_on.strftime("%d/%m/%Y"),
                    "amount": number_format(valued.entitled_amount, force_grouping=True),
                    "title": instance.title,
                    "column": self.fields["override_amount"].column_name,
                }
            )

    # The model's errors under the columns that name what they are about.
    MODEL_COLUMNS = {"decision": "decision_number", "person": "full_name", "collective": "collective_name"}

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own checks, each under its column; a model error about
        a decision or a recipient the row already failed to name is left
        out, since the row's error says why."""
        errors = dict(import_validation_errors or {})
        exclude = set(errors) | {"decision", "person", "collective"}
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            for name, messages in error.update_error_dict({}).items():
                column = self.MODEL_COLUMNS.get(name, name)
                if column in errors or (name in self.MODEL_COLUMNS and set(errors) & self.RECIPIENT_AND_DECISION):
                    continue
                errors[column] = messages
        if errors:
            raise ValidationError(errors)

    RECIPIENT_AND_DECISION = {"decision_number", "decision_date", "full_name", "collective_name", "cooperative_code"}

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or original is None or original.pk is None:
            return False
        return all(getattr(instance, name) == getattr(original, name) for name in self.COMPARED)

    def after_save_instance(self, instance, row, row_number=None, **kwargs):
        self.imported.append((row_number, row, instance))
        super().after_save_instance(instance, row, row_number=row_number, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        """The rules between awards, with every line of the file saved (in
        the import's transaction): an error rolls the whole file back."""
        for index, row, line in self.imported:
            line.check_rules_later = False
            rule_errors = line.rule_errors()
            if rule_errors:
                result.append_invalid_row(index, row, ValidationError({"title": rule_errors}))
        result.invalid_rows.sort(key=lambda invalid: invalid.number)
        super().after_import(dataset, result, **kwargs)


remember_headers(AwardLineResource)
