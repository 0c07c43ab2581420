from django.urls import path

from support import views

app_name = "support"

urlpatterns = [
    path("<year:year>/<slug:code>/", views.measure_records, name="measure_records"),
]
