import pytest
from django.urls import reverse
from django.utils.html import escape

from hearthside.errors import Conflict, NotFound, UserError
from hearthside.questions import services
from hearthside.questions.models import ANSWER_MAX_CHARS, Answer, AnswerResponse, DailyQuestion


def test_both_partners_get_the_same_question_today(couple):
    alex, sam = couple
    assert services.todays_question(alex).pk == services.todays_question(sam).pk
    assert DailyQuestion.objects.count() == 1


def test_partner_cannot_see_answer_before_answering(couple):
    alex, sam = couple
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "My honest answer")
    view = services.view_daily(sam, daily)
    assert view.partner_has_answered
    assert view.partner_answer is None


def test_partner_answer_appears_once_own_answer_is_saved(couple):
    alex, sam = couple
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "Alex's answer")
    services.answer_question(sam, daily.pk, "Sam's answer")
    assert services.view_daily(sam, daily).partner_answer.text == "Alex's answer"
    assert services.view_daily(alex, daily).partner_answer.text == "Sam's answer"


def test_second_answer_on_the_same_day_edits_the_first(couple):
    alex, _ = couple
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "first")
    services.answer_question(alex, daily.pk, "second")
    assert Answer.objects.get(daily=daily, author=alex).text == "second"
    assert Answer.objects.count() == 1


@pytest.mark.parametrize("text", ["", "   ", "x" * (ANSWER_MAX_CHARS + 1)])
def test_empty_or_overlong_answer_is_refused_and_nothing_saved(couple, text):
    alex, _ = couple
    daily = services.todays_question(alex)
    with pytest.raises(UserError):
        services.answer_question(alex, daily.pk, text)
    assert not Answer.objects.exists()


def test_another_pairs_question_is_not_found(couple, other_couple):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.todays_question(kim)
    with pytest.raises(NotFound):
        services.answer_question(alex, foreign.pk, "hello")
    assert not Answer.objects.exists()


def test_skipping_sets_todays_question_aside_for_another(couple):
    alex, sam = couple
    daily = services.todays_question(alex)
    first = daily.question_id

    replacement = services.skip_question(alex, daily.pk, "not_for_us")

    assert services.todays_question(sam) == replacement
    assert replacement.question_id != first
    daily.refresh_from_db()
    assert daily.skipped_at is not None
    assert daily.question_id == first  # the row keeps the question it was asked with


def test_a_question_already_answered_cannot_be_skipped(couple):
    alex, sam = couple
    daily = services.todays_question(alex)
    services.answer_question(sam, daily.pk, "done")
    with pytest.raises(Conflict):
        services.skip_question(alex, daily.pk, "not_today")


def test_the_answer_limit_reads_the_same_on_the_page_and_in_the_refusal(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    page = client.get(reverse("today")).content.decode()
    daily = services.todays_question(alex)
    refusal = client.post(
        reverse("answer", args=[daily.pk]), {"text": "x" * (ANSWER_MAX_CHARS + 1)}
    ).content.decode()

    limit = f"{ANSWER_MAX_CHARS:,} characters"
    assert f"Up to {limit}" in page
    assert f"to {limit}" in refusal


def test_a_heart_sent_from_the_page_can_be_taken_back_from_it(couple, client_for):
    alex, sam = couple
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "The walk by the river.")
    services.answer_question(sam, daily.pk, "Sunday pancakes.")
    sams_answer = Answer.objects.get(daily=daily, author=sam)
    client = client_for(alex)
    client.post(reverse("respond", args=[sams_answer.pk]), {"kind": "heart"})
    assert "Take it back" in client.get(reverse("today")).content.decode()

    client.post(reverse("unheart", args=[sams_answer.pk]))

    page = client.get(reverse("today")).content.decode()
    assert "You sent a heart" not in page
    assert not AnswerResponse.objects.filter(answer=sams_answer).exists()


def test_history_with_a_bad_page_shows_the_newest_with_a_message(couple, client_for):
    alex, sam = couple
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "Mine")
    services.answer_question(sam, daily.pk, "Theirs")

    response = client_for(alex).get(reverse("history"), {"before": "soon"})

    assert response.status_code == 200
    page = response.content.decode()
    assert escape("That page of history doesn't exist") in page
    assert escape(daily.text) in page
