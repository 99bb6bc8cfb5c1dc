"""Drawing cards: they fit the choices, none repeats within a session, and
only the fact of the draw is kept."""

import pytest

from hearthside.deck import services
from hearthside.deck.models import DeckDraw
from hearthside.deck.session import SESSION_CARDS_MAX
from hearthside.errors import Conflict, NotPaired, UserError
from hearthside.questions.models import Question

from .conftest import only_active


def test_a_card_fits_the_chosen_categories_depths_and_tag(couple):
    alex, _ = couple
    choice = services.clean_choice(["affection", "values"], [1, 2], "date-night")
    for _ in range(15):
        card = services.draw_card(alex, choice).card
        assert card.category.slug in {"affection", "values"}
        assert card.depth in {1, 2}
        assert "date-night" in card.tags


def test_no_card_repeats_within_a_session_until_the_deck_runs_out(couple):
    alex, _ = couple
    choice = services.clean_choice(["values"], [3], "")
    fitting = Question.objects.filter(category__slug="values", depth=3, active=True).count()
    seen = []
    for remaining in range(fitting - 1, -1, -1):
        drawn = services.draw_card(alex, choice, seen)
        assert drawn.card.pk not in seen
        assert drawn.remaining == remaining
        seen.append(drawn.card.pk)
    with pytest.raises(Conflict, match="every card that fits"):
        services.draw_card(alex, choice, seen)
    assert DeckDraw.objects.count() == fitting


def test_retired_questions_are_never_drawn(couple):
    alex, _ = couple
    kept = only_active(Question.objects.filter(category__slug="values")[:2])
    seen = []
    for _ in kept:
        seen.append(services.draw_card(alex, services.clean_choice(), seen).card.pk)
    assert sorted(seen) == [question.pk for question in kept]
    with pytest.raises(Conflict):
        services.draw_card(alex, services.clean_choice(), seen)


def test_choices_no_card_fits_get_a_kind_message_and_draw_nothing(couple):
    alex, _ = couple
    only_active(Question.objects.filter(depth=1)[:3])
    with pytest.raises(Conflict, match="No card fits"):
        services.draw_card(alex, services.clean_choice(depths=[3]))
    assert not DeckDraw.objects.exists()


def test_a_draw_keeps_only_the_pair_the_card_the_person_and_the_time(couple):
    alex, _ = couple
    card = services.draw_card(alex, services.clean_choice()).card
    draw = DeckDraw.objects.get()
    assert (draw.pair_id, draw.question_id, draw.drawn_by_id) == (
        services.require_pair(alex).pair.pk,
        card.pk,
        alex.pk,
    )
    assert {field.name for field in DeckDraw._meta.fields} == {
        "id",
        "pair",
        "question",
        "drawn_by",
        "drawn_at",
    }


@pytest.mark.parametrize(
    ("categories", "depths", "tag", "message"),
    [
        (["not-a-category"], [], "", "no category called “not-a-category”"),
        (["<script>alert(1)</script>"], [], "", "no category called"),
        (["🍷"], [], "", "no category called “🍷”"),
        ([f"c{n}" for n in range(200)], [], "", "more categories than the deck has"),
        ([], [4], "", "Depth is 1"),
        ([], [0], "", "Depth is 1"),
        ([], ["deep"], "", "Depth is 1"),
        ([], [], "candlelight", "no tag called “candlelight”"),
        ([], [], "x" * 5000, "no tag called"),
    ],
)
def test_unknown_choices_are_refused_with_a_clear_message(couple, categories, depths, tag, message):
    with pytest.raises(UserError, match=message):
        services.clean_choice(categories, depths, tag)
    assert not DeckDraw.objects.exists()


def test_empty_choices_mean_every_card(couple):
    assert services.clean_choice([" ", ""], ["", " "], "  ") == services.clean_choice()


def test_a_session_has_room_for_a_long_evening_but_not_forever(couple):
    alex, _ = couple
    full = Question.objects.values_list("pk", flat=True)[:SESSION_CARDS_MAX]
    with pytest.raises(Conflict, match="Start a fresh deck"):
        services.draw_card(alex, services.clean_choice(), full)
    assert not DeckDraw.objects.exists()


def test_drawing_needs_a_partner(make_person, bank):
    loner = make_person("Robin")
    with pytest.raises(NotPaired):
        services.draw_card(loner, services.clean_choice())
    assert not DeckDraw.objects.exists()


def test_resting_cards_are_the_pairs_own(couple, other_couple, draw_of):
    alex, sam = couple
    kim, _ = other_couple
    ours, theirs = Question.objects.all()[:2]
    draw_of(sam, ours)
    draw_of(kim, theirs)
    assert [draw.question for draw in services.resting_cards(alex)] == [ours]
    assert services.resting_count(alex) == 1
