from datetime import timedelta

import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.errors import Conflict, NotFound, UserError
from hearthside.needs import services
from hearthside.needs.models import NEED_MAX_CHARS, NOTE_MAX_CHARS, Need, NeedAnswer
from hearthside.pairs.services import pair_context


def test_a_need_is_seen_by_the_partner_and_announced(couple):
    alex, sam = couple
    need = services.ask_for(alex, "A quiet evening together")
    assert services.need_for(sam, need.pk).text == "A quiet evening together"
    news = Activity.objects.get()
    assert (news.verb, news.target_id) == (Verb.NEEDED, need.pk)


def test_a_need_can_have_a_by_when_date_from_today_on(couple):
    alex, _ = couple
    today = pair_context(alex).today()
    need = services.ask_for(alex, "Help with the move", today + timedelta(days=3))
    assert need.by_when == today + timedelta(days=3)
    assert services.ask_for(alex, "A call tonight", today).by_when == today


def test_a_by_when_date_in_the_past_is_refused(couple):
    alex, _ = couple
    yesterday = pair_context(alex).today() - timedelta(days=1)
    with pytest.raises(UserError, match="can't be in the past"):
        services.ask_for(alex, "Too late", yesterday)
    assert not Need.objects.exists()


def test_a_by_when_date_years_away_is_refused(couple):
    alex, _ = couple
    far = pair_context(alex).today() + timedelta(days=800)
    with pytest.raises(UserError, match="within the next year"):
        services.ask_for(alex, "Someday", far)
    assert not Need.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "n" * (NEED_MAX_CHARS + 1)])
def test_an_empty_or_overlong_need_is_refused_and_nothing_saved(couple, text):
    alex, _ = couple
    with pytest.raises(UserError):
        services.ask_for(alex, text)
    assert not Need.objects.exists()
    assert not Activity.objects.exists()


def test_the_partner_acknowledges_with_one_tap(couple):
    alex, sam = couple
    need = services.ask_for(alex, "A hug when I get home")
    services.acknowledge(sam, need.pk)
    seen = services.need_for(alex, need.pk)
    assert [(a.author_id, a.kind) for a in seen.answers.all()] == [(sam.pk, "ack")]
    assert services.need_for(sam, need.pk).acknowledged_by_me
    assert Activity.objects.filter(verb=Verb.ACKNOWLEDGED_NEED).count() == 1


def test_acknowledging_twice_is_refused_and_not_doubled(couple):
    alex, sam = couple
    need = services.ask_for(alex, "A hug")
    services.acknowledge(sam, need.pk)
    with pytest.raises(Conflict, match="already let Alex know"):
        services.acknowledge(sam, need.pk)
    assert NeedAnswer.objects.count() == 1
    assert Activity.objects.filter(verb=Verb.ACKNOWLEDGED_NEED).count() == 1


def test_acknowledging_your_own_need_is_refused(couple):
    alex, _ = couple
    need = services.ask_for(alex, "A hug")
    with pytest.raises(UserError, match="your own need"):
        services.acknowledge(alex, need.pk)
    assert not NeedAnswer.objects.exists()


def test_the_partner_can_answer_with_a_note(couple):
    alex, sam = couple
    need = services.ask_for(alex, "Someone to pick me up")
    services.answer_with_note(sam, need.pk, "I'll be there at six 🚗")
    answer = services.need_for(alex, need.pk).answers.get()
    assert (answer.kind, answer.text) == ("note", "I'll be there at six 🚗")


@pytest.mark.parametrize("text", ["", "m" * (NOTE_MAX_CHARS + 1)])
def test_an_empty_or_overlong_note_is_refused(couple, text):
    alex, sam = couple
    need = services.ask_for(alex, "A hand")
    with pytest.raises(UserError):
        services.answer_with_note(sam, need.pk, text)
    assert not NeedAnswer.objects.exists()


def test_the_asker_marks_a_need_met_and_it_counts_once(couple):
    alex, _ = couple
    need = services.ask_for(alex, "Time to rest")
    services.mark_met(alex, need.pk)
    services.mark_met(alex, need.pk)
    assert Need.objects.get().is_met
    assert Activity.objects.filter(verb=Verb.NEED_MET).count() == 1


def test_only_the_asker_can_mark_a_need_met(couple):
    alex, sam = couple
    need = services.ask_for(alex, "Time to rest")
    with pytest.raises(UserError, match="Only Alex can say"):
        services.mark_met(sam, need.pk)
    assert not Need.objects.get().is_met


def test_a_met_need_can_no_longer_be_acknowledged(couple):
    alex, sam = couple
    need = services.ask_for(alex, "Time to rest")
    services.mark_met(alex, need.pk)
    with pytest.raises(Conflict, match="already marked this need as met"):
        services.acknowledge(sam, need.pk)


@pytest.mark.parametrize(
    "act",
    [
        lambda user, need_id: services.acknowledge(user, need_id),
        lambda user, need_id: services.answer_with_note(user, need_id, "hi"),
        lambda user, need_id: services.mark_met(user, need_id),
        lambda user, need_id: services.need_for(user, need_id),
    ],
    ids=["acknowledge", "note", "met", "read"],
)
def test_another_pairs_need_is_not_found(couple, other_couple, act):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.ask_for(kim, "Ours")
    with pytest.raises(NotFound):
        act(alex, foreign.pk)
    assert not NeedAnswer.objects.exists()
    assert not Need.objects.get().is_met


def test_met_needs_move_to_the_history(couple):
    alex, sam = couple
    open_need = services.ask_for(alex, "Still open")
    met_need = services.ask_for(sam, "Done")
    services.mark_met(sam, met_need.pk)
    assert [n.pk for n in services.needs_page(alex)] == [open_need.pk]
    assert [n.pk for n in services.needs_page(alex, met=True)] == [met_need.pk]


def test_the_partners_unanswered_needs_wait_soonest_first(couple):
    alex, sam = couple
    today = pair_context(alex).today()
    later = services.ask_for(alex, "Later", today + timedelta(days=9))
    whenever = services.ask_for(alex, "Whenever")
    soon = services.ask_for(alex, "Soon", today + timedelta(days=1))
    answered = services.ask_for(alex, "Answered")
    services.acknowledge(sam, answered.pk)
    assert [n.pk for n in services.waiting_for_answer(sam)] == [soon.pk, later.pk, whenever.pk]
    assert services.waiting_for_answer(alex) == []
