"""Questions a partner writes for the pair are mixed into the daily questions."""

import itertools
from datetime import date, timedelta

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from hearthside.errors import NotFound, UserError
from hearthside.questions import services
from hearthside.questions.models import OwnQuestion
from hearthside.questions.selection import OWN_QUESTION_SPACING

from .simulation import SIMULATION_SETTINGS, consecutive_days, live, rolled_back

DAYS = 24
# (day it is written, whether Sam rather than Alex writes it)
writings = st.lists(
    st.tuples(st.integers(min_value=0, max_value=8), st.booleans()), min_size=1, max_size=5
).map(sorted)


def live_with_own_questions(clock, alex, sam, plan):
    """Open Today every day; in the evening, write the questions the plan says.
    Returns {own question id: (day written, day served or None)}."""
    start = date(2032, 5, 1)
    written = {}

    def write(day, daily):
        for offset, by_sam in plan:
            if start + timedelta(days=offset) == day:
                author = sam if by_sam else alex
                own = services.ask_own_question(author, f"Written on day {offset}")
                written[own.pk] = day

    life = live(clock, alex, sam, consecutive_days(start, DAYS), each_evening=write)
    served = {d.own_question_id: d.day for d in life.dailies if d.own_question_id}
    return {pk: (day, served.get(pk)) for pk, day in written.items()}


@SIMULATION_SETTINGS
@given(plan=writings)
def test_own_questions_are_asked_oldest_first(bank, make_person, pair_up, clock, plan):
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)

        questions = live_with_own_questions(clock, alex, sam, plan)

        by_serving_day = sorted(questions, key=lambda pk: questions[pk][1])
        assert by_serving_day == sorted(questions)


@SIMULATION_SETTINGS
@given(plan=writings)
def test_a_waiting_own_question_is_asked_as_soon_as_the_spacing_allows(
    bank, make_person, pair_up, clock, plan
):
    """The day after it is written, unless another own question came less
    than OWN_QUESTION_SPACING days before: then on the first day that is far enough."""
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)

        questions = live_with_own_questions(clock, alex, sam, plan)

        previous = None
        for pk in sorted(questions):
            written_on, asked_on = questions[pk]
            earliest = written_on + timedelta(days=1)
            if previous is not None:
                earliest = max(earliest, previous + timedelta(days=OWN_QUESTION_SPACING))
            assert asked_on == earliest
            previous = asked_on


@SIMULATION_SETTINGS
@given(plan=writings)
def test_bank_questions_still_come_between_own_questions(bank, make_person, pair_up, clock, plan):
    with rolled_back():
        alex, sam = make_person("Alex"), make_person("Sam")
        pair_up(alex, sam)

        asked_on = sorted(
            day for _, day in live_with_own_questions(clock, alex, sam, plan).values()
        )

        for earlier, later in itertools.pairwise(asked_on):
            assert (later - earlier).days >= OWN_QUESTION_SPACING


def test_a_waiting_question_is_seen_by_its_author_only(couple):
    alex, sam = couple
    own = services.ask_own_question(alex, "What made you laugh this week?")
    assert OwnQuestion.objects.visible_to(alex).filter(pk=own.pk).exists()
    assert not OwnQuestion.objects.visible_to(sam).filter(pk=own.pk).exists()
    assert services.my_waiting_questions(sam) == []


def test_once_asked_both_partners_see_who_wrote_it(couple, clock):
    alex, sam = couple
    services.todays_question(alex)
    own = services.ask_own_question(alex, "What made you laugh this week?")
    clock.set_day(clock.day + timedelta(days=1))
    daily = services.todays_question(sam)
    assert daily.own_question_id == own.pk
    assert daily.asked_by == alex
    assert OwnQuestion.objects.visible_to(sam).filter(pk=own.pk).exists()


def test_a_question_a_partner_wrote_is_shown_as_written_in_any_language(couple, clock):
    alex, sam = couple
    services.todays_question(alex)
    services.ask_own_question(alex, "What made you laugh this week?")
    clock.set_day(clock.day + timedelta(days=1))
    daily = services.todays_question(sam)
    with translation.override("es"):
        assert daily.text == "What made you laugh this week?"


def test_a_partner_cannot_withdraw_the_other_ones_question(couple):
    alex, sam = couple
    own = services.ask_own_question(alex, "What made you laugh this week?")
    with pytest.raises(NotFound):
        services.withdraw_own_question(sam, own.pk)
    assert OwnQuestion.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("text", ["", "   ", "?" * 201])
def test_an_empty_or_overlong_own_question_is_refused(couple, text):
    alex, _ = couple
    with pytest.raises(UserError):
        services.ask_own_question(alex, text)
    assert not OwnQuestion.objects.exists()


def test_a_question_with_markup_is_kept_as_plain_text(couple, client_for):
    alex, _ = couple
    services.ask_own_question(alex, "<script>alert(1)</script> Really?")
    page = client_for(alex).get("/ask/")
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; Really?" in page.content
