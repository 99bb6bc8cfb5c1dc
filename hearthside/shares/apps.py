from django.apps import AppConfig


class SharesConfig(AppConfig):
    name = "hearthside.shares"
    label = "shares"
