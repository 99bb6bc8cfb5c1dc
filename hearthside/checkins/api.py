"""Daily and weekly check-ins as JSON, through the same services as the pages.

A partner's daily check-in appears once you have checked in that day (or once
they share it directly); a partner's weekly check-in once both are in. A
private note is only ever part of its author's own check-in.
"""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema

from hearthside.pairs.services import require_pair

from . import services, weekly
from .feelings import feeling_groups
from .models import (
    FEELINGS_MAX,
    FREE_FEELING_MAX_CHARS,
    FREE_FEELINGS_MAX,
    NOTE_MAX_CHARS,
    PRIVATE_NOTE_MAX_CHARS,
    WEEKLY_ANSWER_MAX_CHARS,
    WEEKLY_ANSWERS,
)
from .prompts import weekly_texts

router = Router(tags=["checkins"])

NeedChoice = Literal["", "heard", "help", "space", "closeness", "nothing"]


# --- Daily -------------------------------------------------------------------------------


class FeelingGroupOut(Schema):
    name: str = Field(description="In your language.")
    words: list[str] = Field(description="The words as a check-in stores them.")
    labels: dict[str, str] = Field(description="How each word is shown in your language.")


class CheckInOut(Schema):
    """A check-in as anyone who may see it sees it: never a private note."""

    id: int
    day: date
    by_me: bool
    author_name: str
    mood: int | None = Field(description="1 (really low) to 5 (really good), or none.")
    mood_label: str
    feelings: list[str] = Field(description="Words from the curated list, as stored.")
    feeling_labels: list[str] = Field(description="The same words, shown in your language.")
    own_feelings: list[str] = Field(description="Words of the author's own.")
    need: NeedChoice
    note: str
    created_at: datetime
    updated_at: datetime


class MyCheckInOut(CheckInOut):
    private_note: str = Field(description="Only you ever see this.")
    shared_directly: bool = Field(description="Shared with your partner before they checked in.")


class CheckInTodayOut(Schema):
    day: date = Field(description="The pair's day.")
    mine: MyCheckInOut | None
    partner_checked_in: bool
    partner: CheckInOut | None = Field(
        description="Present once you have checked in today, or once your partner shared it."
    )
    can_share: bool
    can_change: bool = Field(
        description="Whether you can check in, or change today's check-in: until your partner "
        "has checked in too. From then on you have seen each other's, and both are final."
    )


class CheckInIn(Schema):
    mood: int | None = Field(None, description="1 (really low) to 5 (really good).")
    feelings: list[str] = Field([], description=f"Up to {FEELINGS_MAX} words from GET /feelings.")
    own_feelings: list[str] = Field(
        [],
        description=f"Up to {FREE_FEELINGS_MAX} words of your own, "
        f"{FREE_FEELING_MAX_CHARS} characters each.",
    )
    need: NeedChoice = Field("", description="What you need today; empty for not saying.")
    note: str = Field("", description=f"For your partner; up to {NOTE_MAX_CHARS} characters.")
    private_note: str = Field(
        "", description=f"For you alone; up to {PRIVATE_NOTE_MAX_CHARS} characters."
    )


class DayOut(Schema):
    day: date
    mine: MyCheckInOut | None
    partner: CheckInOut | None


class RecentOut(Schema):
    days: list[DayOut]
    older_before: date | None = Field(description="Pass as `before` for the next, older page.")


def checkin_out(checkin, viewer, *, private_note: str | None = None) -> dict | None:
    if checkin is None:
        return None
    by_me = checkin.author_id == viewer.pk
    shown = {
        "id": checkin.pk,
        "day": checkin.day,
        "by_me": by_me,
        "author_name": str(viewer if by_me else require_pair(viewer).partner),
        "mood": checkin.mood,
        "mood_label": checkin.get_mood_display() if checkin.mood else "",
        "feelings": checkin.feelings,
        "feeling_labels": checkin.feeling_labels,
        "own_feelings": checkin.own_feeling_list,
        "need": checkin.need,
        "note": checkin.note,
        "created_at": checkin.created_at,
        "updated_at": checkin.updated_at,
    }
    if private_note is not None:
        shown.update(private_note=private_note, shared_directly=checkin.shared_directly)
    return shown


def day_out(view: services.DayOfCheckIns, viewer) -> dict:
    return {
        "day": view.day,
        "mine": checkin_out(view.mine, viewer, private_note=view.my_private_note),
        "partner": checkin_out(view.partner, viewer),
    }


def today_out(viewer, view: services.DayOfCheckIns | None = None) -> dict:
    view = view or services.today(viewer)
    return {
        **day_out(view, viewer),
        "partner_checked_in": view.partner_checked_in,
        "can_share": view.can_share,
        "can_change": view.can_change,
    }


@router.get("/feelings", response=list[FeelingGroupOut])
def feelings(request):
    """The curated feeling words, in groups: send ``words`` back in a check-in,
    show ``labels``."""
    return [
        {
            "name": str(group.name),
            "words": [word.value for word in group.words],
            "labels": {word.value: word.label for word in group.words},
        }
        for group in feeling_groups()
    ]


@router.get("/today", response=CheckInTodayOut)
def get_today(request):
    """Today's check-ins: yours, and your partner's once it is revealed to you."""
    return today_out(request.user)


@router.put("/today", response=CheckInTodayOut)
def put_today(request, payload: CheckInIn):
    """Check in for today; sending again the same day edits it until your
    partner has checked in too (then both are final). At least a mood, a
    feeling, a need or a note."""
    services.check_in(request.user, **payload.dict())
    return today_out(request.user)


@router.post("/today/share", response=CheckInTodayOut)
def share_today(request):
    """Let your partner see today's check-in now (never the private note)."""
    services.share_directly(request.user)
    return today_out(request.user)


@router.get("/recent", response=RecentOut)
def recent(request, before: date | None = None):
    """The days before ``before`` (default: today) with check-ins you may see,
    two weeks at a time, newest first."""
    days, older_before = services.recent_days(request.user, before=before)
    return {"days": [day_out(view, request.user) for view in days], "older_before": older_before}


@router.get("/entries/{checkin_id}", response=CheckInOut)
def entry(request, checkin_id: int):
    """One check-in by id (from the activity feed), if you may see it."""
    return checkin_out(services.checkin_for(request.user, checkin_id), request.user)


# --- Weekly ------------------------------------------------------------------------------


class ScheduleOut(Schema):
    weekday: int = Field(description="0 is Monday, 6 is Sunday.")
    weekday_name: str
    time: str = Field(description="HH:MM in `time_zone`.")
    time_zone: str = Field(description="The time zone of whoever set the schedule.")
    next_meeting: datetime
    updated_by: str | None


class ScheduleIn(Schema):
    weekday: int = Field(description="0 is Monday, 6 is Sunday.")
    time: str = Field(description="HH:MM, 24-hour clock, in your own time zone.")


# The API is documented in English, whoever first loads it.
QUESTIONS = weekly_texts().questions


class WeeklyOut(Schema):
    id: int
    by_me: bool
    author_name: str
    went_well: str = Field(description=QUESTIONS["went_well"].english)
    appreciation: str = Field(description=QUESTIONS["appreciation"].english)
    on_my_mind: str = Field(description=QUESTIONS["on_my_mind"].english)
    one_need: str = Field(description=QUESTIONS["one_need"].english)
    how_to_help: str = Field(description=QUESTIONS["how_to_help"].english)
    created_at: datetime
    updated_at: datetime


class WeekOut(Schema):
    week: date = Field(description="The Monday the week starts on.")
    is_current: bool
    mine: WeeklyOut | None
    partner_submitted: bool
    partner: WeeklyOut | None = Field(description="Present once you have both filled it in.")
    revealed: bool
    can_edit: bool = Field(description="Yours can change until your partner's is in too.")


class WeeklyIn(Schema):
    went_well: str = ""
    appreciation: str = ""
    on_my_mind: str = ""
    one_need: str = ""
    how_to_help: str = Field("", description=f"Each up to {WEEKLY_ANSWER_MAX_CHARS} characters.")


class AgendaItemOut(Schema):
    who: str
    by_me: bool
    text: str


class AgendaStepOut(Schema):
    key: Literal["appreciation", "one_need", "on_my_mind"]
    title: str
    guidance: str
    items: list[AgendaItemOut]


class AgendaOut(Schema):
    week: date
    steps: list[AgendaStepOut]


def schedule_out(schedule) -> dict | None:
    if schedule is None:
        return None
    return {
        "weekday": schedule.weekday,
        "weekday_name": schedule.weekday_name,
        "time": schedule.at.strftime("%H:%M"),
        "time_zone": schedule.time_zone,
        "next_meeting": weekly.next_meeting(schedule),
        "updated_by": str(schedule.updated_by) if schedule.updated_by_id else None,
    }


def weekly_out(weekly_checkin, viewer) -> dict | None:
    if weekly_checkin is None:
        return None
    by_me = weekly_checkin.author_id == viewer.pk
    return {
        "id": weekly_checkin.pk,
        "by_me": by_me,
        "author_name": str(viewer if by_me else require_pair(viewer).partner),
        **{name: getattr(weekly_checkin, name) for name in WEEKLY_ANSWERS},
        "created_at": weekly_checkin.created_at,
        "updated_at": weekly_checkin.updated_at,
    }


def week_out(view: weekly.WeekView, viewer) -> dict:
    return {
        "week": view.week,
        "is_current": view.is_current,
        "mine": weekly_out(view.mine, viewer),
        "partner_submitted": view.partner_submitted,
        "partner": weekly_out(view.partner, viewer),
        "revealed": view.revealed,
        "can_edit": view.can_edit,
    }


@router.get("/weekly/schedule", response=ScheduleOut | None)
def get_schedule(request):
    """When you sit down for the weekly check-in; null until one of you picks."""
    return schedule_out(weekly.schedule_for(request.user))


@router.put("/weekly/schedule", response=ScheduleOut)
def put_schedule(request, payload: ScheduleIn):
    """Either of you can set or change the day and time; it applies to you both."""
    return schedule_out(weekly.set_schedule(request.user, payload.weekday, payload.time))


@router.get("/weekly/current", response=WeekOut)
def get_this_week(request):
    """This week's check-ins: yours, and your partner's once both are in."""
    return week_out(weekly.view_week(request.user), request.user)


@router.put("/weekly/current", response=WeekOut)
def put_this_week(request, payload: WeeklyIn):
    """Fill in this week's check-in; sending again edits yours until your
    partner's is in too (then 409: the week is settled)."""
    weekly.submit_weekly(request.user, **payload.dict())
    return week_out(weekly.view_week(request.user), request.user)


@router.get("/weekly/agenda", response=AgendaOut)
def get_agenda(request, week: date | None = None):
    """The agenda for talking in person: appreciations, then each one's need,
    then what's on your minds. 409 until you have both filled in the week."""
    view, steps = weekly.agenda(request.user, week)
    return {
        "week": view.week,
        "steps": [
            {
                "key": step.key,
                "title": step.title,
                "guidance": step.guidance,
                "items": [
                    {"who": str(item.who), "by_me": item.by_me, "text": item.text}
                    for item in step.items
                ],
            }
            for step in steps
        ],
    }


@router.get("/weekly/history", response=list[WeekOut])
def get_history(request, before: date | None = None):
    """Past weeks you filled in, newest first, ten at a time; pass the last
    week as ``before`` for the next page."""
    views = weekly.weekly_history(request.user, before=before)
    return [week_out(view, request.user) for view in views]


@router.get("/weekly/{week}", response=WeekOut)
def get_week(request, week: date):
    """One week by its Monday; 404 for past weeks neither of you filled in."""
    return week_out(weekly.view_week(request.user, week), request.user)
