from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path, register_converter
from django.utils.translation import gettext_lazy as _

from coopportal import views
from coopportal.converters import YearConverter

register_converter(YearConverter, "year")

admin.site.site_header = _("Cooperative Alliance portal")
admin.site.site_title = _("Cooperative Alliance portal")
admin.site.index_title = _("Data administration")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers and the admin ask for /favicon.ico whatever the page links.
    path("favicon.ico", views.favicon),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("registry/", include("registry.urls")),
    path("awards/", include("awards.urls")),
    path("support/", include("support.urls")),
    path("", include("planning.urls")),
    path("", include("reports.urls")),
    path("", include("jobs.urls")),
    path("admin/", admin.site.urls),
]
