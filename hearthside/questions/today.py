"""Today's question: the first section of Today."""

from hearthside.errors import UserError
from hearthside.pairs.services import pair_context
from hearthside.today.sections import SectionOut, TodaySection, today_section

from . import services
from .api import DailyOut, daily_out
from .models import ANSWER_MAX_CHARS, REPLY_MAX_CHARS

TEMPLATE = "questions/_today.html"


class QuestionSectionOut(SectionOut):
    daily: DailyOut | None


@today_section("question", order=10, schema=QuestionSectionOut, hero=True)
def todays_question_section(user) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    try:
        daily = services.todays_question(user)
    except UserError as error:
        # No question left: say so here, and offer what still works.
        return TodaySection(TEMPLATE, {"problem": error.message}, {"problem": error.message})
    view = services.view_daily(user, daily)
    return TodaySection(
        TEMPLATE,
        {"view": view, "answer_max": ANSWER_MAX_CHARS, "reply_max": REPLY_MAX_CHARS},
        {"daily": daily_out(view, user)},
    )
