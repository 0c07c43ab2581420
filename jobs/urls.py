from django.urls import path

from jobs import views

app_name = "jobs"

urlpatterns = [
    path("jobs/<int:pk>/", views.job_detail, name="detail"),
    path("jobs/<int:pk>/download/", views.job_download, name="download"),
]
