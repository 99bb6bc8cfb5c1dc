"""What a person can do with daily check-ins: check in, share, look back.

Weekly check-ins and their schedule are in ``weekly.py``.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from hearthside.activity.models import Verb
from hearthside.activity.services import record
from hearthside.errors import UserError
from hearthside.inputs import clean_optional_text, whole_number
from hearthside.pairs.models import User
from hearthside.pairs.services import require_pair
from hearthside.privacy.models import Visibility, save_response

from .feelings import curated_word, feeling_words
from .models import (
    FEELINGS_MAX,
    FREE_FEELING_MAX_CHARS,
    FREE_FEELINGS_MAX,
    NOTE_MAX_CHARS,
    PRIVATE_NOTE_MAX_CHARS,
    CheckIn,
    CheckInPrivateNote,
    Mood,
    Need,
)

RECENT_DAYS = 14
RECENT_PAGE = timedelta(days=RECENT_DAYS)
# Letters of any script, with spaces, hyphens and apostrophes between them.
OWN_FEELING = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")


# --- Cleaning what people send ---------------------------------------------------------


def clean_mood(raw) -> int | None:
    if raw is None or raw == "":
        return None
    mood = whole_number(raw)
    if mood not in Mood.values:
        raise UserError("Mood goes from 1 (really low) to 5 (really good).")
    return mood


def clean_feelings(raw: list[str] | None) -> list[str]:
    chosen = []
    for item in raw or []:
        word = str(item).strip().lower()
        if word not in feeling_words():
            shown = str(item).strip()[:FREE_FEELING_MAX_CHARS] or "(empty)"
            raise UserError(
                f"“{shown}” isn't one of the listed feeling words. "
                "You can add it under “in your own words” instead."
            )
        if word not in chosen:
            chosen.append(word)
    return chosen


def clean_own_feelings(raw: list[str] | None) -> list[str]:
    words = []
    for item in raw or []:
        word = " ".join(str(item).split())
        if not word:
            continue
        if len(word) > FREE_FEELING_MAX_CHARS:
            raise UserError(
                f"Please keep each feeling of your own to {FREE_FEELING_MAX_CHARS} characters; "
                "a word or two is plenty."
            )
        if not OWN_FEELING.match(word):
            raise UserError(
                "Feelings in your own words can use letters, spaces, hyphens and apostrophes. "
                "Anything longer fits in the note."
            )
        if word.lower() not in (existing.lower() for existing in words):
            words.append(word)
    if len(words) > FREE_FEELINGS_MAX:
        raise UserError(f"Please add up to {FREE_FEELINGS_MAX} feelings in your own words.")
    return words


def clean_need(raw: str | None) -> str:
    need = (raw or "").strip()
    if need and need not in Need.values:
        raise UserError("Please choose one of the listed needs, or leave it open.")
    return need


@dataclass
class CheckInAnswers:
    mood: int | None
    feelings: list[str]
    own_feelings: list[str]
    need: str
    note: str
    private_note: str


def clean_checkin(
    *, mood=None, feelings=None, own_feelings=None, need="", note="", private_note=""
) -> CheckInAnswers:
    curated = clean_feelings(feelings)
    own = clean_own_feelings(own_feelings)
    # A word typed by hand that is on the list, in any of its languages,
    # counts as chosen from the list.
    curated += [curated_word(word) for word in own if curated_word(word)]
    own = [word for word in own if not curated_word(word)]
    answers = CheckInAnswers(
        mood=clean_mood(mood),
        feelings=list(dict.fromkeys(curated)),
        own_feelings=own,
        need=clean_need(need),
        note=clean_optional_text(note, limit=NOTE_MAX_CHARS, what="note"),
        private_note=clean_optional_text(
            private_note, limit=PRIVATE_NOTE_MAX_CHARS, what="private note"
        ),
    )
    if len(answers.feelings) > FEELINGS_MAX:
        raise UserError(
            f"Please choose up to {FEELINGS_MAX} feeling words: the ones that feel loudest today."
        )
    shareable = (answers.mood, answers.feelings, answers.own_feelings, answers.need, answers.note)
    if not any(shareable):
        raise UserError(
            "There's nothing in this check-in yet. Tap a mood or a feeling word; "
            "that's all it takes."
        )
    return answers


# --- Checking in -----------------------------------------------------------------------


def check_in(actor: User, **fields) -> CheckIn:
    """Save today's check-in. Sending again the same day changes it until the
    partner has checked in too; from then on both are final."""
    answers = clean_checkin(**fields)
    context = require_pair(actor)
    day = context.today()
    with transaction.atomic():
        mine = save_response(
            actor,
            CheckIn,
            day,
            _content(answers),
            final=(
                "You've both checked in today, so your check-in stays as it is. If something "
                f"has changed since, you could share it with {context.partner}."
            ),
            on_create=lambda checkin: record(actor, Verb.CHECKED_IN, checkin, day=day),
        )
        _keep_private_note(actor, mine, answers.private_note)
    return mine


def _content(answers: CheckInAnswers) -> dict:
    return {
        "mood": answers.mood,
        "feelings": answers.feelings,
        "own_feelings": "\n".join(answers.own_feelings),
        "need": answers.need,
        "note": answers.note,
    }


def _my_checkin(actor: User, day: date) -> CheckIn | None:
    return CheckIn.objects.in_current_pair(actor).filter(author=actor.pk, day=day).first()


def _keep_private_note(actor: User, checkin: CheckIn, text: str) -> None:
    notes = CheckInPrivateNote.objects.authored_by(actor).filter(checkin=checkin)
    if not text:
        notes.delete()
    elif not notes.update(text=text):
        CheckInPrivateNote.objects.create(
            author=actor,
            pair=checkin.pair,
            visibility=Visibility.PRIVATE,
            checkin=checkin,
            text=text,
        )


def share_directly(actor: User) -> CheckIn:
    """Let the partner see today's check-in now, before they have checked in."""
    mine = _my_checkin(actor, require_pair(actor).today())
    if mine is None:
        raise UserError("Check in first; then you can share it straight away.")
    if not mine.shared_directly:
        mine.shared_directly = True
        mine.save(update_fields=["shared_directly"])
    return mine


# --- Reading -------------------------------------------------------------------------


@dataclass
class DayOfCheckIns:
    """One of the pair's days as the viewer may see it."""

    day: date
    mine: CheckIn | None = None
    my_private_note: str = ""
    partner: CheckIn | None = None  # only once revealed to the viewer
    partner_checked_in: bool = False

    @property
    def can_change(self) -> bool:
        """Check in, or change the check-in while the partner's is still to come."""
        return not (self.mine is not None and self.partner_checked_in)

    @property
    def can_share(self) -> bool:
        return (
            self.mine is not None and not self.mine.shared_directly and not self.partner_checked_in
        )


def today(actor: User) -> DayOfCheckIns:
    """Today's check-ins: mine, and my partner's once revealed to me."""
    context = require_pair(actor)
    view = DayOfCheckIns(day=context.today())
    for checkin in CheckIn.objects.revealed_to(actor).filter(day=view.day):
        if checkin.author_id == actor.pk:
            view.mine = checkin
        else:
            view.partner = checkin
    # Whether the partner checked in is news they share anyway ("Sam checked
    # in"); only the author ids are read, never the content.
    view.partner_checked_in = view.partner is not None or (
        CheckIn.objects.in_current_pair(actor)
        .filter(day=view.day, author=context.partner.pk)
        .exists()
    )
    if view.mine is not None:
        view.my_private_note = _private_notes(actor, [view.mine]).get(view.mine.pk, "")
    return view


def recent_days(
    actor: User, *, before: date | None = None
) -> tuple[list[DayOfCheckIns], date | None]:
    """The days in the RECENT_DAYS before ``before`` (default: today) that hold
    a check-in the viewer may see, newest first; and where the next, older
    page begins, if there is anything older."""
    context = require_pair(actor)
    # Clamped both ways: nothing lies ahead of today, and date arithmetic
    # must not run off the start of the calendar.
    end = max(min(before or context.today(), context.today()), date.min + RECENT_PAGE)
    start = end - RECENT_PAGE
    revealed = CheckIn.objects.revealed_to(actor)
    checkins = list(revealed.filter(day__gte=start, day__lt=end).order_by("-day"))
    notes = _private_notes(actor, [c for c in checkins if c.author_id == actor.pk])
    days: dict[date, DayOfCheckIns] = {}
    for checkin in checkins:
        view = days.setdefault(checkin.day, DayOfCheckIns(day=checkin.day))
        if checkin.author_id == actor.pk:
            view.mine = checkin
            view.my_private_note = notes.get(checkin.pk, "")
        else:
            view.partner = view.partner or checkin
            view.partner_checked_in = True
    older = revealed.filter(day__lt=start).exists()
    return list(days.values()), start if older else None


def _private_notes(actor: User, checkins: list[CheckIn]) -> dict[int, str]:
    if not checkins:
        return {}
    notes = CheckInPrivateNote.objects.authored_by(actor).filter(checkin__in=checkins)
    return {note.checkin_id: note.text for note in notes}


def checkin_for(actor: User, checkin_id: int) -> CheckIn:
    """One check-in by id, if the viewer may see it; NotFound otherwise."""
    return CheckIn.objects.revealed_to(actor).get_visible(actor, pk=checkin_id)
