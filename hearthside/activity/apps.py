from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "hearthside.activity"
    label = "activity"

    def ready(self):
        from . import today  # noqa: F401  (registers the Today section)
