from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "hearthside.needs"
    label = "needs"

    def ready(self):
        from django.urls import reverse

        from hearthside.activity.models import Verb, register_link

        from . import today  # noqa: F401  (registers the Today section)

        def to_need(activity):
            return reverse("need_detail", args=[activity.target_id]) if activity.target_id else None

        for verb in (Verb.NEEDED, Verb.ACKNOWLEDGED_NEED, Verb.NEED_MET):
            register_link(verb, to_need)
