"""Real content with its news, made in bulk, for tests that count or show news.

News takes the visibility and the lifetime of the row it announces, so every
news row made here announces a real row of the right kind, written by the
same person with the visibility asked for.
"""

import itertools
from datetime import date, timedelta

from django.utils import timezone

from hearthside.activity.models import Activity, Verb
from hearthside.checkins.models import CheckIn, WeeklyCheckIn
from hearthside.needs.models import Need, NeedAnswer
from hearthside.pairs.services import require_pair
from hearthside.privacy.models import Visibility
from hearthside.questions.models import Answer, AnswerResponse, DailyQuestion, OwnQuestion, Question
from hearthside.shares.models import Share, ShareReply

# A Monday long ago: every row made here gets a day (or a week) of its own.
FIRST_DAY = date(2001, 1, 1)
_serial = itertools.count()


def _answers(person, pair, count, visibility=Visibility.PARTNER):
    question = Question.objects.first()
    dailies = DailyQuestion.objects.bulk_create(
        # A round of its own lets every row ask the same bank question.
        DailyQuestion(pair=pair, day=FIRST_DAY + timedelta(days=n), question=question, round=n)
        for n in (next(_serial) for _ in range(count))
    )
    return Answer.objects.bulk_create(
        Answer(
            daily=daily,
            author=person,
            pair=pair,
            visibility=visibility,
            text="An answer",
            written_on=daily.day,
        )
        for daily in dailies
    )


def _shares(person, pair, count, visibility=Visibility.PARTNER):
    return Share.objects.bulk_create(
        Share(author=person, pair=pair, visibility=visibility, mode="listen", text="A share")
        for _ in range(count)
    )


def _needs(person, pair, count, visibility=Visibility.PARTNER):
    return Need.objects.bulk_create(
        Need(author=person, pair=pair, visibility=visibility, text="A need") for _ in range(count)
    )


def _responses(kind):
    def make(person, pair, count, visibility):
        return AnswerResponse.objects.bulk_create(
            AnswerResponse(
                answer=answer, author=person, pair=pair, visibility=visibility, kind=kind
            )
            for answer in _answers(person, pair, count)
        )

    return make


def _checkins(person, pair, count, visibility):
    return CheckIn.objects.bulk_create(
        CheckIn(
            author=person,
            pair=pair,
            visibility=visibility,
            day=FIRST_DAY + timedelta(days=next(_serial)),
            mood=3,
        )
        for _ in range(count)
    )


def _weeklies(person, pair, count, visibility):
    return WeeklyCheckIn.objects.bulk_create(
        WeeklyCheckIn(
            author=person,
            pair=pair,
            visibility=visibility,
            week=FIRST_DAY + timedelta(weeks=next(_serial)),
            one_need="A walk",
        )
        for _ in range(count)
    )


def _share_replies(person, pair, count, visibility):
    return ShareReply.objects.bulk_create(
        ShareReply(share=share, author=person, pair=pair, visibility=visibility, text="I hear you")
        for share in _shares(person, pair, count)
    )


def _need_answers(person, pair, count, visibility):
    return NeedAnswer.objects.bulk_create(
        NeedAnswer(need=need, author=person, pair=pair, visibility=visibility, kind="ack")
        for need in _needs(person, pair, count)
    )


def _own_questions(person, pair, count, visibility):
    category = Question.objects.first().category
    return OwnQuestion.objects.bulk_create(
        OwnQuestion(
            author=person, pair=pair, visibility=visibility, text="A question?", category=category
        )
        for _ in range(count)
    )


ANNOUNCED_BY = {
    Verb.ANSWERED: _answers,
    Verb.HEARTED: _responses("heart"),
    Verb.THANKED: _responses("thanks"),
    Verb.REPLIED: _responses("reply"),
    Verb.ASKED: _own_questions,
    Verb.CHECKED_IN: _checkins,
    Verb.WEEKLY_CHECKED_IN: _weeklies,
    Verb.SHARED: _shares,
    Verb.FELT_HEARD: _shares,
    Verb.REPLIED_TO_SHARE: _share_replies,
    Verb.NEEDED: _needs,
    Verb.NEED_MET: _needs,
    Verb.ACKNOWLEDGED_NEED: _need_answers,
}


def shared(
    person,
    verb: Verb,
    *,
    times: int = 1,
    ago: timedelta = timedelta(hours=1),
    visibility: str = Visibility.PARTNER,
    pair=None,
    at=None,
) -> list[Activity]:
    """``person`` did ``verb`` ``times`` times, ``ago`` (or ``at``), in their
    current pair (or ``pair``): the rows and the news of them."""
    pair = pair or require_pair(person).pair
    at = at or timezone.now() - ago
    rows = ANNOUNCED_BY[verb](person, pair, times, visibility)
    return Activity.objects.bulk_create(
        Activity(
            author=person,
            pair=pair,
            verb=verb,
            created_at=at,
            announced_id=row.pk,
            target_id=row.pk,
        )
        for row in rows
    )
