from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.scoping import request_scope
from coopportal.lib.xlsx import table_workbook, xlsx_response
from planning import drilldown
from planning.views import DRILLDOWN_PAGE_SIZE, commune_choices
from support.measures import BY_CODE


@require_GET
@login_required
def measure_records(request, year, code):
    """The records behind one of the Alliance's figures, as a page or .xlsx."""
    measure = BY_CODE.get(code)
    if measure is None:
        raise Http404(_("No figure of the Alliance's work has this code."))
    scope, commune, picker_scope = request_scope(request)
    records = drilldown.prepare(measure.records(year, scope))
    model = records.model
    if request.GET.get("format") == "xlsx":
        suffix = f"-{commune.code}" if commune else ""
        rows = map(drilldown.cells, records.iterator())
        return xlsx_response(
            f"{code}-{year}{suffix}.xlsx",
            lambda stream: table_workbook(code, drilldown.headers(model), rows, stream),
        )
    page = Paginator(records, DRILLDOWN_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "year": year,
        "measure": measure,
        "commune": commune,
        "communes": commune_choices(picker_scope),
        "headers": drilldown.headers(model),
        "rows": [(None, drilldown.cells(obj)) for obj in page.object_list],
        "page": page,
    }
    return render(request, "support/measure_records.html", context)
