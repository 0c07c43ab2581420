"""Timing pages and the API through Django's test client, as a logged-in
user: the full request path (middleware, scoping, queries, template) without
the network. Query counts come from the same runs."""

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


def measure(table, client, label, url, repeat, expect_status=200, note="", cold=False):
    """Median and p95 of ``repeat`` requests. ``cold``: the figures cache is
    emptied before each, as after any write to the registry."""

    def once():
        if cold:
            cache.clear()
        response = client.get(url)
        assert response.status_code == expect_status, (url, response.status_code)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)

    client.get(url)  # warm up: caches, the session's first-request write
    median, p95, queries = timed(once, repeat)
    table.add(label, f"{median * 1000:.0f} ms", f"{p95 * 1000:.0f} ms", f"{queries} queries{note}")
    return median, p95, queries
