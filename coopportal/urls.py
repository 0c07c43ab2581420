from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from coopportal import views

admin.site.site_header = _("Cooperative Alliance portal")
admin.site.site_title = _("Cooperative Alliance portal")
admin.site.index_title = _("Data administration")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("registry/", include("registry.urls")),
    path("awards/", include("awards.urls")),
    path("", include("planning.urls")),
    path("admin/", admin.site.urls),
]
