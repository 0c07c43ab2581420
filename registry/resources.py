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

from django.core.exceptions import ValidationError
from django.db import transaction
from import_export import fields, resources
from import_export.results import Result, RowResult

from coopportal.lib.scope import EVERYWHERE
from registry.excel.columns import COOPERATIVES, GROUPS
from registry.excel.importer import plan_import, record_history, write_records
from registry.excel.widgets import CommuneWidget, TextWidget
from registry.models import Cooperative, CooperativeGroup


class ImportResult(Result):
    """The library's Result, carrying the plan: what each row would do,
    the values before each change, and every error."""

    plan = None


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
        **kwargs,
    ):
        """Validate every row at once, then, unless ``dry_run`` or any row
        failed, write them all in one transaction. Always all or nothing:
        ``rollback_on_validation_errors`` is how this resource works."""
        header_row = getattr(dataset, "header_row", 1)
        numbers = getattr(dataset, "row_numbers", None) or range(header_row + 1, header_row + 1 + len(dataset))
        rows = [(number, list(cells)) for number, cells in zip(numbers, dataset, strict=True)]
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
            self.before_import(dataset, **kwargs)
            status_rows = write_records(plan)
            self.after_import(dataset, result, user=user, status_rows=status_rows, **kwargs)
        return result

    def after_import(self, dataset, result, user=None, status_rows=(), **kwargs):
        """Status rows, change history and the data-version bump, in the
        import's transaction."""
        record_history(result.plan, status_rows, user)

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
