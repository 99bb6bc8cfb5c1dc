from django.apps import AppConfig


class SharesConfig(AppConfig):
    name = "hearthside.shares"
    label = "shares"

    def ready(self):
        from django.urls import reverse

        import hearthside.shares.earlier_writing  # noqa: F401  (registers its kinds)
        from hearthside.activity.models import Verb, announce

        from . import today  # noqa: F401  (registers the Today section)
        from .models import Share, ShareReply

        def to_share(activity):
            return reverse("share_detail", args=[activity.target_id])

        announce(Share, [Verb.SHARED, Verb.FELT_HEARD], opens="share", link=to_share)
        announce(ShareReply, [Verb.REPLIED_TO_SHARE], opens="share", link=to_share)
