from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("", views.index, name="index"),
    path("<year:year>/", views.award_year, name="year"),
    path("person/<int:pk>/", views.person_detail, name="person"),
    path("collective/<int:pk>/", views.collective_detail, name="collective"),
]
