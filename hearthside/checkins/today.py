"""The check-in section of the Today page: a few queries, whatever the history."""

from dataclasses import dataclass
from datetime import date

from hearthside.pairs.models import User
from hearthside.pairs.services import pair_context
from hearthside.today import TodaySection, today_section

from . import services
from .models import MOOD_OPTIONS, Need, WeeklyCheckIn, WeeklySchedule, week_starting


@dataclass
class WeeklyStatus:
    week: date
    schedule: WeeklySchedule | None
    mine_in: bool
    partner_in: bool
    is_weekly_day: bool
    past_weekly_day: bool

    @property
    def both_in(self) -> bool:
        return self.mine_in and self.partner_in

    @property
    def due(self) -> bool:
        return not self.mine_in and (self.is_weekly_day or self.past_weekly_day)


def weekly_status(user: User) -> WeeklyStatus:
    context = pair_context(user)
    day = context.today()
    week = week_starting(day)
    schedule = WeeklySchedule.objects.filter(pair=context.pair).first()
    # Who has written this week, never what: news the activity feed shares anyway.
    authors = set(
        WeeklyCheckIn.objects.in_current_pair(user)
        .filter(week=week)
        .values_list("author_id", flat=True)
    )
    return WeeklyStatus(
        week=week,
        schedule=schedule,
        mine_in=user.pk in authors,
        partner_in=context.partner.pk in authors,
        is_weekly_day=schedule is not None and day.weekday() == schedule.weekday,
        past_weekly_day=schedule is not None and day.weekday() > schedule.weekday,
    )


@today_section(20)
def checkins_section(user: User) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    status = weekly_status(user)
    return TodaySection(
        "checkins/today.html",
        {
            "today": services.today(user),
            "weekly": status,
            "moods": MOOD_OPTIONS,
            "needs": Need.choices,
        },
    )
