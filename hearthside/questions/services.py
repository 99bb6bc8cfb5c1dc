"""What a person can do with daily questions: answer, respond, skip, ask."""

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.validators import slug_re
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Prefetch
from django.utils import timezone
from django.utils.formats import date_format

from hearthside.activity.models import Verb
from hearthside.activity.services import record
from hearthside.errors import Conflict, NotFound, UserError
from hearthside.inputs import clean_text
from hearthside.pairs.models import User
from hearthside.pairs.services import lock_pair, require_pair
from hearthside.privacy.models import Visibility, save_response, visible_thread

from .models import (
    ANSWER_MAX_CHARS,
    OWN_QUESTION_MAX_CHARS,
    REPLY_MAX_CHARS,
    Answer,
    AnswerResponse,
    Category,
    DailyQuestion,
    Depth,
    Favourite,
    OwnQuestion,
    Question,
    ResponseKind,
    Skip,
    SkipReason,
    SwitchedOffCategory,
)
from .selection import Candidate, History, choose_question, should_serve_own_question

# A question skipped with "not today" may come back after this long.
NOT_TODAY_REST = timedelta(days=30)
# Enough recent days to see every category in the rotation.
HISTORY_WINDOW = 40
PENDING_OWN_QUESTIONS_MAX = 30
HISTORY_PAGE = 20


# --- Choosing the day's question ---------------------------------------------------------


def todays_question(actor: User) -> DailyQuestion:
    """Today's question for the actor's pair, chosen on first request.

    Both partners may ask at the same instant: the unique constraint on
    (pair, day) lets exactly one insert win and the other reads the winner's row.
    """
    context = require_pair(actor)
    day = context.today()
    current = _dailies().filter(pair=context.pair, day=day, skipped_at__isnull=True)
    existing = current.first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            _create_daily(actor, context.pair, day)
    except IntegrityError:
        pass
    return current.get()


def _dailies():
    return DailyQuestion.objects.select_related(
        "question__category", "own_question__category", "own_question__author"
    )


def _create_daily(actor: User, pair, day: date) -> DailyQuestion:
    history = _history(actor, pair, day)
    if should_serve_own_question(history):
        # The one read of a partner's private row on their behalf: serving the
        # question is what shows it to the other partner, as its author meant.
        own = (
            OwnQuestion.objects.filter(pair=pair, daily__isnull=True)
            .order_by("created_at", "pk")
            .first()
        )
        if own is not None:
            OwnQuestion.objects.filter(pk=own.pk).update(visibility=Visibility.PARTNER)
            return DailyQuestion.objects.create(pair=pair, day=day, own_question=own)
    question_id, round_number = _next_bank_question(pair, day, history)
    if question_id is None:
        raise Conflict("There are no questions left to ask. Ask each other one of your own.")
    return DailyQuestion.objects.create(
        pair=pair, day=day, question_id=question_id, round=round_number
    )


def _history(actor: User, pair, day: date) -> History:
    recent = list(
        DailyQuestion.objects.filter(pair=pair, day__lt=day, skipped_at__isnull=True)
        .order_by("-day")
        .values_list(
            "day",
            "question__category_id",
            "question__depth",
            "own_question__category_id",
            "own_question__depth",
        )[:HISTORY_WINDOW]
    )
    last_own = next((row[0] for row in recent if row[3] is not None), None)
    both_answered = (
        Answer.objects.in_current_pair(actor)
        .values("daily")
        .annotate(count=Count("id"))
        .filter(count__gte=2)
        .count()
    )
    return History(
        recent_categories=[row[1] or row[3] for row in recent],
        recent_depths=[row[2] or row[4] for row in recent],
        both_answered=both_answered,
        days_since_own_question=(day - last_own).days if last_own else None,
        pending_own_questions=OwnQuestion.objects.filter(pair=pair, daily__isnull=True).count(),
        asked_counts=Counter(row[1] or row[3] for row in recent),
    )


def _next_bank_question(pair, day: date, history: History) -> tuple[int | None, int]:
    """A bank question not yet asked in the pair's current round. Once every
    eligible question has been asked, a new round begins and they may return."""
    round_number = (
        DailyQuestion.objects.filter(pair=pair).aggregate(Max("round"))["round__max"] or 1
    )
    eligible = Question.objects.filter(active=True).exclude(
        category__in=SwitchedOffCategory.objects.filter(pair=pair).values("category")
    )
    set_aside = Skip.objects.filter(pair=pair).exclude(
        reason=SkipReason.NOT_TODAY, day__lt=day - NOT_TODAY_REST
    )
    eligible = eligible.exclude(pk__in=set_aside.values("question"))
    # Cards the pair drew in the conversation deck lately rest for a while.
    from hearthside.deck.services import without_recent_draws

    eligible = without_recent_draws(pair, eligible)
    # Seeded by pair and day: repeatable, and varied between pairs. Not a secret.
    rng = random.Random(f"{pair.pk}:{day.isoformat()}")  # noqa: S311
    for attempt in (round_number, round_number + 1):
        asked = DailyQuestion.objects.filter(
            pair=pair, round=attempt, question__isnull=False, skipped_at__isnull=True
        )
        rows = eligible.exclude(pk__in=asked.values("question")).values_list(
            "pk", "category_id", "depth"
        )
        choice = choose_question([Candidate(*row) for row in rows], history, rng)
        if choice is not None:
            return choice.id, attempt
    return None, round_number


# --- Reading -----------------------------------------------------------------------------


@dataclass
class DailyView:
    """One daily question as the viewer may see it."""

    daily: DailyQuestion
    my_answer: Answer | None
    partner_answer: Answer | None  # only once the viewer has answered
    partner_has_answered: bool
    favourite: bool
    can_edit: bool  # answer now, or change the answer while the partner's is still to come
    can_skip: bool

    def _sent(self, kind: str) -> bool:
        """Whether the viewer sent this kind of response on the partner's answer
        (read from the prefetched thread: the partner's answer is only there
        once the viewer has answered, so the viewer is my_answer's author)."""
        if self.partner_answer is None or self.my_answer is None:
            return False
        me = self.my_answer.author_id
        return any(
            response.kind == kind and response.author_id == me
            for response in self.partner_answer.responses.all()
        )

    @property
    def hearted(self) -> bool:
        return self._sent(ResponseKind.HEART)

    @property
    def thanked(self) -> bool:
        return self._sent(ResponseKind.THANKS)


def daily_for(actor: User, daily_id: int) -> DailyQuestion:
    context = require_pair(actor)
    try:
        return _dailies().get(pk=int(daily_id), pair=context.pair)
    except (DailyQuestion.DoesNotExist, ValueError, TypeError) as missing:
        raise NotFound() from missing


def view_daily(actor: User, daily: DailyQuestion) -> DailyView:
    context = require_pair(actor)
    # Who has answered is news the partner shares anyway; never what.
    respondents = set(
        Answer.objects.in_current_pair(actor)
        .filter(daily=daily)
        .values_list("author_id", flat=True)
    )
    revealed = {
        answer.author_id: answer
        for answer in Answer.objects.revealed_to(actor)
        .filter(daily=daily)
        .select_related("author")
        .prefetch_related(visible_thread("responses", AnswerResponse, actor))
    }
    my_answer = revealed.get(actor.pk)
    partner_has_answered = context.partner.pk in respondents
    is_open = daily.is_open_on(context.today())
    return DailyView(
        daily=daily,
        my_answer=my_answer,
        partner_answer=revealed.get(context.partner.pk),
        partner_has_answered=partner_has_answered,
        favourite=Favourite.objects.authored_by(actor).filter(daily=daily).exists(),
        can_edit=is_open and not (my_answer is not None and partner_has_answered),
        can_skip=is_open and daily.question_id is not None and not respondents,
    )


def shared_history(actor: User, *, before: date | None = None) -> list[DailyView]:
    """Past questions both partners answered, newest first, a page at a time."""
    context = require_pair(actor)
    dailies = (
        _dailies()
        .filter(pair=context.pair)
        .annotate(answer_count=Count("answers"))
        .filter(answer_count__gte=2)
        .order_by("-day")
    )
    if before is not None:
        dailies = dailies.filter(day__lt=before)
    dailies = list(
        dailies.prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.revealed_to(actor)
                .select_related("author")
                .prefetch_related(visible_thread("responses", AnswerResponse, actor)),
                to_attr="revealed_answers",
            )
        )[:HISTORY_PAGE]
    )
    favourites = set(
        Favourite.objects.authored_by(actor)
        .filter(daily__in=dailies)
        .values_list("daily_id", flat=True)
    )
    views = []
    for daily in dailies:
        by_author = {answer.author_id: answer for answer in daily.revealed_answers}
        if len(by_author) < 2:
            continue
        views.append(
            DailyView(
                daily=daily,
                my_answer=by_author.get(actor.pk),
                partner_answer=by_author.get(context.partner.pk),
                partner_has_answered=True,
                favourite=daily.pk in favourites,
                can_edit=False,
                can_skip=False,
            )
        )
    return views


# --- Answering ----------------------------------------------------------------------


def answer_question(actor: User, daily_id: int, text: str) -> Answer:
    """Save the actor's answer to the pair's question of the day. It can be
    changed until the partner's answer is in; from then on both are final."""
    context = require_pair(actor)
    daily = daily_for(actor, daily_id)
    text = clean_text(text, limit=ANSWER_MAX_CHARS, what="answer")
    today = context.today()
    with transaction.atomic():
        lock_pair(context.pair)
        # Read again under the lock: a skip a moment ago sets this question aside.
        daily = daily_for(actor, daily.pk)
        if not daily.is_open_on(today):
            raise Conflict(_no_longer_open(daily))
        return save_response(
            actor,
            Answer,
            daily,
            {"text": text},
            created_with={"written_on": today},
            final=(
                f"You've both answered, so your answer stays as it is. Anything you'd "
                f"like to add can go in a reply to {context.partner}."
            ),
            on_create=lambda answer: record(
                actor, Verb.ANSWERED, answer, opens=daily, day=daily.day
            ),
        )


def _no_longer_open(daily: DailyQuestion) -> str:
    if daily.skipped_at is not None:
        return (
            "This question was set aside a moment ago, so your answer wasn't saved. "
            "Today's question is waiting for you instead."
        )
    asked_on = date_format(daily.day, "j F")
    return f"This was the question for {asked_on}. Only today's question can be answered."


def answer_for(actor: User, answer_id: int) -> Answer:
    return (
        Answer.objects.revealed_to(actor).select_related("daily").get_visible(actor, pk=answer_id)
    )


def respond(actor: User, answer_id: int, kind: str, text: str = "") -> AnswerResponse:
    """A heart, a thank-you or a reply on an answer the actor can see."""
    if kind not in ResponseKind.values:
        raise UserError("Choose a heart, a thank-you or a reply.")
    answer = answer_for(actor, answer_id)
    verb = {
        ResponseKind.HEART: Verb.HEARTED,
        ResponseKind.THANKS: Verb.THANKED,
        ResponseKind.REPLY: Verb.REPLIED,
    }[kind]
    if kind != ResponseKind.REPLY:
        if answer.author_id == actor.pk:
            raise UserError("Hearts and thanks are for your partner's answer.")
        mine = AnswerResponse.objects.authored_by(actor).filter(answer=answer, kind=kind)
        try:
            with transaction.atomic():
                response, created = mine.get_or_create(
                    answer=answer, author=actor, kind=kind, defaults={"pair": answer.pair}
                )
                if created:
                    record(actor, verb, response, opens=answer.daily, day=answer.daily.day)
        except IntegrityError:
            return mine.get()  # the same tap arrived twice at once: one heart
        return response
    text = clean_text(text, limit=REPLY_MAX_CHARS, what="reply")
    with transaction.atomic():
        response = AnswerResponse.objects.create(
            answer=answer, author=actor, pair=answer.pair, kind=kind, text=text
        )
        record(actor, verb, response, opens=answer.daily, day=answer.daily.day)
    return response


def take_back_heart(actor: User, answer_id: int) -> None:
    """Its news goes with it (see activity.models.announce)."""
    answer = answer_for(actor, answer_id)
    with transaction.atomic():
        AnswerResponse.objects.authored_by(actor).filter(
            answer=answer, kind=ResponseKind.HEART
        ).delete()


# --- Skipping, favourites, categories, own questions ------------------------------------------


def skip_question(actor: User, daily_id: int, reason: str) -> DailyQuestion:
    """Set today's question aside and ask another one in its place. The
    skipped row keeps its question, so nothing ever moves an answer."""
    if reason not in SkipReason.values:
        raise UserError("Tell us why: “not today” or “not for us”.")
    context = require_pair(actor)
    today = context.today()
    with transaction.atomic():
        lock_pair(context.pair)
        daily = daily_for(actor, daily_id)
        if daily.skipped_at is not None:
            raise Conflict("This question was set aside a moment ago; another one took its place.")
        if daily.day != today:
            raise Conflict("Only today's question can be skipped.")
        if daily.question_id is None:
            raise Conflict(
                "Your partner wrote this question for you, so it can't be skipped. "
                "You're free to leave it unanswered."
            )
        if Answer.objects.in_current_pair(actor).filter(daily=daily).exists():
            raise Conflict(
                "One of you has already answered this question, so it stays. "
                "You're free to leave it unanswered."
            )
        Skip.objects.create(
            author=actor, pair=context.pair, question_id=daily.question_id, reason=reason, day=today
        )
        daily.skipped_at = timezone.now()
        daily.save(update_fields=["skipped_at"])
        question_id, round_number = _next_bank_question(
            context.pair, today, _history(actor, context.pair, today)
        )
        if question_id is None:
            raise Conflict("There is no other question left to offer today.")
        replacement = DailyQuestion.objects.create(
            pair=context.pair, day=today, question_id=question_id, round=round_number
        )
    return _dailies().get(pk=replacement.pk)


def set_favourite(actor: User, daily_id: int, favourite: bool) -> bool:
    daily = daily_for(actor, daily_id)
    mine = Favourite.objects.authored_by(actor).filter(daily=daily)
    if not favourite:
        mine.delete()
        return False
    try:
        with transaction.atomic():
            mine.get_or_create(
                daily=daily,
                author=actor,
                defaults={"pair": daily.pair, "visibility": Visibility.PRIVATE},
            )
    except IntegrityError:
        pass  # the same tap arrived twice; it is a favourite either way
    return True


def favourites(actor: User) -> list[DailyQuestion]:
    """The actor's favourites among the current pair's questions."""
    ids = Favourite.objects.in_current_pair(actor).filter(author=actor.pk).values("daily")
    return list(_dailies().filter(pk__in=ids).order_by("-day"))


def category_settings(actor: User) -> list[tuple[Category, bool]]:
    pair = require_pair(actor).pair
    off = set(SwitchedOffCategory.objects.filter(pair=pair).values_list("category_id", flat=True))
    return [(category, category.pk not in off) for category in Category.objects.all()]


def category_named(slug: str) -> Category | None:
    # Only a well-formed slug reaches the database: PostgreSQL refuses a NUL in a query.
    if not slug_re.match(slug or ""):
        return None
    return Category.objects.filter(slug=slug).first()


def set_category(actor: User, slug: str, enabled: bool) -> None:
    pair = require_pair(actor).pair
    category = category_named(slug)
    if category is None:
        raise NotFound("There is no such category.")
    switched_off = SwitchedOffCategory.objects.filter(pair=pair)
    if enabled:
        switched_off.filter(category=category).delete()
        return
    with transaction.atomic():
        off = set(switched_off.select_for_update().values_list("category_id", flat=True))
        if category.pk in off:
            return
        if len(off | {category.pk}) >= Category.objects.count():
            raise UserError("Keep at least one category on, so there is something to ask.")
        SwitchedOffCategory.objects.create(pair=pair, category=category, switched_off_by=actor)


def ask_own_question(
    actor: User, text: str, category_slug: str | None = None, depth: int = Depth.PERSONAL
) -> OwnQuestion:
    context = require_pair(actor)
    text = clean_text(text, limit=OWN_QUESTION_MAX_CHARS, what="question")
    category = category_named(category_slug or "our-relationship")
    if category is None:
        raise UserError("Please choose one of the listed categories.")
    if depth not in Depth.values:
        raise UserError("Depth is 1 (light), 2 (personal) or 3 (deep).")
    waiting = (
        OwnQuestion.objects.in_current_pair(actor)
        .filter(author=actor.pk, daily__isnull=True)
        .count()
    )
    if waiting >= PENDING_OWN_QUESTIONS_MAX:
        raise Conflict(
            f"You have {waiting} questions waiting already. Let a few of them be asked first."
        )
    with transaction.atomic():
        own = OwnQuestion.objects.create(
            author=actor,
            pair=context.pair,
            visibility=Visibility.PRIVATE,
            text=text,
            category=category,
            depth=depth,
        )
        record(actor, Verb.ASKED, own)
    return own


def my_waiting_questions(actor: User) -> list[OwnQuestion]:
    return list(
        OwnQuestion.objects.in_current_pair(actor)
        .filter(author=actor.pk, daily__isnull=True)
        .select_related("category")
        .order_by("created_at")
    )


def withdraw_own_question(actor: User, own_question_id: int) -> None:
    own = OwnQuestion.objects.in_current_pair(actor).filter(
        author=actor.pk, pk=own_question_id, daily__isnull=True
    )
    with transaction.atomic():
        if not own.delete()[0]:
            raise NotFound("That question is not waiting to be asked.")
