from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "hearthside.activity"
    label = "activity"
