"""The pure rules of question selection (no database), over generated histories."""

import random

from hypothesis import given
from hypothesis import strategies as st

from hearthside.questions.selection import (
    DEPTH_RAMP,
    DEPTH_WINDOW,
    OWN_QUESTION_SPACING,
    Candidate,
    History,
    choose_category,
    choose_depth,
    choose_question,
    deep_share,
    should_serve_own_question,
    target_depth_shares,
)

DEPTHS = (1, 2, 3)

category_ids = st.integers(min_value=1, max_value=12)
depths = st.sampled_from(DEPTHS)
shared_answers = st.integers(min_value=-5, max_value=DEPTH_RAMP * 3)
seeds = st.integers(min_value=0, max_value=2**32)


@st.composite
def histories(draw) -> History:
    recent_categories = draw(st.lists(category_ids, max_size=40))
    return History(
        recent_categories=recent_categories,
        recent_depths=draw(st.lists(depths, max_size=40)),
        both_answered=draw(shared_answers),
        asked_counts={c: recent_categories.count(c) for c in set(recent_categories)},
    )


@st.composite
def candidate_lists(draw) -> list[Candidate]:
    rows = draw(
        st.lists(st.tuples(category_ids, depths), min_size=1, max_size=60),
    )
    return [Candidate(id=i, category_id=c, depth=d) for i, (c, d) in enumerate(rows, 1)]


def staleness(category_id: int, history: History) -> int:
    recent = list(history.recent_categories)
    return recent.index(category_id) if category_id in recent else len(recent) + 1


@given(shared_answers, shared_answers)
def test_the_target_share_of_deeper_questions_never_falls_as_shared_answers_grow(a, b):
    fewer, more = sorted((a, b))
    assert deep_share(fewer) <= deep_share(more)


@given(shared_answers)
def test_target_depth_shares_are_proportions_that_add_up_to_one(both_answered):
    shares = target_depth_shares(both_answered)
    assert set(shares) == set(DEPTHS)
    assert all(0 <= share <= 1 for share in shares.values())
    assert abs(sum(shares.values()) - 1) < 1e-9


def test_a_new_pair_aims_mostly_light_and_a_long_pair_mostly_deeper():
    assert target_depth_shares(0)[1] > 0.5
    assert deep_share(DEPTH_RAMP) > 0.5


@given(histories(), st.sets(depths, min_size=1))
def test_the_chosen_depth_is_one_on_offer(history, available):
    assert choose_depth(history, available) in available


@given(histories(), shared_answers, st.sets(depths, min_size=1))
def test_more_shared_answers_never_choose_a_lighter_question(history, more_answers, available):
    """Same recent questions, same choice on offer: a pair that has shared
    more answers gets a question at least as deep."""
    fewer = History(recent_depths=history.recent_depths, both_answered=history.both_answered)
    more = History(
        recent_depths=history.recent_depths,
        both_answered=max(history.both_answered, more_answers),
    )
    assert choose_depth(more, available) >= choose_depth(fewer, available)


@given(st.integers(min_value=0, max_value=DEPTH_RAMP), st.integers(min_value=100, max_value=300))
def test_over_many_days_the_depth_mix_follows_the_target(both_answered, days):
    recent: list[int] = []
    for _ in range(days):
        depth = choose_depth(History(recent_depths=recent, both_answered=both_answered), {1, 2, 3})
        recent.insert(0, depth)
    targets = target_depth_shares(both_answered)
    for depth in DEPTHS:
        assert abs(recent.count(depth) / days - targets[depth]) <= 1 / DEPTH_WINDOW


@given(st.sets(category_ids, min_size=1), histories(), seeds)
def test_the_chosen_category_is_one_asked_least_recently(categories, history, seed):
    chosen = choose_category(categories, history, random.Random(seed))
    assert chosen in categories
    assert staleness(chosen, history) == max(staleness(c, history) for c in categories)


@given(st.sets(category_ids, min_size=2), histories(), seeds)
def test_a_category_never_asked_beats_every_asked_one(categories, history, seed):
    never_asked = categories - set(history.recent_categories)
    chosen = choose_category(categories, history, random.Random(seed))
    if never_asked:
        assert chosen in never_asked


@given(candidate_lists(), histories(), seeds)
def test_the_chosen_question_is_a_candidate_from_the_stalest_category(candidates, history, seed):
    chosen = choose_question(candidates, history, random.Random(seed))
    assert chosen in candidates
    stalest = max(staleness(c.category_id, history) for c in candidates)
    assert staleness(chosen.category_id, history) == stalest


@given(candidate_lists(), histories(), seeds)
def test_the_chosen_depth_is_the_one_the_depth_rule_picks_in_that_category(
    candidates, history, seed
):
    chosen = choose_question(candidates, history, random.Random(seed))
    on_offer = {c.depth for c in candidates if c.category_id == chosen.category_id}
    assert chosen.depth == choose_depth(history, on_offer)


@given(candidate_lists(), histories(), seeds)
def test_the_same_seed_gives_the_same_question_whatever_the_row_order(candidates, history, seed):
    first = choose_question(candidates, history, random.Random(seed))
    shuffled = random.Random(seed + 1).sample(candidates, len(candidates))
    assert choose_question(shuffled, history, random.Random(seed)) == first


@given(histories(), seeds)
def test_no_candidates_means_no_question(history, seed):
    assert choose_question([], history, random.Random(seed)) is None


@given(
    st.integers(min_value=0, max_value=30),
    st.none() | st.integers(min_value=1, max_value=60),
)
def test_an_own_question_is_served_while_one_waits_and_the_last_was_long_enough_ago(
    waiting, days_since
):
    history = History(pending_own_questions=waiting, days_since_own_question=days_since)
    expected = waiting > 0 and (days_since is None or days_since >= OWN_QUESTION_SPACING)
    assert should_serve_own_question(history) is expected
