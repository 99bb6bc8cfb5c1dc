from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hearthside.checkins"
    label = "checkins"

    def ready(self):
        from django.urls import reverse

        from hearthside.activity.models import Verb, register_link

        from . import today  # noqa: F401 (registers the Today section)

        register_link(Verb.CHECKED_IN, lambda activity: reverse("checkins:checkin"))
        register_link(
            Verb.WEEKLY_CHECKED_IN,
            lambda activity: (
                reverse("checkins:week", args=[activity.day.isoformat()])
                if activity.day
                else reverse("checkins:weekly")
            ),
        )
