from django.apps import AppConfig


class SharesConfig(AppConfig):
    name = "hearthside.shares"
    label = "shares"

    def ready(self):
        from django.urls import reverse

        from hearthside.activity.models import Verb, register_link

        from . import today  # noqa: F401  (registers the Today section)

        def to_share(activity):
            return (
                reverse("share_detail", args=[activity.target_id]) if activity.target_id else None
            )

        for verb in (Verb.SHARED, Verb.REPLIED_TO_SHARE, Verb.FELT_HEARD):
            register_link(verb, to_share)
