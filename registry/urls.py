from django.urls import path

from registry import views

app_name = "registry"

urlpatterns = [
    path("", views.search, name="search"),
    path("htx/<int:pk>/", views.cooperative_detail, name="cooperative_detail"),
]
