"""Today: the partner's shares waiting for a reply, or an invitation to share."""

from datetime import datetime

from ninja import Field, Schema

from hearthside.pairs.services import pair_context
from hearthside.today.sections import Priority, SectionOut, TodaySection, today_section

from .api import Mode
from .services import WAITING_ON_TODAY, waiting_for_reply


class WaitingShareOut(Schema):
    id: int
    mode: Mode
    text: str
    author_name: str
    created_at: datetime


class SharesSectionOut(SectionOut):
    waiting: list[WaitingShareOut] = Field(
        description="Your partner's recent shares you have not replied to yet, newest first."
    )
    more: bool = Field(description="There are more than these; see GET /api/shares.")


@today_section("shares", order=30, schema=SharesSectionOut)
def waiting_shares(user) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    waiting = waiting_for_reply(user)
    shown, more = waiting[:WAITING_ON_TODAY], len(waiting) > WAITING_ON_TODAY
    return TodaySection(
        "shares/today.html",
        {"waiting": shown, "more": more},
        {
            "waiting": [
                {
                    "id": share.pk,
                    "mode": share.mode,
                    "text": share.text,
                    "author_name": str(share.author),
                    "created_at": share.created_at,
                }
                for share in shown
            ],
            "more": more,
        },
        # A share waiting for a reply matters; an invitation to share can wait.
        priority=Priority.WAITING_ON_YOU if shown else Priority.INVITATION - 10,
    )
