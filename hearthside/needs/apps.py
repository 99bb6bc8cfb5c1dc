from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "hearthside.needs"
    label = "needs"

    def ready(self):
        from django.urls import reverse

        import hearthside.needs.earlier_writing  # noqa: F401  (registers its kinds)
        from hearthside.activity.models import Verb, announce

        from . import today  # noqa: F401  (registers the Today section)
        from .models import Need, NeedAnswer

        def to_need(activity):
            return reverse("need_detail", args=[activity.target_id])

        announce(Need, [Verb.NEEDED, Verb.NEED_MET], opens="need", link=to_need)
        announce(NeedAnswer, [Verb.ACKNOWLEDGED_NEED], opens="need", link=to_need)
