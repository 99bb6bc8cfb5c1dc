from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "hearthside.privacy"
    label = "privacy"
