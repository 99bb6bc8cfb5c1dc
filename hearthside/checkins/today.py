"""The check-in section of the Today page: a few queries, whatever the history."""

from dataclasses import dataclass
from datetime import date

from ninja import Field, Schema

from hearthside.pairs.models import User
from hearthside.pairs.services import pair_context
from hearthside.today.sections import Priority, SectionOut, TodaySection, today_section

from . import services
from .api import CheckInTodayOut, ScheduleOut, schedule_out, today_out
from .models import MOOD_OPTIONS, WeeklyCheckIn, WeeklySchedule, week_starting


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
    schedule = WeeklySchedule.objects.select_related("updated_by").filter(pair=context.pair).first()
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


class WeeklyStatusOut(Schema):
    week: date = Field(description="The Monday of this week.")
    schedule: ScheduleOut | None
    mine_in: bool
    partner_in: bool
    due: bool = Field(description="Your check-in is still to do, and its day has come.")


class CheckinsSectionOut(SectionOut):
    checkin: CheckInTodayOut
    weekly: WeeklyStatusOut


def daily_priority(today: services.DayOfCheckIns) -> int:
    if today.mine:
        return Priority.SETTLED
    # Checking in shows how the partner is: a little more pressing once they have.
    return Priority.DUE + (5 if today.partner_checked_in else 0)


def weekly_priority(status: WeeklyStatus) -> int:
    if status.due or (status.partner_in and not status.mine_in):
        return Priority.DUE + 2
    if status.both_in:
        return Priority.INVITATION + 5  # the agenda is ready: a moment to talk
    return Priority.SETTLED


@today_section("checkins", order=20, schema=CheckinsSectionOut)
def checkins_section(user: User) -> TodaySection | None:
    if not pair_context(user).is_paired:
        return None
    status = weekly_status(user)
    today = services.today(user)
    daily, weekly = daily_priority(today), weekly_priority(status)
    return TodaySection(
        "checkins/today.html",
        {"today": today, "weekly": status, "moods": MOOD_OPTIONS, "weekly_first": weekly > daily},
        {
            "checkin": today_out(user, today),
            "weekly": {
                "week": status.week,
                "schedule": schedule_out(status.schedule),
                "mine_in": status.mine_in,
                "partner_in": status.partner_in,
                "due": status.due,
            },
        },
        priority=max(daily, weekly),
    )
