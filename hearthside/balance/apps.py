from django.apps import AppConfig


class BalanceConfig(AppConfig):
    name = "hearthside.balance"
    label = "balance"

    def ready(self):
        from . import today  # noqa: F401  (registers the Today section)
