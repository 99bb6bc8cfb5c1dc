"""A skip never moves an answer: an answer names the question its author was
shown, and answering a question set aside meanwhile gets a clear message,
with the draft kept for the question that took its place."""

from django.urls import reverse
from django.utils.html import escape

from hearthside.questions import services
from hearthside.questions.models import Answer, DailyQuestion

HTMX = {"HTTP_HX_REQUEST": "true"}
DRAFT = "My answer to the first question"


def test_answering_after_the_partner_skipped_saves_nothing_and_keeps_the_draft(couple, client_for):
    alex, sam = couple
    shown = services.todays_question(alex)
    replacement = services.skip_question(sam, shown.pk, "not_today")

    response = client_for(alex).post(reverse("answer", args=[shown.pk]), {"text": DRAFT}, **HTMX)

    page = response.content.decode()
    assert "This question was set aside a moment ago" in page
    assert f'id="daily-{replacement.pk}"' in page
    assert DRAFT in page  # in the answer box of the new question
    assert not Answer.objects.exists()


def test_without_javascript_the_refusal_shows_the_new_question(couple, client_for):
    alex, sam = couple
    shown = services.todays_question(alex)
    replacement = services.skip_question(sam, shown.pk, "not_for_us")

    response = client_for(alex).post(reverse("answer", args=[shown.pk]), {"text": DRAFT})

    assert response.status_code == 400
    assert escape(replacement.text) in response.content.decode()
    assert not Answer.objects.exists()


def test_skipping_twice_at_once_leaves_one_question_for_the_day(couple, client_for):
    alex, sam = couple
    shown = services.todays_question(alex)
    services.skip_question(sam, shown.pk, "not_today")

    response = client_for(alex).post(
        reverse("skip", args=[shown.pk]), {"reason": "not_today"}, **HTMX
    )

    assert "set aside a moment ago" in response.content.decode()
    day = shown.day
    assert DailyQuestion.objects.filter(day=day, skipped_at__isnull=True).count() == 1


def test_a_set_aside_question_keeps_its_own_page_without_an_answer_box(couple, client_for):
    alex, sam = couple
    shown = services.todays_question(alex)
    services.skip_question(sam, shown.pk, "not_today")

    page = client_for(alex).get(reverse("daily", args=[shown.pk])).content.decode()

    assert escape(shown.text) in page
    assert "another one took its place" in page
    assert 'name="text"' not in page
