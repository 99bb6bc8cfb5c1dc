from django.urls import path

from . import views

app_name = "deck"

urlpatterns = [
    path("", views.home, name="home"),
    path("card/", views.card, name="card"),
    path("draw/", views.draw, name="draw"),
]
