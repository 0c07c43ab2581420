from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from registry.models import Cooperative, CooperativeGroup

SEARCH_LIMIT = 100


@require_GET
@login_required
def search(request):
    """Find cooperatives and groups by name, code, representative or commune,
    ignoring diacritics and case."""
    query = request.GET.get("q", "").strip()
    cooperatives = groups = []
    if query:
        found = Cooperative.objects.search(query).restrict(request.user)
        cooperatives = list(found.select_related("commune")[: SEARCH_LIMIT + 1])
        found = CooperativeGroup.objects.search(query).restrict(request.user)
        groups = list(found.select_related("commune")[: SEARCH_LIMIT + 1])
    context = {
        "query": query,
        "cooperatives": cooperatives[:SEARCH_LIMIT],
        "groups": groups[:SEARCH_LIMIT],
        "more": len(cooperatives) > SEARCH_LIMIT or len(groups) > SEARCH_LIMIT,
        "limit": SEARCH_LIMIT,
    }
    return render(request, "registry/search.html", context)


@require_GET
@login_required
def cooperative_detail(request, pk):
    visible = Cooperative.objects.select_related("commune__province").restrict(request.user)
    cooperative = get_object_or_404(visible, pk=pk)
    context = {
        "cooperative": cooperative,
        "status_changes": cooperative.status_changes.all(),
        "reports": cooperative.reports.order_by("-year"),
        "ocop_products": cooperative.ocop_products.all(),
        "value_chain_models": cooperative.value_chain_models.all(),
    }
    return render(request, "registry/cooperative_detail.html", context)
