"""The deck session lives in the link: reading it back gives the same session,
and moving along it never shows a card twice."""

import pytest
from django.http import QueryDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearthside.deck.session import (
    SESSION_CARDS_MAX,
    DeckChoice,
    DeckSession,
    parse_ids,
    read_trail,
)
from hearthside.errors import UserError

# Timing says nothing about these rules; a busy machine must not fail them.
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
card_ids = st.lists(st.integers(1, 10**6), unique=True, max_size=SESSION_CARDS_MAX // 4)


@st.composite
def sessions(draw):
    everything = draw(card_ids)
    split = draw(st.integers(0, len(everything)))
    cards, passed = tuple(everything[:split]), tuple(everything[split:])
    at = draw(st.integers(0, max(len(cards) - 1, 0)))
    choice = DeckChoice(
        categories=tuple(draw(st.lists(st.sampled_from(["values", "affection"]), unique=True))),
        depths=tuple(draw(st.lists(st.sampled_from([1, 2, 3]), unique=True).map(sorted))),
        tag=draw(st.sampled_from(["", "date-night"])),
    )
    return DeckSession(choice=choice, cards=cards, passed=passed if cards else (), at=at)


@relaxed
@given(sessions())
def test_a_deck_link_reads_back_as_the_same_session(deck):
    cards, passed, at = read_trail(QueryDict(deck.query()))
    assert (cards, passed, at) == (deck.cards, deck.passed, deck.at)


@relaxed
@given(sessions(), st.integers(10**6 + 1, 2 * 10**6))
def test_shuffling_puts_a_new_card_in_place_and_keeps_the_old_one_out(deck, new_card):
    shuffled = deck.swapped(new_card)
    assert shuffled.current == new_card
    assert len(set(shuffled.seen)) == len(shuffled.seen)
    if deck.current is not None:
        assert deck.current in shuffled.passed
        assert shuffled.at == deck.at


@relaxed
@given(sessions(), st.integers(10**6 + 1, 2 * 10**6))
def test_a_new_card_goes_to_the_end_and_is_shown(deck, new_card):
    drawn = deck.drawn(new_card)
    assert drawn.cards[-1] == new_card
    assert drawn.current == new_card
    assert not drawn.can_go_forward


@relaxed
@given(sessions(), st.integers(-5, 5))
def test_moving_stays_within_the_cards_drawn(deck, step):
    moved = deck.moved(step)
    assert 0 <= moved.at <= max(len(deck.cards) - 1, 0)
    assert moved.seen == deck.seen


@pytest.mark.parametrize(
    "query",
    [
        "cards=12-abc",
        "cards=12--13",
        "cards=<script>",
        "cards=12-12",
        "cards=12&passed=12",
        "cards=12-13&at=2",
        "cards=12&at=-1",
        "cards=１２",
        "cards=" + "-".join(str(n) for n in range(1, SESSION_CARDS_MAX + 2)),
    ],
)
def test_a_damaged_deck_link_is_refused_with_a_message(query):
    with pytest.raises(UserError, match="damaged"):
        read_trail(QueryDict(query))


def test_a_link_without_cards_is_a_fresh_session():
    assert parse_ids("") == ()
    assert read_trail(QueryDict("category=values")) == ((), (), 0)
