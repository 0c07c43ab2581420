from dataclasses import dataclass
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from awards.models import AwardLine, Collective, Decision, Person, Title


@dataclass
class TitleGroup:
    """The awards of one title in a year's list, with their reward money."""

    title: Title
    lines: list

    @property
    def total(self):
        return sum(line.reward_amount for line in self.lines)


def _history(lines):
    """[(year, lines)], most recent year first."""
    return [(year, list(rows)) for year, rows in groupby(lines, key=lambda line: line.decision.year)]


@require_GET
@login_required
def index(request):
    """The latest year with awards, or this year when there is none."""
    latest = Decision.objects.restrict(request.user).aggregate(latest=Max("year"))["latest"]
    return redirect("awards:year", year=latest or timezone.localdate().year)


@require_GET
@login_required
def award_year(request, year):
    """The year's awards grouped by title, with reward money: the list read
    out and printed for the ceremony. Revoked awards are listed apart."""
    lines = list(AwardLine.objects.for_year(year).restrict(request.user).with_details().in_list_order())
    counting = [line for line in lines if line.is_counting]
    groups = [TitleGroup(title, list(rows)) for title, rows in groupby(counting, key=lambda line: line.title)]
    years = set(Decision.objects.order_by().restrict(request.user).values_list("year", flat=True).distinct())
    context = {
        "year": year,
        "years": sorted(years | {year}, reverse=True),
        "groups": groups,
        "count": len(counting),
        "total": sum(group.total for group in groups),
        "revoked": [line for line in lines if not line.is_counting],
    }
    return render(request, "awards/awardline_list.html", context)


# What each kind of recipient's page shows beside its awards.
RECIPIENT_RELATED = {Person: [], Collective: ["cooperative"]}


@require_GET
@login_required
def recipient_detail(request, pk, model):
    """A person's or a collective's awards (``model`` from the URL)."""
    visible = model.objects.select_related(*RECIPIENT_RELATED[model]).restrict(request.user)
    recipient = get_object_or_404(visible, pk=pk)
    lines = list(recipient.awards.with_details().order_by("-decision__year", "title__position", "decision__issued_on"))
    context = {
        "recipient": recipient,
        "history": _history(lines),
        "total": sum(line.reward_amount for line in lines if line.is_counting),
    }
    return render(request, f"awards/{model._meta.model_name}_detail.html", context)
