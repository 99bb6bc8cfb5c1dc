"""Today as JSON, mounted at /api/today: the same sections as the page, each
shaped by the schema its feature registered, and the partner's news."""

from datetime import date, datetime

from ninja import Field, Router, Schema
from pydantic import create_model

from hearthside.activity.models import Activity, Verb, what_news_opens

from .sections import SectionOut, registered_sections
from .services import today_for

router = Router(tags=["today"])


TodaySectionsOut = create_model(
    "TodaySectionsOut",
    __base__=Schema,
    __doc__=(
        "Each part of Today: null when it has nothing to say today, and only a `problem` "
        "when it can't be shown right now."
    ),
    **{entry.key: (entry.schema | SectionOut | None, None) for entry in registered_sections()},
)


NewsItemOut = create_model(
    "NewsItemOut",
    __base__=Schema,
    __doc__=(
        "Something your partner did since your last visit: that it happened, never what "
        "they wrote. `opens` names the kind of object it is about, and the id of that "
        "object is in the field of that kind (a `share` in `share_id`, and so on)."
    ),
    kind=(Verb, ...),
    what=(str, ...),
    who=(str, ...),
    at=(datetime, ...),
    day=(date | None, ...),
    opens=(str, ...),
    **{f"{opens}_id": (int | None, None) for opens in what_news_opens()},
)


class TodayPageOut(Schema):
    paired: bool = Field(description="False until you and your partner have paired.")
    day: date = Field(description="The pair's day (or yours, before you pair).")
    sections: TodaySectionsOut
    order: list[str] = Field(
        description=(
            "The keys of the sections shown, in the page's order: today's question first, "
            "then what matters most now."
        )
    )
    news: list[NewsItemOut]


def news_item_out(item: Activity) -> dict:
    return {
        "kind": item.verb,
        "what": item.get_verb_display(),
        "who": str(item.author),
        "at": item.created_at,
        "day": item.day,
        "opens": item.opens,
        f"{item.opens}_id": item.target_id,
    }


@router.get("", response=TodayPageOut)
def today(request):
    """What matters today, as the Today page shows it. Reading it counts as a visit."""
    view = today_for(request.user)
    return {
        "paired": view.paired,
        "day": view.day,
        "sections": {section.key: section.data for section in view.sections},
        "order": [section.key for section in view.sections],
        "news": [news_item_out(item) for item in view.news],
    }
