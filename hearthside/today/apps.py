from django.apps import AppConfig


class TodayConfig(AppConfig):
    name = "hearthside.today"
    label = "today"
