from django.apps import AppConfig


class DeckConfig(AppConfig):
    name = "hearthside.deck"
    label = "deck"
