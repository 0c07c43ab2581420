from django.urls import path

from awards import views
from awards.models import Collective, Person

app_name = "awards"

urlpatterns = [
    path("", views.index, name="index"),
    path("<year:year>/", views.award_year, name="year"),
    path("person/<int:pk>/", views.recipient_detail, {"model": Person}, name="person"),
    path("collective/<int:pk>/", views.recipient_detail, {"model": Collective}, name="collective"),
]
