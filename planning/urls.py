from django.urls import path

from planning import views

app_name = "planning"

urlpatterns = [
    path("dashboard/", views.latest, name="latest"),
    path("dashboard/<year:year>/", views.dashboard, name="dashboard"),
    path("dashboard/trend/<slug:code>/", views.indicator_trend, name="indicator_trend"),
    path("dashboard/<year:year>/<slug:code>/", views.indicator_records, name="indicator_records"),
    path("api/plan/<year:year>/", views.plan_api, name="plan_api"),
    path("api/figures/<year:year>/", views.figures_api, name="figures_api"),
]
