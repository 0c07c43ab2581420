"""Timing pages and the API through Django's test client, as a logged-in
user: the full request path (middleware, scoping, queries, template) without
the network. Query counts come from the same runs."""

from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from bench.common import timed


def client_for(username="bench-admin", superuser=True, province=None):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if created:
        user.is_superuser = superuser
        user.is_staff = True
        user.set_password("bench-password-long")
        user.save()
    if province is not None:
        profile = user.profile
        profile.province_id = province
        profile.save()
    client = Client()
    client.force_login(user)
    return client


def write_one(province=None):
    """A real write through the ORM, as an office makes one: one HTX of the
    measured area saved (unchanged), so that its signals run as a form's
    save does (data version, its commune's summary rows marked stale)."""
    from registry.models import Cooperative

    cooperatives = Cooperative.objects.order_by("pk")
    if province:
        cooperatives = cooperatives.filter(commune__province_id=province)
    cooperatives.first().save()


def refound_one(province=None):
    """A write to what the Alliance's figures read too: one HTX of the area
    saved with its registration date moved by a day (and back on the next
    call), so that every figure of the page is recomputed."""
    import datetime

    from registry.models import Cooperative

    cooperatives = Cooperative.objects.order_by("pk")
    if province:
        cooperatives = cooperatives.filter(commune__province_id=province)
    coop = cooperatives.first()
    step = datetime.timedelta(days=1 if coop.registration_date.day < 28 else -1)
    coop.registration_date += step if coop.registration_date.day % 2 else -step
    coop.save()


def mark_one(province=None):
    """A write whose marks the reader recomputes: one HTX of the area
    updated in bulk (no signals) and its commune marked, as a bulk path
    does; the timed request then refreshes that commune's summary rows."""
    from django.utils import timezone

    from registry.models import Cooperative, DataVersion

    cooperatives = Cooperative.objects.order_by("pk")
    if province:
        cooperatives = cooperatives.filter(commune__province_id=province)
    coop = cooperatives.first()
    Cooperative.objects.filter(pk=coop.pk).update(updated_at=timezone.now())
    DataVersion.bump([coop.commune_id])


@contextmanager
def figures_from_the_registry():
    """Figures computed as before the summary rows: one aggregate per source
    table over the whole registry (as ``direct_figures``), for a before/after
    in the same run."""
    from planning import measures

    original = measures._figures

    def direct(codes, years, scope, by_province=None, summarised=False):
        return original(codes, years, scope, by_province)

    measures._figures = direct
    try:
        yield
    finally:
        measures._figures = original


def measure(
    table,
    client,
    label,
    url,
    repeat,
    expect_status=200,
    note="",
    cold=False,
    province=None,
    write=write_one,
    empty_cache=False,
):
    """Median and p95 of ``repeat`` requests. ``cold``: before each (not
    timed), one HTX of the area (``province``, or anywhere) is written
    (``write``: saved through the ORM), as just after an office's write: the
    write's version bump is what makes cached figures stale.
    ``empty_cache``: the figures cache is emptied too, as for a worker
    process that has never computed them."""

    def before():
        write(province)
        if empty_cache:
            cache.clear()

    def once():
        response = client.get(url)
        assert response.status_code == expect_status, (url, response.status_code)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)

    client.get(url)  # warm up: caches, the session's first-request write
    median, p95, queries = timed(once, repeat, before if cold else None)
    table.add(label, f"{median * 1000:.0f} ms", f"{p95 * 1000:.0f} ms", f"{queries} queries{note}")
    return median, p95, queries
