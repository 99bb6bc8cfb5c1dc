from datetime import date, datetime

from django.db import connection

from hearthside.pairs.models import User
from hearthside.privacy.models import PrivateContent

from .models import Activity, Verb

FEED_LIMIT = 8


class NewsOutsideTheWrite(RuntimeError):
    """News was recorded outside the transaction of the write it announces."""


def record(
    actor: User,
    verb: Verb,
    announced: PrivateContent,
    *,
    opens: PrivateContent | None = None,
    day: date | None = None,
) -> Activity:
    """News that ``actor`` did ``verb``: it announces the ``announced`` row
    (whose visibility and lifetime it takes) and opens ``opens`` (by default
    the same row). Call it inside the transaction of the write it announces,
    so the two are saved, or refused, together."""
    if not connection.in_atomic_block:
        raise NewsOutsideTheWrite(f"Record {verb} inside transaction.atomic() with its write.")
    return Activity.objects.create(
        author=actor,
        pair_id=announced.pair_id,
        verb=verb,
        day=day,
        announced_id=announced.pk,
        target_id=(opens or announced).pk,
    )


def partner_news_since(viewer: User, since: datetime) -> list[Activity]:
    """What the partner did since ``since`` that the viewer may see, newest
    first, a bounded list."""
    return list(
        Activity.objects.in_current_pair(viewer)
        .exclude(author=viewer.pk)
        .filter(created_at__gt=since)
        .select_related("author")
        .order_by("-created_at")[:FEED_LIMIT]
    )
