from django.urls import path

from planning import views

app_name = "planning"

urlpatterns = [
    path("dashboard/<year:year>/", views.dashboard, name="dashboard"),
    path("dashboard/<year:year>/<slug:code>/", views.indicator_records, name="indicator_records"),
    path("api/plan/<year:year>/", views.plan_api, name="plan_api"),
]
