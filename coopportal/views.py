from django.contrib.auth.views import LoginView
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.demo_accounts import demo_credentials


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise (for load balancers and
    the container HEALTHCHECK)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


def favicon(request):
    """Browsers and the admin ask for /favicon.ico whatever the page links;
    the static URL is looked up per request (it is hashed after collectstatic)."""
    return redirect(static("favicon.svg"), permanent=True)


def home(request):
    """The portal opens on the dashboard (this year's, or the latest planned year's)."""
    return redirect("planning:latest")


class PortalLoginView(LoginView):
    """The portal's own login page; on a local demo database it lists the
    demo accounts so that a newcomer can get in."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demo_accounts"] = demo_credentials()
        return context
