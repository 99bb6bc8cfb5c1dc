from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hearthside.checkins"
    label = "checkins"
