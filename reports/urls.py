from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("reports/<year:year>.xlsx", views.year_report, name="year_report"),
    path("reports/<year:year>.docx", views.year_narrative, name="year_narrative"),
]
