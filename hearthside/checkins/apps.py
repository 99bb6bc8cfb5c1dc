from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hearthside.checkins"
    label = "checkins"

    def ready(self):
        from django.urls import reverse

        import hearthside.checkins.earlier_writing  # noqa: F401  (registers its kinds)
        from hearthside.activity.models import Verb, announce

        from . import today  # noqa: F401 (registers the Today section)
        from .models import CheckIn, WeeklyCheckIn

        announce(
            CheckIn,
            [Verb.CHECKED_IN],
            opens="checkin",
            link=lambda activity: reverse("checkins:checkin"),
        )
        announce(
            WeeklyCheckIn,
            [Verb.WEEKLY_CHECKED_IN],
            opens="weekly",
            link=lambda activity: reverse("checkins:week", args=[activity.day.isoformat()]),
        )
