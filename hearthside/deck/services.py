"""The conversation deck: question cards to talk about in person.

Cards come from the question bank. Drawing one records only that the pair
drew it (a DeckDraw row), so the daily question lets that card rest for
DECK_REST before asking it.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from hearthside.errors import Conflict, NotFound, UserError
from hearthside.inputs import whole_number
from hearthside.pairs.models import User
from hearthside.pairs.services import require_pair
from hearthside.questions.bank import Tag, question_tags
from hearthside.questions.models import Category, Depth, Question

from .models import DeckDraw
from .session import SESSION_CARDS_MAX, DeckChoice, DeckSession, read_trail

# A card drawn in the deck is not asked as a daily question for this long.
DECK_REST = timedelta(days=45)
RESTING_SHOWN = 30
# More than the bank will ever have; a longer list is a mistake, not a choice.
CATEGORIES_MAX = 30
DEPTH_HINT = "Depth is 1 (light), 2 (personal) or 3 (deep)."
_random = secrets.SystemRandom()


class NothingLeft(Conflict):
    """Every card that fits the choices has come up in this session."""

    def __init__(self):
        super().__init__(
            "That was every card that fits these choices. What a conversation! "
            "Choose other categories or depths, or start a fresh deck."
        )


class NothingFits(Conflict):
    def __init__(self):
        super().__init__(
            "No card fits all of these choices at once. "
            "Try another tag, another depth or one more category."
        )


@dataclass
class DeckOptions:
    categories: list[Category]  # annotated with ``cards``: how many active cards each holds
    depths: list[tuple[int, str]]
    tags: list[Tag]


@dataclass(frozen=True)
class Drawn:
    card: Question
    remaining: int  # cards still left to draw with the same choices


def deck_options() -> DeckOptions:
    categories = Category.objects.annotate(
        cards=Count("questions", filter=Q(questions__active=True))
    ).filter(cards__gt=0)
    return DeckOptions(
        categories=list(categories),
        depths=list(Depth.choices),
        tags=list(question_tags().values()),
    )


# --- Reading choices -------------------------------------------------------------------


def clean_choice(
    categories: Iterable[str] = (), depths: Iterable[int | str] = (), tag: str | None = ""
) -> DeckChoice:
    """Choices as a person or a client sent them, checked against the bank."""
    slugs = tuple(dict.fromkeys(slug.strip() for slug in categories if slug and slug.strip()))
    if len(slugs) > CATEGORIES_MAX:
        raise UserError("That's more categories than the deck has. Please choose from the list.")
    if slugs:
        known = set(Category.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        unknown = next((slug for slug in slugs if slug not in known), None)
        if unknown is not None:
            raise UserError(
                f"We have no category called “{unknown[:40]}”. Please choose from the list."
            )
    return DeckChoice(categories=slugs, depths=_clean_depths(depths), tag=_clean_tag(tag))


def _clean_depths(raw: Iterable[int | str]) -> tuple[int, ...]:
    depths = set()
    for value in raw:
        if isinstance(value, str) and not value.strip():
            continue
        depth = whole_number(value)
        if depth not in Depth.values:
            raise UserError(DEPTH_HINT)
        depths.add(depth)
    return tuple(sorted(depths))


def _clean_tag(raw: str | None) -> str:
    tag = (raw or "").strip()
    if tag and tag not in question_tags():
        offered = ", ".join(question_tags())
        raise UserError(f"We have no tag called “{tag[:40]}”. Tags are: {offered}.")
    return tag


def read_session(params) -> DeckSession:
    """A deck session from a deck link's query or a deck form (a QueryDict)."""
    cards, passed, at = read_trail(params)
    choice = clean_choice(params.getlist("category"), params.getlist("depth"), params.get("tag"))
    return DeckSession(choice=choice, cards=cards, passed=passed, at=at)


# --- Drawing ---------------------------------------------------------------------------


def draw_card(actor: User, choice: DeckChoice, exclude_ids: Iterable[int] = ()) -> Drawn:
    """A random card that fits ``choice`` and is not in ``exclude_ids`` (the
    session's cards so far). Records that the pair drew it."""
    pair = require_pair(actor).pair
    exclude = set(exclude_ids)
    if len(exclude) >= SESSION_CARDS_MAX:
        raise Conflict(
            f"That's {SESSION_CARDS_MAX} cards in one sitting, lovely. "
            "Start a fresh deck to keep going."
        )
    pool = Question.objects.filter(active=True)
    if choice.categories:
        pool = pool.filter(category__slug__in=choice.categories)
    if choice.depths:
        pool = pool.filter(depth__in=choice.depths)
    # Tags are a short JSON list; matching them here works on every database.
    fitting = [
        pk for pk, tags in pool.values_list("pk", "tags") if not choice.tag or choice.tag in tags
    ]
    left = [pk for pk in fitting if pk not in exclude]
    if not left:
        raise NothingLeft() if fitting else NothingFits()
    chosen = _random.choice(left)
    DeckDraw.objects.create(pair=pair, question_id=chosen, drawn_by=actor)
    return Drawn(card=card(chosen), remaining=len(left) - 1)


def card(question_id: int) -> Question:
    """A card of the bank. Bank questions are the same for everyone; only
    which cards a pair drew is the pair's own."""
    found = Question.objects.select_related("category").filter(pk=question_id).first()
    if found is None:
        raise NotFound("That card isn't in the deck. Please start a fresh deck.")
    return found


# --- Resting cards ---------------------------------------------------------------------


def _recent_draws(pair) -> QuerySet:
    return DeckDraw.objects.filter(pair=pair, drawn_at__gt=timezone.now() - DECK_REST)


def resting_cards(actor: User) -> list[DeckDraw]:
    """The pair's latest draws that are still resting from daily questions."""
    pair = require_pair(actor).pair
    return list(
        _recent_draws(pair)
        .select_related("question__category", "drawn_by")
        .order_by("-drawn_at", "-pk")[:RESTING_SHOWN]
    )


def resting_count(actor: User) -> int:
    pair = require_pair(actor).pair
    return _recent_draws(pair).values("question").distinct().count()


def without_recent_draws(pair, eligible: QuerySet) -> QuerySet:
    """Daily-question candidates minus the cards the pair drew lately, unless
    those are all that is left: a daily question is never lost to the deck."""
    rested = eligible.exclude(pk__in=_recent_draws(pair).values("question"))
    return rested if rested.exists() else eligible
