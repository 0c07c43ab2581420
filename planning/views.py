from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.scoping import request_scope
from awards.models import AwardLine
from coopportal.lib.xlsx import table_workbook, xlsx_response
from places.models import Commune, Province
from planning import drilldown
from planning.measures import MEASURES
from planning.models import Indicator, Target
from planning.progress import as_number, plan_for_year, plan_with_breakdown, round_half_up

DRILLDOWN_PAGE_SIZE = 200
# Sections other apps add below the plan: callables (request, year, scope,
# commune) -> {"template": ..., **context}, registered from their AppConfig.ready().
DASHBOARD_SECTIONS = []


def register_dashboard_section(section):
    if section not in DASHBOARD_SECTIONS:
        DASHBOARD_SECTIONS.append(section)


def award_count(user, year, scope):
    """The year's awards counted on the page: the user's, within the page's province."""
    lines = AwardLine.objects.counting().for_year(year).restrict(user)
    if scope.province:
        lines = lines.filter(decision__province_id=scope.province)
    return lines.count()


def _shown(rows):
    """Indicators with neither a target nor an actual this year are left out."""
    return [row for row in rows if row.target is not None or row.actual is not None]


@require_GET
@login_required
def dashboard(request, year):
    scope, commune, wide = request_scope(request)
    # The whole country breaks down by province, a province by commune.
    by_province = scope.province is None
    plan, breakdown = plan_with_breakdown(year, scope, by_province)
    # Within a group, the indicators with a target come first: they are the plan.
    rows = sorted(
        _shown(plan),
        key=lambda r: (r.indicator.group_order, r.target is None, r.indicator.position, r.indicator.code),
    )
    groups = []
    for row in rows:
        if not groups or groups[-1][0] != row.indicator.group:
            groups.append((row.indicator.group, row.indicator.get_group_display(), []))
        groups[-1][2].append(row)
    today = timezone.localdate()
    years = sorted(
        set(Target.objects.order_by().values_list("year", flat=True).distinct()) | {today.year}, reverse=True
    )
    communes = list(_commune_choices(wide))
    count_rows = [r for r in rows if r.indicator.measure and MEASURES[r.indicator.measure].kind == "count"]
    if by_province:
        names = dict(Province.objects.values_list("code", "name"))
    else:
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
        "breakdown_param": "province" if by_province else "commune",
        "award_count": award_count(request.user, year, scope),
        "sections": [section(request, year, scope, commune) for section in DASHBOARD_SECTIONS],
    }
    return render(request, "planning/dashboard.html", context)


def _commune_choices(wide):
    """The communes the page's commune picker offers: those of the province in view."""
    if not wide.province:
        return Commune.objects.none()
    return Commune.objects.filter(wide.q_commune_itself()).only("code", "name")


@require_GET
@login_required
def plan_api(request, year):
    scope, _commune, _wide = request_scope(request)
    indicators = [
        {
            "code": row.indicator.code,
            "name": row.indicator.display_name,
            "unit": row.indicator.unit,
            "comparison": row.indicator.comparison,
            "target": as_number(row.target, 2),
            "actual": as_number(row.actual, 2),
            "percent_of_plan": as_number(round_half_up(row.percent, 1)),
            "status": row.status.value,
            "source": "computed" if row.indicator.is_computed else "manual",
        }
        for row in _shown(plan_for_year(year, scope))
    ]
    return JsonResponse(
        {"year": year, "province": scope.province, "commune": scope.single_commune, "indicators": indicators}
    )


@require_GET
@login_required
def indicator_records(request, year, code):
    indicator = get_object_or_404(Indicator, code=code)
    if not indicator.measure:
        raise Http404(_("This indicator is not computed from the registry."))
    scope, commune, wide = request_scope(request)
    records = drilldown.prepare(MEASURES[indicator.measure].records(year, scope))
    model = records.model
    if request.GET.get("format") == "xlsx":
        suffix = f"-{commune.code}" if commune else ""
        rows = map(drilldown.cells, records.iterator())
        return xlsx_response(
            f"{indicator.code}-{year}{suffix}.xlsx",
            lambda stream: table_workbook(indicator.code, drilldown.headers(model), rows, stream),
        )
    page = Paginator(records, DRILLDOWN_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "year": year,
        "indicator": indicator,
        "commune": commune,
        "communes": _commune_choices(wide),
        "headers": drilldown.headers(model),
        "rows": [drilldown.cells(obj) for obj in page.object_list],
        "page": page,
    }
    return render(request, "planning/indicator_records.html", context)
