"""Today and the shared history cost the same number of queries after one day
together as after three years."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearthside.activity.models import Activity, Verb
from hearthside.pairs.services import pair_context
from hearthside.privacy.models import Visibility
from hearthside.questions import services
from hearthside.questions.models import (
    Answer,
    AnswerResponse,
    DailyQuestion,
    Favourite,
    Question,
    ResponseKind,
)
from hearthside.questions.services import HISTORY_PAGE

THREE_YEARS = 3 * 365

# Measured; a change here means a page's cost changed: look before you update it.
QUERIES = {
    "/history/": 7,
    "/api/history": 7,
}


def build_history(alex, sam, first_day_back: int, last_day_back: int) -> None:
    """Days in the past on which both answered, one heart each; bulk-created,
    with questions returning in later rounds once the bank is used up."""
    pair = pair_context(alex).pair
    today = pair_context(alex).today()
    bank = list(Question.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))
    dailies = []
    for back in range(first_day_back, last_day_back + 1):
        number = THREE_YEARS - back  # counts up from the oldest day
        dailies.append(
            DailyQuestion(
                pair=pair,
                day=today - timedelta(days=back),
                question_id=bank[number % len(bank)],
                round=number // len(bank) + 1,
            )
        )
    dailies = DailyQuestion.objects.bulk_create(dailies)
    answers = []
    for daily in dailies:
        at = timezone.make_aware(datetime.combine(daily.day, time(20)))
        for person in (alex, sam):
            answers.append(
                Answer(
                    daily=daily,
                    author=person,
                    pair=pair,
                    text=f"{person} on {daily.day}",
                    written_on=daily.day,
                    created_at=at,
                    updated_at=at,
                )
            )
    answers = Answer.objects.bulk_create(answers)
    Activity.objects.bulk_create(
        Activity(
            author_id=answer.author_id,
            pair=pair,
            verb=Verb.ANSWERED,
            day=answer.written_on,
            announced_id=answer.pk,
            target_id=answer.daily_id,
            created_at=answer.created_at,
        )
        for answer in answers
    )
    AnswerResponse.objects.bulk_create(
        AnswerResponse(
            answer=answer,
            author=sam if answer.author_id == alex.pk else alex,
            pair=pair,
            kind=ResponseKind.HEART,
        )
        for answer in answers
    )
    Favourite.objects.bulk_create(
        Favourite(daily=daily, author=alex, pair=pair, visibility=Visibility.PRIVATE)
        for daily in dailies[::7]
    )


def queries_for(client, path: str) -> int:
    """The cost of a visit; a first visit beforehand chooses today's question
    and notes the visit, which happen once a day and once a while."""
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def answer_today(alex, sam) -> None:
    """Both answered today and Sam sent a heart, so every part of the page shows."""
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "Today, Alex")
    services.answer_question(sam, daily.pk, "Today, Sam")
    alexs = Answer.objects.get(daily=daily, author=alex)
    services.respond(sam, alexs.pk, ResponseKind.HEART)


@pytest.fixture
def one_day_together(couple):
    alex, sam = couple
    build_history(alex, sam, 1, 1)
    answer_today(alex, sam)
    return alex, sam


@pytest.fixture
def three_years_together(couple):
    alex, sam = couple
    build_history(alex, sam, 1, THREE_YEARS)
    answer_today(alex, sam)
    return alex, sam


@pytest.mark.usefixtures("three_years_together")
def test_three_years_of_history_hold_more_than_a_page_and_repeat_questions():
    assert DailyQuestion.objects.count() == THREE_YEARS + 1
    assert DailyQuestion.objects.filter(round__gt=1).exists()
    assert Answer.objects.count() == 2 * (THREE_YEARS + 1) > HISTORY_PAGE


@pytest.mark.parametrize("path", QUERIES)
@pytest.mark.parametrize("together", ["one_day_together", "three_years_together"])
def test_the_cost_of_a_page_does_not_grow_with_history(
    request, client_for, django_assert_num_queries, path, together
):
    alex, _ = request.getfixturevalue(together)
    client = client_for(alex)
    client.get(path)
    with django_assert_num_queries(QUERIES[path]):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("today", ["/", "/api/today"])
def test_today_costs_the_same_after_three_years(couple, other_couple, client_for, today):
    """Other apps add sections to Today, so the count is compared, not fixed."""
    (alex, sam), (kim, lee) = couple, other_couple
    build_history(alex, sam, 1, 1)
    answer_today(alex, sam)
    build_history(kim, lee, 1, THREE_YEARS)
    answer_today(kim, lee)

    after_one_day = queries_for(client_for(alex), today)
    after_three_years = queries_for(client_for(kim), today)

    assert after_three_years == after_one_day
