"""Today: the partner's open needs that are still waiting for an answer."""

from datetime import date, datetime, timedelta

from ninja import Field, Schema

from hearthside.pairs.services import pair_context
from hearthside.today.sections import Priority, SectionOut, TodaySection, today_section

from .services import OPEN_ON_TODAY, waiting_for_answer


class WaitingNeedOut(Schema):
    id: int
    text: str
    by_when: date | None
    author_name: str
    created_at: datetime


class NeedsSectionOut(SectionOut):
    waiting: list[WaitingNeedOut] = Field(
        description="Your partner's open needs you have not answered yet, soonest first."
    )
    more: bool = Field(description="There are more than these; see GET /api/needs.")


def soon(need, today: date) -> bool:
    """A need wanted by tomorrow comes before everything else waiting."""
    return need.by_when is not None and need.by_when <= today + timedelta(days=1)


@today_section("needs", order=35, schema=NeedsSectionOut)
def open_needs(user) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    today = pair_context(user).today()
    waiting = waiting_for_answer(user)
    if not waiting:
        return None
    shown, more = waiting[:OPEN_ON_TODAY], len(waiting) > OPEN_ON_TODAY
    return TodaySection(
        "needs/today.html",
        {"waiting": shown, "more": more},
        {
            "waiting": [
                {
                    "id": need.pk,
                    "text": need.text,
                    "by_when": need.by_when,
                    "author_name": str(need.author),
                    "created_at": need.created_at,
                }
                for need in shown
            ],
            "more": more,
        },
        priority=Priority.WAITING_ON_YOU + (5 if any(soon(need, today) for need in shown) else 0),
    )
