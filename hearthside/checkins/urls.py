from django.urls import path

from . import views

app_name = "checkins"

urlpatterns = [
    path("", views.daily, name="checkin"),
    path("share/", views.share, name="share"),
    path("weekly/", views.this_week, name="weekly"),
    path("weekly/schedule/", views.schedule, name="schedule"),
    path("weekly/history/", views.history, name="weekly_history"),
    path("weekly/<str:week>/", views.week, name="week"),
    path("weekly/<str:week>/agenda/", views.agenda, name="agenda"),
]
