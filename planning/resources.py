"""django-import-export resources of the plan: yearly targets and manual
actuals, with the registry's widgets (Vietnamese numbers and dates) and
its all-or-nothing, area-bound import (registry.resources.ScopedResource).
English headers are accepted too."""

from import_export import fields

from places.models import Commune, Province
from planning.models import Indicator, ManualActual, Target
from registry.excel.formats import remember_headers
from registry.excel.widgets import DateWidget, DecimalWidget, IntegerWidget, RecordWidget, TextWidget
from registry.resources import ScopedResource, SimpleMeta


def _province_in_area(province, scope):
    return not scope.province or province.code == scope.province


def _commune_in_area(commune, scope):
    return scope.allows(commune)


# The English headers of the columns every plan sheet has.
PLACE_YEAR_ENGLISH = {
    "indicator": "Indicator code",
    "year": "Year",
    "province": "Province code",
    "commune": "Commune code",
}


class PlaceYearResource(ScopedResource):
    """The columns saying what, when and where: indicator, year, province,
    commune (blank for the whole province)."""

    indicator = fields.Field(attribute="indicator", column_name="Mã chỉ tiêu", widget=RecordWidget(Indicator, "code"))
    year = fields.Field(attribute="year", column_name="Năm", widget=IntegerWidget())
    province = fields.Field(
        attribute="province", column_name="Mã tỉnh", widget=RecordWidget(Province, "code", in_area=_province_in_area)
    )
    commune = fields.Field(
        attribute="commune", column_name="Mã xã", widget=RecordWidget(Commune, "code", in_area=_commune_in_area)
    )


class TargetResource(PlaceYearResource):
    value = fields.Field(attribute="value", column_name="Chỉ tiêu", widget=DecimalWidget())
    source_document = fields.Field(attribute="source_document", column_name="Văn bản giao", widget=TextWidget())

    class Meta(SimpleMeta):
        model = Target
        import_id_fields = ["indicator", "year", "province", "commune"]
        fields = ["indicator", "year", "province", "commune", "value", "source_document"]
        export_order = fields

    english_headers = {**PLACE_YEAR_ENGLISH, "value": "Target", "source_document": "Assigning document"}


class ManualActualResource(PlaceYearResource):
    value = fields.Field(attribute="value", column_name="Kết quả", widget=DecimalWidget())
    as_of = fields.Field(attribute="as_of", column_name="Tính đến ngày", widget=DateWidget())
    note = fields.Field(attribute="note", column_name="Ghi chú, minh chứng", widget=TextWidget())

    class Meta(SimpleMeta):
        model = ManualActual
        import_id_fields = ["indicator", "year", "province", "commune"]
        fields = ["indicator", "year", "province", "commune", "value", "as_of", "note"]
        export_order = fields

    english_headers = {**PLACE_YEAR_ENGLISH, "value": "Result", "as_of": "As of", "note": "Note or evidence"}

    def before_save_instance(self, instance, row, user=None, **kwargs):
        # As the admin form does: a new figure records who typed it in.
        if instance.entered_by_id is None and user is not None:
            instance.entered_by = user
        super().before_save_instance(instance, row, user=user, **kwargs)


remember_headers(TargetResource, ManualActualResource)
