"""Daily and weekly check-ins in a person's earlier writing."""

from django.utils.formats import date_format

from hearthside.earlier_writing import Part, Writing, earlier_writing

from .models import CheckIn, CheckInPrivateNote, Mood, Need, WeeklyCheckIn
from .prompts import weekly_prompts


@earlier_writing("checkin", CheckIn)
def checkins(viewer, rows):
    private_notes = dict(
        CheckInPrivateNote.objects.authored_by(viewer)
        .filter(checkin__in=rows)
        .values_list("checkin_id", "text")
    )
    return [
        Writing(
            "checkin",
            checkin.pk,
            checkin.created_at,
            f"Check-in of {date_format(checkin.day, 'j F Y')}",
            tuple(
                Part(label, text)
                for label, text in (
                    ("Mood", Mood(checkin.mood).label if checkin.mood else ""),
                    ("Feelings", ", ".join(checkin.all_feelings)),
                    ("What I needed", Need(checkin.need).label if checkin.need else ""),
                    ("Note", checkin.note),
                    ("Private note", private_notes.get(checkin.pk, "")),
                )
                if text
            ),
        )
        for checkin in rows
    ]


@earlier_writing("weekly", WeeklyCheckIn)
def weekly_checkins(viewer, rows):
    return [
        Writing(
            "weekly",
            weekly.pk,
            weekly.created_at,
            f"Weekly check-in, week of {date_format(weekly.week, 'j F Y')}",
            tuple(
                Part(prompt, getattr(weekly, name))
                for name, prompt in weekly_prompts().items()
                if getattr(weekly, name)
            ),
        )
        for weekly in rows
    ]
