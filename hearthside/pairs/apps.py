from django.apps import AppConfig


class PairsConfig(AppConfig):
    name = "hearthside.pairs"
    label = "pairs"
    verbose_name = "People and pairs"

    def ready(self):
        from hearthside import checks  # noqa: F401  (registers the deploy checks)
