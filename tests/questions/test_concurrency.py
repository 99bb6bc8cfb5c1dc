"""Partners acting at the same instant: nothing is lost or duplicated.

These tests commit for real (transaction=True) and race threads, each with its
own database connection; the Today race goes over HTTP to a live server.
"""

import json

import pytest
from django.db.models import Count
from django.test import Client
from django.utils.html import escape

from hearthside.activity.models import Activity, Verb
from hearthside.pairs.models import User
from hearthside.questions import services
from hearthside.questions.models import Answer, AnswerResponse, DailyQuestion, ResponseKind
from tests.racing import http_get, race, session_cookie, together

PAIRS = 6

pytestmark = pytest.mark.django_db(transaction=True)


def fresh(user: User) -> User:
    """The same person as another request would load them."""
    return User.objects.get(pk=user.pk)


def test_partners_opening_today_at_the_same_instant_get_one_question(
    live_server, bank, make_person, pair_up
):
    pairs = []
    for number in range(PAIRS):
        first, second = make_person(f"First {number}"), make_person(f"Second {number}")
        pair = pair_up(first, second)
        pairs.append((pair, first, second))
    actions = []
    for _, first, second in pairs:
        for person, path in ((first, "/api/today"), (second, "/")):
            client = Client()
            client.force_login(person)
            actions.append(http_get(live_server.url, path, session_cookie(client)))

    outcomes = race(*actions)

    assert [status for status, _ in outcomes] == [200] * len(actions), outcomes
    per_pair = DailyQuestion.objects.values("pair").annotate(count=Count("id"))
    assert sorted(row["count"] for row in per_pair) == [1] * PAIRS
    for index, (pair, _, _) in enumerate(pairs):
        daily = DailyQuestion.objects.get(pair=pair)
        api_answer, web_page = outcomes[2 * index][1], outcomes[2 * index + 1][1]
        assert json.loads(api_answer)["sections"]["question"]["daily"]["id"] == daily.pk
        assert escape(daily.text).encode() in web_page


def test_a_double_submitted_answer_is_saved_once(bank, make_person, pair_up):
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    daily = services.todays_question(alex)

    outcomes = race(
        *(
            together(lambda text=text: services.answer_question(fresh(alex), daily.pk, text))
            for text in ("Sent once", "Sent twice")
        )
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    [answer] = Answer.objects.filter(daily=daily)
    assert answer.author_id == alex.pk
    assert answer.text in {"Sent once", "Sent twice"}
    assert Activity.objects.filter(verb=Verb.ANSWERED, author=alex).count() == 1


def test_both_partners_answering_at_once_both_answers_are_kept(bank, make_person, pair_up):
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    daily = services.todays_question(alex)

    race(
        together(lambda: services.answer_question(fresh(alex), daily.pk, "Alex's")),
        together(lambda: services.answer_question(fresh(sam), daily.pk, "Sam's")),
    )

    texts = {answer.author_id: answer.text for answer in Answer.objects.filter(daily=daily)}
    assert texts == {alex.pk: "Alex's", sam.pk: "Sam's"}


def test_a_double_tapped_heart_is_one_heart(bank, make_person, pair_up):
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "Mine")
    sams = services.answer_question(sam, daily.pk, "Yours")

    outcomes = race(
        *[together(lambda: services.respond(fresh(alex), sams.pk, ResponseKind.HEART))] * 3
    )

    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
    assert AnswerResponse.objects.filter(answer=sams, kind=ResponseKind.HEART).count() == 1
