"""What a person can do with needs: ask, acknowledge, answer with a note,
and mark a need as met."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from hearthside.activity.models import Verb
from hearthside.activity.services import record
from hearthside.errors import Conflict, UserError
from hearthside.inputs import clean_text
from hearthside.pairs.models import User
from hearthside.pairs.services import require_pair
from hearthside.privacy.models import visible_thread

from .models import NEED_MAX_CHARS, NOTE_MAX_CHARS, AnswerKind, Need, NeedAnswer

NEEDS_PAGE = 20
OPEN_ON_TODAY = 3
BY_WHEN_REACH = timedelta(days=366)


def _needs(actor: User):
    mine = NeedAnswer.objects.authored_by(actor).filter(
        need=OuterRef("pk"), kind=AnswerKind.ACKNOWLEDGEMENT
    )
    return Need.objects.select_related("author").annotate(acknowledged_by_me=Exists(mine))


def clean_by_when(by_when: date | None, today: date) -> date | None:
    if by_when is None:
        return None
    if by_when < today:
        raise UserError("“By when” can't be in the past. Leave it empty if there's no rush.")
    if by_when > today + BY_WHEN_REACH:
        raise UserError("Please choose a “by when” within the next year.")
    return by_when


def ask_for(actor: User, text: str, by_when: date | None = None) -> Need:
    context = require_pair(actor)
    text = clean_text(text, limit=NEED_MAX_CHARS, what="need")
    by_when = clean_by_when(by_when, context.today())
    with transaction.atomic():
        need = Need.objects.create(author=actor, pair=context.pair, text=text, by_when=by_when)
        record(actor, Verb.NEEDED, need, day=context.today())
    return need


def need_for(actor: User, need_id: int) -> Need:
    """A need of the actor's current pair with the answers they may see."""
    require_pair(actor)
    answers = visible_thread("answers", NeedAnswer, actor)
    return _needs(actor).prefetch_related(answers).get_visible(actor, pk=need_id)


def needs_page(actor: User, *, met: bool = False, before: int | None = None) -> list[Need]:
    """Open (or met) needs of both partners, newest first; pass the last id as
    ``before`` for the next page."""
    require_pair(actor)
    needs = (
        _needs(actor)
        .in_current_pair(actor)
        .filter(met_at__isnull=not met)
        .prefetch_related(visible_thread("answers", NeedAnswer, actor))
        .order_by("-pk")
    )
    if before is not None:
        needs = needs.filter(pk__lt=before)
    return list(needs[:NEEDS_PAGE])


def waiting_for_answer(actor: User) -> list[Need]:
    """The partner's open needs the actor has not answered yet, soonest first."""
    require_pair(actor)
    my_answers = NeedAnswer.objects.authored_by(actor).filter(need=OuterRef("pk"))
    return list(
        _needs(actor)
        .in_current_pair(actor)
        .filter(met_at__isnull=True)
        .exclude(author=actor.pk)
        .exclude(Exists(my_answers))
        .order_by(F("by_when").asc(nulls_last=True), "-pk")[: OPEN_ON_TODAY + 1]
    )


def _answerable(actor: User, need_id: int) -> Need:
    need = need_for(actor, need_id)
    if need.author_id == actor.pk:
        raise UserError(
            f"This is your own need, so it's {require_pair(actor).partner}'s to answer."
        )
    return need


def acknowledge(actor: User, need_id: int) -> NeedAnswer:
    """The one-tap "you can count on me"; a second tap is refused, never doubled."""
    need = _answerable(actor, need_id)
    if need.is_met:
        raise Conflict(f"{need.author} has already marked this need as met.")
    try:
        return _answer(actor, need, AnswerKind.ACKNOWLEDGEMENT)
    except IntegrityError as twice:
        raise Conflict(f"You've already let {need.author} know they can count on you.") from twice


def answer_with_note(actor: User, need_id: int, text: str) -> NeedAnswer:
    need = _answerable(actor, need_id)
    text = clean_text(text, limit=NOTE_MAX_CHARS, what="note")
    return _answer(actor, need, AnswerKind.NOTE, text)


def _answer(actor: User, need: Need, kind: AnswerKind, text: str = "") -> NeedAnswer:
    with transaction.atomic():
        answer = NeedAnswer.objects.create(
            need=need,
            author=actor,
            pair=need.pair,
            visibility=need.visibility,
            kind=kind,
            text=text,
        )
        record(actor, Verb.ACKNOWLEDGED_NEED, answer, opens=need, day=require_pair(actor).today())
    return answer


def mark_met(actor: User, need_id: int) -> Need:
    """The asker says the need is met; saying it twice counts once."""
    need = need_for(actor, need_id)
    if need.author_id != actor.pk:
        raise UserError(f"Only {need.author} can say when this need is met.")
    with transaction.atomic():
        marked = Need.objects.filter(pk=need.pk, met_at__isnull=True).update(met_at=timezone.now())
        if marked:
            record(actor, Verb.NEED_MET, need, day=require_pair(actor).today())
    return need_for(actor, need.pk)
