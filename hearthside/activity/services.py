from datetime import date, datetime

from hearthside.pairs.models import User
from hearthside.pairs.services import require_pair

from .models import Activity, Verb

FEED_LIMIT = 8


def record(actor: User, verb: Verb, *, day: date | None = None, target_id: int | None = None):
    pair = require_pair(actor).pair
    return Activity.objects.create(author=actor, pair=pair, verb=verb, day=day, target_id=target_id)


def partner_news_since(viewer: User, since: datetime) -> list[Activity]:
    """What the partner did since ``since``, newest first, a bounded list."""
    pair = require_pair(viewer).pair
    return list(
        Activity.objects.visible_to(viewer)
        .exclude(author=viewer)
        # Changes nothing visible_to allows; it lets the database walk the
        # (pair, -created_at) index instead of all the viewer's own history.
        .filter(pair=pair, created_at__gt=since)
        .select_related("author")
        .order_by("-created_at")[:FEED_LIMIT]
    )
