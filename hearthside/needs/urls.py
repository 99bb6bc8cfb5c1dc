from django.urls import path

from . import views

urlpatterns = [
    path("", views.need_list, name="needs"),
    path("met/", views.needs_met, name="needs_met"),
    path("<int:need_id>/", views.need_detail, name="need_detail"),
    path("<int:need_id>/acknowledge/", views.acknowledge, name="need_acknowledge"),
    path("<int:need_id>/note/", views.note, name="need_note"),
    path("<int:need_id>/met/", views.met, name="need_met"),
]
