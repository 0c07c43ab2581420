from django.urls import path

from planning import views

app_name = "planning"

urlpatterns = [
    path("dashboard/<int:year>/", views.dashboard, name="dashboard"),
    path("dashboard/<int:year>/<slug:code>/", views.indicator_records, name="indicator_records"),
    path("api/plan/<int:year>/", views.plan_api, name="plan_api"),
    path("reports/<int:year>.xlsx", views.year_report, name="year_report"),
]
