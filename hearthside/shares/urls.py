from django.urls import path

from . import views

urlpatterns = [
    path("", views.share_list, name="shares"),
    path("new/", views.share_create, name="share_create"),
    path("coach/", views.coach, name="share_coach"),
    path("<int:share_id>/", views.share_detail, name="share_detail"),
    path("<int:share_id>/reply/", views.share_reply, name="share_reply"),
    path("<int:share_id>/heard/", views.share_felt_heard, name="share_felt_heard"),
    path("<int:share_id>/send/", views.share_send, name="share_send"),
]
