"""django-import-export resources of the registry: cooperatives and unions,
and cooperative groups (THT).

The columns are those of ``registry.excel.columns`` (today's Vietnamese
headers, English accepted), each a Field with one of our widgets. Import
keeps the portal's guarantees in the library's workflow: every row is
validated first, in one pass, with every error of every row (row, column,
value, reason); a file with any error writes nothing; a valid one is written
with bulk inserts and updates, and ``after_import`` adds the dated status
rows, the change history and the data-version bump in the same transaction.
The importing user's area comes in the resource's kwargs (``scope``) or
from the ``user`` the admin passes to ``import_data``.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from import_export import fields, resources
from import_export.results import Result, RowResult

from coopportal.lib.scope import EVERYWHERE
from coopportal.lib.text import fold
from registry.excel.columns import COOPERATIVES, GROUPS
from registry.excel.formats import remember_headers
from registry.excel.importer import plan_import, record_history, write_records
from registry.excel.widgets import (
    ChoiceWidget,
    CommuneWidget,
    DateWidget,
    IntegerWidget,
    RecordWidget,
    TextWidget,
    YesNoWidget,
)
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    OcopProduct,
    ValueChainModel,
)


class ImportResult(Result):
    """The library's Result, carrying the plan: what each row would do,
    the values before each change, and every error."""

    plan = None


class ReportingRows(list):
    """The rows of a file, telling ``progress("check", done, total)`` every
    EVERY rows as the check goes through them. The check makes a few quick
    passes (keys, lookups) and one slow one, row by row; a page that looks
    every second or two sees the slow one."""

    EVERY = 250

    def __init__(self, rows, progress):
        super().__init__(rows)
        self.progress = progress

    def __iter__(self):
        total = len(self)
        for done, row in enumerate(super().__iter__(), start=1):
            if not done % self.EVERY or done == total:
                self.progress("check", done, total)
            yield row


class RegistryResource(resources.ModelResource):
    sheet = None  # a registry.excel.columns.Sheet

    def __init__(self, scope=None, **kwargs):
        super().__init__(**kwargs)
        self.scope = scope

    @classmethod
    def get_result_class(cls):
        return ImportResult

    def scope_for(self, user):
        if self.scope is not None:
            return self.scope
        if user is None:
            return EVERYWHERE
        from accounts.scoping import scope_for

        return scope_for(user)

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=False,
        user=None,
        progress=None,
        **kwargs,
    ):
        """Validate every row at once, then, unless ``dry_run`` or any row
        failed, write them all in one transaction. Always all or nothing:
        ``rollback_on_validation_errors`` is how this resource works.
        ``progress(stage, done, total)``, if given, hears how far it is
        (a background import shows it): "check" with the rows checked,
        then "write" and "history"."""
        header_row = getattr(dataset, "header_row", 1)
        rows = getattr(dataset, "table_rows", None)  # as the guarded format read them, with row numbers
        if rows is None:
            first = header_row + 1
            rows = [(number, list(cells)) for number, cells in enumerate(dataset, start=first)]
        if progress is not None:
            rows = ReportingRows(rows, progress)
        plan = plan_import(self.sheet, list(dataset.headers), rows, self.scope_for(user), header_row)
        result = self.get_result_class()()
        result.plan = plan
        result.add_dataset_headers(dataset.headers)
        if not plan.ok:
            self._report_errors(result, plan, rows)
            return result
        result.totals[RowResult.IMPORT_TYPE_NEW] = len(plan.created)
        result.totals[RowResult.IMPORT_TYPE_UPDATE] = len(plan.updated)
        result.totals[RowResult.IMPORT_TYPE_SKIP] = plan.unchanged
        if dry_run:
            return result
        # An IntegrityError here means another import wrote the same codes (or
        # names) between the checks and the write: nothing of this one is kept.
        with transaction.atomic():
            if progress is not None:
                progress("write", 0, 0)
            self.before_import(dataset, **kwargs)
            status_rows = write_records(plan)
            if progress is not None:
                progress("history", 0, 0)
            self.after_import(dataset, result, user=user, status_rows=status_rows, **kwargs)
        return result

    def after_import(self, dataset, result, user=None, status_rows=None, **kwargs):
        """Status rows, change history and the data-version bump, in the
        import's transaction."""
        record_history(result.plan, status_rows or {}, user)

    def _report_errors(self, result, plan, rows):
        cells = dict(rows)
        by_row = {}
        for error in plan.errors:
            by_row.setdefault(error.row, []).append(error)
        for number, errors in sorted(by_row.items()):
            messages = {}
            for error in errors:
                where = error.column or "__all__"
                messages.setdefault(where, []).append(
                    f"“{error.value}”: {error.message}" if error.value else error.message
                )
            values = cells.get(number, [])
            result.append_invalid_row(number, dict(zip(plan.headers, values, strict=False)), ValidationError(messages))


def _fields(sheet):
    """One Field per column, with its widget; the commune is one field read
    from the code column or, when blank, the name column."""
    declared = {}
    for column in sheet.columns:
        if column.key == "commune_code":
            declared["commune"] = fields.Field(
                attribute="commune", column_name=column.vi, widget=CommuneWidget(name_columns=["Xã, phường"])
            )
        elif column.key == "commune":
            declared["commune_name"] = fields.Field(
                attribute="commune__name", column_name=column.vi, widget=TextWidget(), readonly=True
            )
        elif column.key == "upgraded_to":
            declared[column.key] = fields.Field(
                attribute="upgraded_to__registration_code", column_name=column.vi, widget=TextWidget(), readonly=True
            )
        else:
            declared[column.key] = fields.Field(attribute=column.key, column_name=column.vi, widget=column.widget)
    return declared


def _resource(name, sheet, model, import_id_fields, related):
    """A resource class for ``sheet``: its columns in the template's order."""
    declared = _fields(sheet)

    class Meta:
        pass

    Meta.model = model
    Meta.import_id_fields = import_id_fields
    Meta.fields = list(declared)
    Meta.export_order = list(declared)

    def get_export_queryset(self, request=None):
        return super(resource, self).get_export_queryset(request).select_related(*related)

    resource = type(
        name,
        (RegistryResource,),
        {"__module__": __name__, "sheet": sheet, "Meta": Meta, "get_export_queryset": get_export_queryset, **declared},
    )
    return resource


CooperativeResource = _resource("CooperativeResource", COOPERATIVES, Cooperative, ["registration_code"], ["commune"])
CooperativeGroupResource = _resource(
    "CooperativeGroupResource", GROUPS, CooperativeGroup, ["name", "commune"], ["commune", "upgraded_to"]
)
RESOURCES = {"cooperatives": CooperativeResource, "groups": CooperativeGroupResource}


def shown(value):
    """A value as the preview shows it: dates dd/mm/yyyy, numbers grouped as
    the user's language writes them ("450.000"), nothing for a blank."""
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return number_format(value, force_grouping=True)
    return str(value)


class PreviewDiff(resources.Diff):
    """The library's preview of a row, with values written as people read them."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.left = [shown(field.export(instance)) for field in resource.get_import_fields()]

    def compare_with(self, resource, instance):
        self.right = [shown(field.export(instance)) for field in resource.get_import_fields()]


class ExportOnlyField(fields.Field):
    """A column the export writes for people to read (a name beside its
    code, a status) and an import never reads: not listed among the
    columns of the import page, nor in its preview."""

    def __init__(self, **kwargs):
        super().__init__(readonly=True, **kwargs)


class ScopedResource(resources.ModelResource):
    """A resource for the simpler sheets (yearly reports, OCOP products,
    value-chain models, plan targets and actuals…): the library's row-by-row
    import with the model's own validation (``clean_model_instances``),
    every row checked and every error reported, all or nothing
    (``rollback_on_validation_errors``), unchanged rows skipped; saves go
    through the models, so their history and the data version follow. The
    importing user's area reaches the widgets as ``scope``.

    ``english_headers`` ({field name: header}) are accepted in place of the
    Vietnamese headers; ``remember_headers`` knows them too, so that the
    header row of an English file is found below its title rows."""

    english_headers = {}

    def __init__(self, scope=None, **kwargs):
        super().__init__(**kwargs)
        self.scope = scope

    def get_import_fields(self):
        return [field for field in super().get_import_fields() if not isinstance(field, ExportOnlyField)]

    def before_import(self, dataset, **kwargs):
        # English headers read as their Vietnamese columns, before the
        # library looks for its key columns.
        if self.english_headers:
            vietnamese = {fold(header): self.fields[name].column_name for name, header in self.english_headers.items()}
            dataset.headers = [vietnamese.get(fold(h), h) if isinstance(h, str) else h for h in dataset.headers]
        super().before_import(dataset, **kwargs)

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        kwargs.setdefault("rollback_on_validation_errors", True)
        if self.scope is not None:
            scope = self.scope
        elif kwargs.get("user") is not None:
            from accounts.scoping import scope_for

            scope = scope_for(kwargs["user"])
        else:
            scope = EVERYWHERE
        result = super().import_data(
            dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True, scope=scope, **kwargs
        )
        self._name_places(dataset, result)
        return result

    @classmethod
    def get_diff_class(cls):
        return PreviewDiff

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # A key cell that cannot be read (an unknown code…): the row is
            # then checked as a new record, so that this cell's error comes
            # with every other error of the row, as a validation error.
            return None

    def _name_places(self, dataset, result):
        """Errors as people look for them: the spreadsheet's row number
        (title rows counted) and the column's header, the bad value quoted."""
        numbers = getattr(dataset, "row_numbers", None)
        columns = {name: field.column_name for name, field in self.fields.items()}
        for row in result.invalid_rows:
            if numbers and 0 < row.number <= len(numbers):
                row.number = numbers[row.number - 1]
            else:
                row.number += getattr(dataset, "header_row", 1)
            row.error_dict = {columns.get(name, name): messages for name, messages in row.error_dict.items()}


def cooperative_in_area(cooperative, scope):
    return scope.allows(cooperative.commune)


def cooperative_field(column_name="Mã số HTX"):
    return fields.Field(
        attribute="cooperative",
        column_name=column_name,
        widget=RecordWidget(Cooperative, "registration_code", in_area=cooperative_in_area),
    )


class SimpleMeta:
    skip_unchanged = True
    report_skipped = False
    clean_model_instances = True


class CooperativeReportResource(ScopedResource):
    cooperative = cooperative_field()
    year = fields.Field(attribute="year", column_name="Năm", widget=IntegerWidget())
    members = fields.Field(attribute="members", column_name="Số thành viên", widget=IntegerWidget())
    regular_workers = fields.Field(
        attribute="regular_workers", column_name="Số lao động thường xuyên", widget=IntegerWidget()
    )
    revenue = fields.Field(attribute="revenue", column_name="Doanh thu (đồng)", widget=IntegerWidget())
    profit = fields.Field(attribute="profit", column_name="Lợi nhuận (đồng)", widget=IntegerWidget(minimum=None))
    avg_income = fields.Field(
        attribute="avg_income", column_name="Thu nhập bình quân (đồng/người/năm)", widget=IntegerWidget()
    )
    classification = fields.Field(
        attribute="classification", column_name="Xếp loại", widget=ChoiceWidget(Classification)
    )
    managers_total = fields.Field(attribute="managers_total", column_name="Số cán bộ quản lý", widget=IntegerWidget())
    managers_degree = fields.Field(
        attribute="managers_degree", column_name="Cán bộ quản lý có trình độ cao đẳng, đại học", widget=IntegerWidget()
    )
    managers_trained = fields.Field(
        attribute="managers_trained", column_name="Cán bộ quản lý được đào tạo", widget=IntegerWidget()
    )

    class Meta(SimpleMeta):
        model = CooperativeReport
        import_id_fields = ["cooperative", "year"]
        fields = [
            "cooperative",
            "year",
            "members",
            "regular_workers",
            "revenue",
            "profit",
            "avg_income",
            "classification",
            "managers_total",
            "managers_degree",
            "managers_trained",
        ]
        export_order = fields


class OcopProductResource(ScopedResource):
    name = fields.Field(attribute="name", column_name="Tên sản phẩm", widget=TextWidget())
    cooperative = cooperative_field()
    stars = fields.Field(attribute="stars", column_name="Số sao", widget=IntegerWidget())
    certified_on = fields.Field(attribute="certified_on", column_name="Ngày công nhận", widget=DateWidget())
    alliance_supported = fields.Field(
        attribute="alliance_supported", column_name="Liên minh HTX hỗ trợ", widget=YesNoWidget()
    )

    class Meta(SimpleMeta):
        model = OcopProduct
        import_id_fields = ["name", "cooperative"]
        fields = ["name", "cooperative", "stars", "certified_on", "alliance_supported"]
        export_order = fields


class ValueChainModelResource(ScopedResource):
    cooperative = cooperative_field()
    name = fields.Field(attribute="name", column_name="Tên mô hình", widget=TextWidget())
    product = fields.Field(attribute="product", column_name="Sản phẩm", widget=TextWidget())
    built_on = fields.Field(attribute="built_on", column_name="Ngày xây dựng", widget=DateWidget())

    class Meta(SimpleMeta):
        model = ValueChainModel
        import_id_fields = ["cooperative", "name"]
        fields = ["cooperative", "name", "product", "built_on"]
        export_order = fields


remember_headers(CooperativeReportResource, OcopProductResource, ValueChainModelResource)
