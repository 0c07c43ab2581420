from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Max, Min
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.scoping import request_scope
from awards.models import AwardLine
from coopportal.lib.xlsx import table_workbook, xlsx_response
from places.admin_units import commune_locations
from places.models import Commune, Province
from planning import charts, drilldown
from planning.measures import MEASURES, STANDARD_FIGURES, figures
from planning.models import Indicator, ManualActual, Target
from planning.progress import PlanArea, as_number, choose_former_province, plan_report, plan_rows_filter, resolve_area
from planning.units import round_half_up, shown
from registry.models import CooperativeReport

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


def years_offered(today):
    """The years the year switcher offers: every year with targets or
    typed-in actuals, every year from the first to the last yearly report,
    and this year. Two queries; the reports' first and last years come from
    their year index, not from reading every report."""
    planned = (
        Target.objects.order_by()
        .values_list("year", flat=True)
        .union(ManualActual.objects.order_by().values_list("year", flat=True))
    )
    span = CooperativeReport.objects.aggregate(first=Min("year"), last=Max("year"))
    reported = range(span["first"], span["last"] + 1) if span["first"] else []
    return sorted(set(planned) | set(reported) | {today.year}, reverse=True)


def _asked_former(request):
    """?former=15 asks for a former province's plan, ?former=none for today's area."""
    asked = request.GET.get("former", "").strip()
    return "" if asked == "none" else (asked or None)


@require_GET
@login_required
def latest(request):
    """This year's dashboard, or the latest year's that has a plan when
    this year has none."""
    this_year = timezone.localdate().year
    latest_plan = Target.objects.filter(year__lte=this_year).order_by("-year").values_list("year", flat=True).first()
    year = latest_plan or this_year
    query = request.GET.urlencode()
    return redirect(reverse("planning:dashboard", args=[year]) + (f"?{query}" if query else ""))


@require_GET
@login_required
def dashboard(request, year):
    scope, commune, picker_scope = request_scope(request)
    # The whole country breaks down by province, a province by commune.
    by_province = scope.province is None
    former = _asked_former(request)
    report = plan_report(year, scope, by_province, former)
    today = timezone.localdate()
    communes = list(commune_choices(picker_scope))
    province = Province.objects.filter(code=scope.province).first() if scope.province else None
    if by_province:
        names = dict(Province.objects.values_list("code", "name"))
    else:
        names = {c.code: c.name for c in communes}
        if commune:
            names[commune.code] = commune.name
    breakdown_rows = report.breakdown_rows(names)
    map_row = next((r for r in report.count_rows if r.indicator.code == request.GET.get("map")), None)
    map_row = map_row or next(iter(report.count_rows), None)
    dots = []
    if map_row and not by_province:
        values = {code: counts.get(map_row.indicator.measure, 0) for code, counts in report.breakdown.items()}
        dots = charts.map_dots(values, commune_locations(scope.province), names)
    context = {
        "year": year,
        "previous_year": year - 1,
        "report": report,
        "groups": report.groups,
        "area_name": report.area.name(province.name) if province else None,
        "years": years_offered(today),
        "communes": communes,
        "commune": commune,
        "is_current_year": year == today.year,
        "computed_at": timezone.localtime(),
        "count_rows": report.count_rows,
        "breakdown_rows": breakdown_rows,
        "breakdown_param": "province" if by_province else "commune",
        "map_row": map_row,
        "dots": dots,
        "map_size": charts.MAP_SIZE,
        "award_count": award_count(request.user, year, scope),
        "sections": [section(request, year, scope, commune) for section in DASHBOARD_SECTIONS],
    }
    return render(request, "planning/dashboard.html", context)


def commune_choices(picker_scope):
    """The communes the page's commune picker offers: those of the province in view."""
    if not picker_scope.province:
        return Commune.objects.none()
    return Commune.objects.filter(picker_scope.q_commune_itself()).only("code", "name")


def _json_row(row):
    divides = row.divides
    return {
        "code": row.indicator.code,
        "name": row.indicator.display_name,
        "unit": row.indicator.unit,
        "unit_label": str(row.unit.label),
        "comparison": row.indicator.comparison,
        "target": as_number(row.target, 2),
        "actual": as_number(shown(row.actual, row.unit)),
        "numerator": as_number(divides[0]) if divides else None,
        "denominator": as_number(divides[1]) if divides else None,
        "percent_of_plan": as_number(round_half_up(row.percent)),
        "status": row.status.value,
        "source": row.source,
        "definition": row.definition,
    }


@require_GET
@login_required
def plan_api(request, year):
    scope, _commune, _wide = request_scope(request)
    former = _asked_former(request)
    report = plan_report(year, scope, None, former)
    return JsonResponse(
        {
            "year": year,
            "province": scope.province,
            "former_province": report.area.former_province or None,
            "commune": scope.single_commune,
            "indicators": [_json_row(row) for row in report.shown],
        }
    )


@require_GET
@login_required
def figures_api(request, year):
    """The standard collective-economy figures of the year over the page's
    area (as the year's plan names it), each with its unit and definition."""
    scope, _commune, _wide = request_scope(request)
    area = resolve_area(year, scope, _asked_former(request))[0]
    computed = figures(set(STANDARD_FIGURES), [year], area.scope)
    rows = []
    for code in STANDARD_FIGURES:
        measure, figure = MEASURES[code], computed[(code, year)]
        divides = measure.parts_unit is not None
        rows.append(
            {
                "code": code,
                "name": str(measure.label),
                "unit": measure.unit.value,
                "unit_label": str(measure.unit.label),
                "value": as_number(shown(figure.value, measure.unit)),
                "numerator": as_number(figure.numerator) if divides else None,
                "denominator": as_number(figure.denominator) if divides else None,
                "source": "computed",
                "definition": measure.definition,
            }
        )
    return JsonResponse(
        {
            "year": year,
            "province": scope.province,
            "former_province": area.former_province or None,
            "commune": scope.single_commune,
            "figures": rows,
        }
    )


@require_GET
@login_required
def indicator_records(request, year, code):
    indicator = get_object_or_404(Indicator, code=code)
    measure = indicator.computed_by
    if measure is None:
        raise Http404(_("This indicator is not computed from the registry."))
    scope, commune, picker_scope = request_scope(request)
    area = resolve_area(year, scope, _asked_former(request))[0]
    figure = figures({measure.code}, [year], area.scope)[(measure.code, year)]
    try:
        part = int(request.GET.get("part", ""))
    except ValueError:
        part = None
    if part is not None and not 0 <= part < len(measure.parts):
        raise Http404(_("This figure has no such part."))
    records = drilldown.prepare(measure.records(year, area.scope, part))
    model = records.model
    keys = measure.columns
    if request.GET.get("format") == "xlsx":
        suffix = f"-{commune.code}" if commune else ""
        rows = (drilldown.cells(obj, keys) for obj in records.iterator())
        return xlsx_response(
            f"{indicator.code}-{year}{suffix}.xlsx",
            lambda stream: table_workbook(indicator.code, drilldown.headers(model, keys), rows, stream),
        )
    page = Paginator(records, DRILLDOWN_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "year": year,
        "indicator": indicator,
        "figure": figure,
        "divides": (figure.numerator, figure.denominator, measure.parts_unit) if measure.parts_unit else None,
        "measure": measure,
        "parts": [(index, p.label) for index, p in enumerate(measure.parts)] if len(measure.parts) > 1 else [],
        "part": part if part is not None else (len(measure.numerator) if len(measure.parts) > 1 else 0),
        "commune": commune,
        "communes": commune_choices(picker_scope),
        "headers": drilldown.headers(model, keys),
        "rows": [(drilldown.link(obj), drilldown.cells(obj, keys)) for obj in page.object_list],
        "page": page,
    }
    return render(request, "planning/indicator_records.html", context)


@require_GET
@login_required
def indicator_trend(request, code):
    """Actual against target over every year with targets or data, as a
    chart drawn on the server, each year over the area its plan was set for."""
    indicator = get_object_or_404(Indicator, code=code)
    scope, commune, _wide = request_scope(request)
    offered = years_offered(timezone.localdate())
    years = list(range(min(offered), max(offered) + 1))
    where = plan_rows_filter(scope)
    targets = {}
    if where is not None:
        for target in Target.objects.filter(indicator=indicator, **where):
            targets.setdefault(target.year, []).append(target)
    manual = {}
    if where is not None and not indicator.measure:
        for entry in ManualActual.objects.filter(indicator=indicator, **where).order_by("as_of", "id"):
            manual[(entry.year, entry.former_province)] = entry.value
    # Each year over its plan's area; the years of one area in one computation.
    areas = {}
    for year in years:
        formers = sorted({t.former_province for t in targets.get(year, [])})
        former = choose_former_province(formers, scope.province) if scope.province and not scope.communes else ""
        areas.setdefault(former, []).append(year)
    actuals = {}
    for former, area_years in areas.items():
        if indicator.measure:
            computed = figures({indicator.measure}, area_years, PlanArea.of(scope, former).scope)
            actuals.update({(y, former): computed[(indicator.measure, y)].value for y in area_years})
        else:
            actuals.update({(y, former): manual.get((y, former)) for y in area_years})
    points = []
    for former, area_years in areas.items():
        for year in area_years:
            target = next((t.value for t in targets.get(year, []) if t.former_province == former), None)
            points.append((year, actuals[(year, former)], target))
    points.sort()
    points = [p for p in points if p[1] is not None or p[2] is not None]
    context = {
        "indicator": indicator,
        "commune": commune,
        "points": points,
        "bars": charts.trend_bars(points),
        "width": charts.TREND_WIDTH,
        "height": charts.TREND_HEIGHT,
        "baseline": charts.TREND_HEIGHT - charts.TREND_BOTTOM,
    }
    return render(request, "planning/indicator_trend.html", context)
