"""Today: the partner's open needs that are still waiting for an answer."""

from hearthside.pairs.services import pair_context
from hearthside.today import TodaySection, today_section

from .services import OPEN_ON_TODAY, waiting_for_answer


@today_section(35)
def open_needs(user) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    waiting = waiting_for_answer(user)
    if not waiting:
        return None
    return TodaySection(
        "needs/today.html",
        {"waiting": waiting[:OPEN_ON_TODAY], "more": len(waiting) > OPEN_ON_TODAY},
    )
