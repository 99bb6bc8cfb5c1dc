"""Today: what matters now, gathered from every feature for one person."""

from dataclasses import dataclass, field
from datetime import date

from hearthside.activity.models import Activity
from hearthside.activity.services import partner_news_since
from hearthside.pairs.models import User
from hearthside.pairs.services import note_visit, pair_context, previous_visit_ended

from .sections import TodaySection, sections_for

# The news shows its last few items; the rest wait behind "See N more".
NEWS_SHOWN = 3


@dataclass
class TodayView:
    paired: bool
    day: date
    sections: list[TodaySection] = field(default_factory=list)  # hero first, then by priority
    news: list[Activity] = field(default_factory=list)  # the partner's, since the last visit

    @property
    def hero(self) -> TodaySection | None:
        return next((section for section in self.sections if section.hero), None)

    @property
    def strip(self) -> list[TodaySection]:
        """Everything else waiting today, most pressing first."""
        return [section for section in self.sections if not section.hero]

    @property
    def recent_news(self) -> list[Activity]:
        return self.news[:NEWS_SHOWN]

    @property
    def older_news(self) -> list[Activity]:
        return self.news[NEWS_SHOWN:]


def today_for(actor: User) -> TodayView:
    """Everything Today shows the actor, for the page and the API alike.
    Opening Today counts as a visit: "since your last visit" looks back to the
    end of the visit before."""
    context = pair_context(actor)
    if not context.is_paired:
        return TodayView(paired=False, day=context.today())
    note_visit(actor)
    return TodayView(
        paired=True,
        day=context.today(),
        sections=sections_for(actor),
        news=partner_news_since(actor, previous_visit_ended(actor)),
    )
