"""How the daily question is chosen, checked over many simulated days.

Each example builds a fresh pair and lets them open Today through the real
service on a frozen clock moved day by day.
"""

from collections import Counter
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from hearthside.questions import services
from hearthside.questions.models import Category, Depth, Question

from .simulation import (
    SIMULATION_SETTINGS,
    calendars,
    consecutive_days,
    live,
    rolled_back,
    switch_off_all_but,
)

DEEPER = {Depth.PERSONAL, Depth.DEEP}


def enabled_categories(draw_indexes: set[int]) -> list[Category]:
    categories = list(Category.objects.order_by("pk"))
    return [categories[index % len(categories)] for index in sorted(draw_indexes)]


some_categories = st.sets(st.integers(min_value=0, max_value=10), min_size=1, max_size=11)


@SIMULATION_SETTINGS
@given(days=calendars(min_days=20, max_days=50), kept=some_categories)
def test_no_question_returns_before_every_eligible_one_was_asked(
    bank, make_person, pair_up, clock, days, kept
):
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)
        keep = enabled_categories(kept)
        switch_off_all_but(alex, keep)
        eligible = Question.objects.filter(active=True, category__in=keep).count()

        asked = live(clock, alex, sam, days).questions

        first_repeat = next(
            (i for i, question in enumerate(asked) if question in asked[:i]), len(asked)
        )
        assert len(set(asked[:first_repeat])) == first_repeat
        if first_repeat < len(asked):
            assert first_repeat == eligible


@SIMULATION_SETTINGS
@given(days=calendars(min_days=15, max_days=45), kept=some_categories)
def test_categories_take_turns(bank, make_person, pair_up, clock, days, kept):
    """While every enabled category has questions left, no category comes
    twice within as many days as there are enabled categories."""
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)
        keep = enabled_categories(kept)
        switch_off_all_but(alex, keep)

        asked = live(clock, alex, sam, days).categories

        turn = len(keep)
        for start in range(len(asked) - turn + 1):
            window = asked[start : start + turn]
            assert len(set(window)) == turn, f"category repeated within {window}"


@SIMULATION_SETTINGS
@given(days=calendars(min_days=10, max_days=40), kept=some_categories)
def test_switched_off_categories_are_never_asked(bank, make_person, pair_up, clock, days, kept):
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)
        keep = enabled_categories(kept)
        switch_off_all_but(sam, keep)

        asked = live(clock, alex, sam, days).categories

        assert set(asked) <= {category.pk for category in keep}


@SIMULATION_SETTINGS
@given(
    days=calendars(min_days=24, max_days=24),
    off_on_day=st.integers(min_value=1, max_value=20),
    category_index=st.integers(min_value=0, max_value=10),
)
def test_a_category_switched_off_midway_is_not_asked_from_then_on(
    bank, make_person, pair_up, clock, days, off_on_day, category_index
):
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)
        [category] = enabled_categories({category_index})

        def switch_off(day):
            if day == days[off_on_day]:
                services.set_category(alex, category.slug, enabled=False)

        asked = live(clock, alex, sam, days, each_morning=switch_off).categories

        assert category.pk not in asked[off_on_day:]


def test_deeper_questions_grow_with_the_answers_a_pair_shares(bank, make_person, pair_up, clock):
    """A pair that answers together every day meets more personal and deep
    questions after four months than in their first weeks."""
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)

    depths = live(
        clock, alex, sam, consecutive_days(date(2031, 1, 1), 140), both_answer=lambda day: True
    ).depths

    def deeper_share(window: list[int]) -> float:
        return sum(depth in DEEPER for depth in window) / len(window)

    first_weeks, fifth_month = deeper_share(depths[:20]), deeper_share(depths[-20:])
    assert fifth_month >= first_weeks
    assert fifth_month - first_weeks >= 0.2, (first_weeks, fifth_month)


def test_a_new_pair_starts_mostly_light(bank, make_person, pair_up, clock):
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)

    depths = live(clock, alex, sam, consecutive_days(date(2031, 1, 1), 20)).depths

    assert Counter(depths).most_common(1)[0][0] == Depth.LIGHT
