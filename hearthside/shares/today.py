"""Today: the partner's shares waiting for a reply, or an invitation to share."""

from hearthside.pairs.services import pair_context
from hearthside.today import TodaySection, today_section

from .services import WAITING_ON_TODAY, waiting_for_reply


@today_section(30)
def waiting_shares(user) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    waiting = waiting_for_reply(user)
    return TodaySection(
        "shares/today.html",
        {"waiting": waiting[:WAITING_ON_TODAY], "more": len(waiting) > WAITING_ON_TODAY},
    )
