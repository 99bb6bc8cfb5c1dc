from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "hearthside.needs"
    label = "needs"
