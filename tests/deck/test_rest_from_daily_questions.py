"""A card drawn in the deck rests from daily questions for DECK_REST, so the
pair does not meet tomorrow the question they talked over at dinner."""

from datetime import timedelta

from django.utils import timezone

from hearthside.deck.services import DECK_REST
from hearthside.pairs.services import require_pair
from hearthside.questions import services as questions
from hearthside.questions.models import Question
from hearthside.questions.selection import History
from hearthside.questions.services import _next_bank_question

from .conftest import only_active


def _next_question(person) -> Question:
    """The bank question the pair's daily question would be today: the same
    pair and day give the same choice, so only the draws make a difference."""
    context = require_pair(person)
    question_id, _ = _next_bank_question(context.pair, context.today(), History())
    return Question.objects.get(pk=question_id)


def test_the_daily_question_avoids_a_card_drawn_lately(couple, draw_of):
    alex, _ = couple
    would_be = _next_question(alex)
    draw_of(alex, would_be)
    assert _next_question(alex) != would_be


def test_a_drawn_card_may_be_a_daily_question_again_after_its_rest(couple, draw_of):
    alex, _ = couple
    would_be = _next_question(alex)
    draw = draw_of(alex, would_be)
    draw.drawn_at = timezone.now() - DECK_REST - timedelta(minutes=1)
    draw.save()
    assert _next_question(alex) == would_be


def test_a_card_drawn_a_day_before_its_rest_ends_is_still_avoided(couple, draw_of):
    alex, _ = couple
    would_be = _next_question(alex)
    draw_of(alex, would_be, drawn_at=timezone.now() - DECK_REST + timedelta(days=1))
    assert _next_question(alex) != would_be


def test_todays_question_is_the_card_the_pair_has_not_drawn(couple, draw_of):
    alex, sam = couple
    drawn, fresh = only_active(Question.objects.filter(category__slug="values", depth=1)[:2])
    draw_of(sam, drawn)
    assert questions.todays_question(alex).question == fresh


def test_another_pairs_draws_do_not_change_our_daily_question(couple, other_couple, draw_of):
    alex, _ = couple
    kim, _ = other_couple
    would_be = _next_question(alex)
    draw_of(kim, would_be)
    assert _next_question(alex) == would_be


def test_a_daily_question_still_comes_when_every_card_is_resting(couple, draw_of):
    alex, _ = couple
    (only,) = only_active(Question.objects.filter(category__slug="values")[:1])
    draw_of(alex, only)
    assert questions.todays_question(alex).question == only
