"""What a person can do with the weekly check-in: pick its day, fill it in,
see both once both are in, talk through the agenda, look back.

A week is named by the Monday of the pair's ISO week (``week_starting``). Each
person writes one check-in a week and can change it until their partner's is
in too; from then on the week is settled, so neither sees the other's answers
change after the reveal.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from hearthside.activity.models import Verb
from hearthside.activity.services import record
from hearthside.errors import Conflict, NotFound, UserError
from hearthside.inputs import clean_optional_text, whole_number
from hearthside.pairs.days import zone
from hearthside.pairs.models import User
from hearthside.pairs.services import lock_pair, require_pair
from hearthside.privacy.models import save_response

from .models import (
    WEEKLY_ANSWER_MAX_CHARS,
    WEEKLY_ANSWERS,
    Weekday,
    WeeklyCheckIn,
    WeeklySchedule,
    week_starting,
)
from .prompts import weekly_prompts, weekly_texts

HISTORY_PAGE = 10


def this_week(actor: User) -> date:
    return week_starting(require_pair(actor).today())


def parse_week(raw) -> date:
    """A week from a URL or a query: the ISO date of its Monday."""
    try:
        week = raw if isinstance(raw, date) else date.fromisoformat(str(raw))
    except ValueError as bad:
        raise NotFound("There is no such week.") from bad
    if week.weekday() != 0:
        raise NotFound("There is no such week.")
    return week


# --- Schedule ---------------------------------------------------------------------------


def clean_weekday(raw) -> int:
    weekday = whole_number(raw)
    if weekday not in Weekday.values:
        raise UserError("Please choose a day of the week (0 is Monday, 6 is Sunday).")
    return weekday


def clean_time(raw) -> time:
    if isinstance(raw, time):
        return raw.replace(second=0, microsecond=0, tzinfo=None)
    text = str(raw or "").strip()
    try:
        if len(text) != 5:
            raise ValueError(text)
        return time.fromisoformat(text)
    except ValueError as bad:
        raise UserError("Please give a time like 19:30 (24-hour clock).") from bad


def schedule_for(actor: User) -> WeeklySchedule | None:
    return WeeklySchedule.objects.filter(pair=require_pair(actor).pair).first()


def set_schedule(actor: User, weekday, at) -> WeeklySchedule:
    """Either partner may set or change when the pair meets; the time is read
    in the time zone of whoever set it."""
    weekday, at = clean_weekday(weekday), clean_time(at)
    pair = require_pair(actor).pair
    with transaction.atomic():
        lock_pair(pair)
        schedule, _ = WeeklySchedule.objects.update_or_create(
            pair=pair,
            defaults={
                "weekday": weekday,
                "at": at,
                "time_zone": actor.time_zone,
                "updated_by": actor,
                "updated_at": timezone.now(),
            },
        )
    return schedule


def next_meeting(schedule: WeeklySchedule, now: datetime | None = None) -> datetime:
    """The next time the pair planned to meet, as an aware datetime."""
    local_now = (now or timezone.now()).astimezone(zone(schedule.time_zone))
    ahead = (schedule.weekday - local_now.weekday()) % 7
    meeting = datetime.combine(
        local_now.date() + timedelta(days=ahead), schedule.at, tzinfo=local_now.tzinfo
    )
    return meeting if meeting >= local_now else meeting + timedelta(days=7)


# --- Filling it in -----------------------------------------------------------------------


def clean_weekly(answers: dict) -> dict[str, str]:
    unknown = set(answers) - set(WEEKLY_ANSWERS)
    if unknown:
        raise UserError("The weekly check-in has five questions; please answer those.")
    cleaned = {
        name: clean_optional_text(
            answers.get(name), limit=WEEKLY_ANSWER_MAX_CHARS, what=f"answer to “{prompt}”"
        )
        for name, prompt in weekly_prompts().items()
    }
    if not any(cleaned.values()):
        raise UserError(
            "Your weekly check-in is empty. A few words for any one of the questions is enough."
        )
    return cleaned


def submit_weekly(actor: User, **answers) -> WeeklyCheckIn:
    """Save this week's check-in. Sending again edits it while the partner's
    is still to come; once both are in, the week is settled."""
    cleaned = clean_weekly(answers)
    context = require_pair(actor)
    week = week_starting(context.today())
    return save_response(
        actor,
        WeeklyCheckIn,
        week,
        cleaned,
        final=(
            f"You've both shared this week's check-in, so it stays as it is. "
            f"Bring anything new along when you talk with {context.partner}."
        ),
        on_create=lambda weekly: record(actor, Verb.WEEKLY_CHECKED_IN, weekly, day=week),
    )


# --- Reading -------------------------------------------------------------------------


@dataclass
class WeekView:
    """One week's check-ins as the viewer may see them."""

    week: date
    is_current: bool
    mine: WeeklyCheckIn | None = None
    partner: WeeklyCheckIn | None = None  # only once both are in
    partner_submitted: bool = False

    @property
    def revealed(self) -> bool:
        return self.mine is not None and self.partner is not None

    @property
    def can_edit(self) -> bool:
        return self.is_current and not (self.mine is not None and self.partner_submitted)

    @property
    def week_ends(self) -> date:
        return self.week + timedelta(days=6)

    @property
    def answers(self) -> list[tuple[str, str, str]]:
        """(question, my answer, partner's answer) for each weekly question."""
        return [
            (prompt, getattr(self.mine, name, ""), getattr(self.partner, name, ""))
            for name, prompt in weekly_prompts().items()
        ]


def view_week(actor: User, week: date | None = None) -> WeekView:
    context = require_pair(actor)
    current = this_week(actor)
    week = current if week is None else parse_week(week)
    view = WeekView(week=week, is_current=week == current)
    visible = WeeklyCheckIn.objects.in_current_pair(actor).filter(week=week)
    # Only who has written is read here (the news says as much); content comes
    # through revealed_to below.
    view.partner_submitted = visible.filter(author=context.partner.pk).exists()
    for weekly in WeeklyCheckIn.objects.revealed_to(actor).filter(week=week):
        if weekly.author_id == actor.pk:
            view.mine = weekly
        else:
            view.partner = weekly
    if not view.is_current and view.mine is None and not view.partner_submitted:
        raise NotFound("There is no check-in for that week.")
    return view


def weekly_history(actor: User, *, before: date | None = None) -> list[WeekView]:
    """Past weeks the viewer filled in, newest first, a page at a time."""
    current = this_week(actor)
    before = min(week_starting(before), current) if before else current
    revealed = WeeklyCheckIn.objects.revealed_to(actor)
    weeks = list(
        revealed.filter(author=actor.pk, week__lt=before)
        .order_by("-week")
        .values_list("week", flat=True)[:HISTORY_PAGE]
    )
    views = {week: WeekView(week=week, is_current=False) for week in weeks}
    for weekly in revealed.filter(week__in=weeks):
        view = views[weekly.week]
        if weekly.author_id == actor.pk:
            view.mine = weekly
        else:
            view.partner = weekly
            view.partner_submitted = True
    return list(views.values())


# --- The agenda for talking in person ------------------------------------------------------


@dataclass
class AgendaItem:
    who: User
    by_me: bool
    text: str


@dataclass
class AgendaStep:
    key: str
    title: str
    guidance: str
    items: list[AgendaItem] = field(default_factory=list)


def agenda(actor: User, week: date | None = None) -> tuple[WeekView, list[AgendaStep]]:
    """A short agenda for talking in person, once both check-ins are in:
    appreciations first, then each person's one need, then what's on each mind."""
    view = view_week(actor, week)
    if not view.revealed:
        raise Conflict(
            "Your agenda appears once you have both filled in this week's check-in."
            if view.is_current
            else "That week has no agenda: it needed both of your check-ins."
        )
    # Both partners see the same order: whoever wrote first speaks first.
    both = sorted((view.mine, view.partner), key=lambda weekly: (weekly.created_at, weekly.pk))
    steps = []
    for guide in weekly_texts().agenda:
        step = AgendaStep(key=guide.key, title=guide.title.shown, guidance=guide.guidance.shown)
        for weekly in both:
            text = getattr(weekly, guide.key)
            if text:
                by_me = weekly.author_id == actor.pk
                who = actor if by_me else require_pair(actor).partner
                step.items.append(AgendaItem(who=who, by_me=by_me, text=text))
        if step.items:
            steps.append(step)
    return view, steps
