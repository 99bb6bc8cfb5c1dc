"""News takes the visibility and the lifetime of what it announces, and is
written in the same transaction as the write it announces."""

from datetime import timedelta

import pytest
from django.urls import reverse

from hearthside.activity.models import Activity, Verb
from hearthside.activity.services import NewsOutsideTheWrite, partner_news_since, record
from hearthside.balance.services import sharing_balance
from hearthside.checkins import services as checkins
from hearthside.checkins import weekly
from hearthside.needs import services as needs
from hearthside.pairs.services import require_pair
from hearthside.questions import services as questions
from hearthside.questions.bank import load_bank
from hearthside.shares import services as shares


def news_for(person) -> list[str]:
    since = require_pair(person).pair.created_at - timedelta(seconds=1)
    return [item.verb for item in partner_news_since(person, since)]


def test_a_private_own_question_is_not_announced_and_its_news_goes_when_withdrawn(couple):
    alex, sam = couple
    own = questions.ask_own_question(alex, "Would you move to the sea with me?")

    assert news_for(sam) == []
    questions.withdraw_own_question(alex, own.pk)

    assert not Activity.objects.filter(verb=Verb.ASKED).exists()


def test_a_kept_share_is_announced_only_once_sent(couple):
    alex, sam = couple
    kept = shares.create_share(alex, "Not ready yet", "listen", keep_private=True)
    assert news_for(sam) == []

    shares.send_kept_share(alex, kept.pk)

    assert news_for(sam) == [Verb.SHARED]


def test_a_heart_taken_back_takes_its_news_and_its_count_with_it(couple, client_for):
    alex, sam = couple
    daily = questions.todays_question(alex)
    answer = questions.answer_question(alex, daily.pk, "The walk by the river.")
    questions.answer_question(sam, daily.pk, "Pancakes.")

    for _ in range(2):
        questions.respond(sam, answer.pk, "heart")
        questions.take_back_heart(sam, answer.pk)
    questions.respond(sam, answer.pk, "heart")

    assert news_for(alex).count(Verb.HEARTED) == 1
    assert Activity.objects.filter(verb=Verb.HEARTED).count() == 1
    sams_row = next(row for row in sharing_balance(alex).rows if row.key == "appreciations")
    assert sams_row.cells[1].count == 1

    questions.take_back_heart(sam, answer.pk)

    assert Verb.HEARTED not in news_for(alex)
    assert not Activity.objects.filter(verb=Verb.HEARTED).exists()
    assert "sent a heart" not in client_for(alex).get(reverse("today")).content.decode()


def _partner_answered(alex, sam):
    daily = questions.todays_question(alex)
    questions.answer_question(alex, daily.pk, "Alex's answer")
    return questions.answer_question(sam, daily.pk, "Sam's answer")


def _share_of(alex, sam):
    return shares.create_share(alex, "On my mind", "listen")


def _need_of(alex, sam):
    return needs.ask_for(alex, "A quiet evening")


# Every service that records news, as (preparation, the write under test).
WRITES = {
    "answer": (
        None,
        lambda a, s, _: questions.answer_question(a, questions.todays_question(a).pk, "x"),
    ),
    "heart": (_partner_answered, lambda a, s, answer: questions.respond(a, answer.pk, "heart")),
    "thanks": (_partner_answered, lambda a, s, answer: questions.respond(a, answer.pk, "thanks")),
    "reply": (
        _partner_answered,
        lambda a, s, answer: questions.respond(a, answer.pk, "reply", "x"),
    ),
    "own question": (None, lambda a, s, _: questions.ask_own_question(a, "Tea or coffee?")),
    "check-in": (None, lambda a, s, _: checkins.check_in(a, mood=4)),
    "weekly": (None, lambda a, s, _: weekly.submit_weekly(a, one_need="A walk")),
    "share": (None, lambda a, s, _: shares.create_share(a, "x", "listen")),
    "send kept share": (
        lambda a, s: shares.create_share(a, "x", "listen", keep_private=True),
        lambda a, s, kept: shares.send_kept_share(a, kept.pk),
    ),
    "reply to share": (_share_of, lambda a, s, share: shares.reply_to_share(s, share.pk, "x")),
    "felt heard": (_share_of, lambda a, s, share: shares.mark_felt_heard(a, share.pk)),
    "need": (None, lambda a, s, _: needs.ask_for(a, "x")),
    "acknowledge": (_need_of, lambda a, s, need: needs.acknowledge(s, need.pk)),
    "note on a need": (_need_of, lambda a, s, need: needs.answer_with_note(s, need.pk, "x")),
    "need met": (_need_of, lambda a, s, need: needs.mark_met(a, need.pk)),
}


@pytest.fixture
def couple_outside_a_test_transaction(transactional_db, make_person, pair_up):
    """Alex and Sam, with no test transaction around what they do, as in a
    request: news recorded outside the transaction of its write is refused."""
    load_bank()
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    return alex, sam


def test_news_outside_the_transaction_of_its_write_is_refused(couple_outside_a_test_transaction):
    alex, _ = couple_outside_a_test_transaction
    need = needs.ask_for(alex, "A quiet evening")
    with pytest.raises(NewsOutsideTheWrite):
        record(alex, Verb.NEEDED, need)


@pytest.mark.parametrize("write", WRITES)
def test_every_write_records_its_news_in_its_own_transaction(
    write, couple_outside_a_test_transaction
):
    alex, sam = couple_outside_a_test_transaction
    prepare, act = WRITES[write]
    prepared = prepare(alex, sam) if prepare else None
    before = Activity.objects.count()

    act(alex, sam, prepared)

    assert Activity.objects.count() == before + 1


def test_the_news_of_an_answer_opens_the_question_it_answers(couple):
    alex, sam = couple
    # Answers of another day first, so that ids of answers and questions differ.
    earlier = questions.todays_question(alex)
    for person in couple:
        questions.answer_question(person, earlier.pk, "An answer of another day")
    earlier.day -= timedelta(days=1)
    earlier.save(update_fields=["day"])
    daily = questions.todays_question(alex)
    answer = questions.answer_question(sam, daily.pk, "Sam's answer")
    assert answer.pk != daily.pk

    news = Activity.objects.get(verb=Verb.ANSWERED, announced_id=answer.pk)

    assert news.target_id == daily.pk
    assert news.link() == reverse("daily", args=[daily.pk])
