"""Skipping: "not for us" sets a question aside for good, "not today" for a rest."""

from datetime import date, timedelta

from hearthside.questions import services
from hearthside.questions.models import Question
from hearthside.questions.services import NOT_TODAY_REST

from .simulation import consecutive_days, live, smallest_category, switch_off_all_but

START = date(2033, 2, 1)


def one_category_pair(make_person, pair_up):
    """A pair with a single category on, so every question comes round quickly."""
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    category = smallest_category()
    switch_off_all_but(alex, [category])
    return alex, sam, Question.objects.filter(category=category, active=True).count()


def skip_first_question(clock, alex, reason: str) -> int:
    clock.set_day(START)
    daily = services.todays_question(alex)
    skipped = daily.question_id
    services.skip_question(alex, daily.pk, reason)
    return skipped


def test_a_question_that_is_not_for_us_never_returns(bank, make_person, pair_up, clock):
    alex, sam, pool = one_category_pair(make_person, pair_up)
    skipped = skip_first_question(clock, alex, "not_for_us")

    # Long enough for every other question to be asked twice over.
    days = consecutive_days(START + timedelta(days=1), 2 * pool + 3)
    asked = live(clock, alex, sam, days).questions

    assert skipped not in asked
    assert len(asked) > len(set(asked)), "a second round should have begun"


def test_a_question_skipped_for_today_returns_only_after_its_rest(
    bank, make_person, pair_up, clock
):
    alex, sam, pool = one_category_pair(make_person, pair_up)
    skipped = skip_first_question(clock, alex, "not_today")

    days = consecutive_days(START + timedelta(days=1), pool + NOT_TODAY_REST.days)
    life = live(clock, alex, sam, days)

    returned_on = [daily.day for daily in life.dailies if daily.question_id == skipped]
    assert returned_on, "the rested question should come back"
    assert (returned_on[0] - START) > NOT_TODAY_REST
