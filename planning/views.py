import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coopportal.lib.xlsx import table_workbook
from planning import drilldown
from planning.measures import EVERYWHERE, MEASURES, Scope, breakdown_by_commune
from planning.models import Indicator, Target
from planning.progress import plan_for_year, round_half_up
from registry.models import Commune

DRILLDOWN_PAGE_SIZE = 200


def _scope(request):
    """The scope asked for with ?commune=<code>; an unknown code is a 404."""
    code = request.GET.get("commune", "").strip()
    if not code:
        return EVERYWHERE, None
    commune = Commune.objects.filter(code=code).first()
    if commune is None:
        raise Http404(_("No commune has the code %(code)s.") % {"code": code})
    return Scope(commune=code), commune


def _shown(rows):
    """Indicators with neither a target nor an actual this year are left out."""
    return [row for row in rows if row.target is not None or row.actual is not None]


@require_GET
@login_required
def dashboard(request, year):
    scope, commune = _scope(request)
    rows = _shown(plan_for_year(year, scope))
    groups = []
    for row in rows:
        if not groups or groups[-1][0] != row.indicator.group:
            groups.append((row.indicator.group, row.indicator.get_group_display(), []))
        groups[-1][2].append(row)
    today = timezone.localdate()
    years = sorted(
        set(Target.objects.order_by().values_list("year", flat=True).distinct()) | {today.year}, reverse=True
    )
    communes = list(Commune.objects.in_home_province().only("code", "name"))
    count_rows = [r for r in rows if r.indicator.measure and MEASURES[r.indicator.measure].kind == "count"]
    breakdown = breakdown_by_commune([r.indicator.measure for r in count_rows], year, scope)
    names = {c.code: c.name for c in communes}
    if commune:
        names[commune.code] = commune.name
    breakdown_rows = sorted(
        (
            (names.get(code, code), code, [counts.get(r.indicator.measure, 0) for r in count_rows])
            for code, counts in breakdown.items()
        ),
        key=lambda item: item[0],
    )
    context = {
        "year": year,
        "previous_year": year - 1,
        "groups": groups,
        "years": years,
        "communes": communes,
        "commune": commune,
        "is_current_year": year == today.year,
        "computed_at": timezone.localtime(),
        "count_rows": count_rows,
        "breakdown_rows": breakdown_rows,
    }
    return render(request, "planning/dashboard.html", context)


def _number(value, places=2):
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, places))


@require_GET
@login_required
def plan_api(request, year):
    scope, _commune = _scope(request)
    indicators = [
        {
            "code": row.indicator.code,
            "name": row.indicator.display_name,
            "unit": row.indicator.unit,
            "comparison": row.indicator.comparison,
            "target": _number(row.target),
            "actual": _number(row.actual),
            "percent_of_plan": _number(round_half_up(row.percent, 1), 1),
            "status": row.status.value,
        }
        for row in _shown(plan_for_year(year, scope))
    ]
    return JsonResponse({"year": year, "commune": scope.commune, "indicators": indicators})


@require_GET
@login_required
def indicator_records(request, year, code):
    indicator = get_object_or_404(Indicator, code=code)
    if not indicator.measure:
        raise Http404(_("This indicator is not computed from the registry."))
    scope, commune = _scope(request)
    records = drilldown.prepare(MEASURES[indicator.measure].records(year, scope))
    model = records.model
    if request.GET.get("format") == "xlsx":
        stream = io.BytesIO()
        table_workbook(indicator.code, drilldown.headers(model), map(drilldown.cells, records.iterator()), stream)
        response = HttpResponse(
            stream.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        suffix = f"-{commune.code}" if commune else ""
        response["Content-Disposition"] = f'attachment; filename="{indicator.code}-{year}{suffix}.xlsx"'
        return response
    page = Paginator(records, DRILLDOWN_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "year": year,
        "indicator": indicator,
        "commune": commune,
        "communes": Commune.objects.in_home_province().only("code", "name"),
        "headers": drilldown.headers(model),
        "rows": [drilldown.cells(obj) for obj in page.object_list],
        "page": page,
    }
    return render(request, "planning/indicator_records.html", context)
