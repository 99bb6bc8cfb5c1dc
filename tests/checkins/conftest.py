"""Check-in helpers: a year or two of history, made in bulk, and snapshots that
show a refused request changed nothing."""

from datetime import timedelta

import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.checkins.models import (
    CheckIn,
    CheckInPrivateNote,
    WeeklyCheckIn,
    WeeklySchedule,
    week_starting,
)
from hearthside.pairs.services import pair_context
from hearthside.privacy.models import Visibility


def checkin_snapshot() -> dict:
    """Everything the check-in tables hold, so that 'nothing changed' is a comparison."""
    return {
        "checkins": sorted(
            (
                c.pk,
                c.author_id,
                c.day,
                c.mood,
                tuple(c.feelings),
                c.own_feelings,
                c.need,
                c.note,
                c.shared_directly,
                c.updated_at,
            )
            for c in CheckIn.objects.all()
        ),
        "private_notes": sorted((n.checkin_id, n.text) for n in CheckInPrivateNote.objects.all()),
        "weekly": sorted(
            (
                w.pk,
                w.author_id,
                w.week,
                w.went_well,
                w.appreciation,
                w.on_my_mind,
                w.one_need,
                w.how_to_help,
                w.updated_at,
            )
            for w in WeeklyCheckIn.objects.all()
        ),
        "schedules": sorted(
            (s.pair_id, s.weekday, s.at, s.time_zone, s.updated_at)
            for s in WeeklySchedule.objects.all()
        ),
        "activities": Activity.objects.count(),
    }


@pytest.fixture
def long_history():
    """Fill ``days`` of daily and weekly check-ins for a pair, before today."""

    def fill(first, second, *, days: int, older_than: int = 0) -> None:
        context = pair_context(first)
        today = context.today()
        checkins, notes, weeklies = [], [], []
        for ago in range(older_than + 1, days + 1):
            day = today - timedelta(days=ago)
            for person in (first, second):
                checkins.append(
                    CheckIn(
                        author=person,
                        pair=context.pair,
                        day=day,
                        mood=1 + ago % 5,
                        feelings=["calm"],
                        note=f"day {ago}",
                    )
                )
        CheckIn.objects.bulk_create(checkins)
        Activity.objects.bulk_create(
            Activity(
                author_id=checkin.author_id,
                pair=context.pair,
                verb=Verb.CHECKED_IN,
                day=checkin.day,
                announced_id=checkin.pk,
                target_id=checkin.pk,
            )
            for checkin in checkins
        )
        for checkin in CheckIn.objects.filter(
            pair=context.pair, author=first, day__lt=today - timedelta(days=older_than)
        ):
            notes.append(
                CheckInPrivateNote(
                    author=first,
                    pair=context.pair,
                    visibility=Visibility.PRIVATE,
                    checkin=checkin,
                    text="only mine",
                )
            )
        CheckInPrivateNote.objects.bulk_create(notes)
        this_week = week_starting(today)
        for weeks_ago in range(older_than // 7 + 1, days // 7 + 1):
            for person in (first, second):
                weeklies.append(
                    WeeklyCheckIn(
                        author=person,
                        pair=context.pair,
                        week=this_week - timedelta(weeks=weeks_ago),
                        appreciation=f"thanks {weeks_ago}",
                        one_need="a walk",
                    )
                )
        WeeklyCheckIn.objects.bulk_create(weeklies)

    return fill
