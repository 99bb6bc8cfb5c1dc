"""One rule for every paired prompt (the daily question, the daily check-in,
the weekly check-in): a response can change while the partner's is still to
come; once both are in, each has seen the other's and both are final. Nobody
can peek, then rewrite to match. The page says so before saving."""

import pytest
from django.urls import reverse

from hearthside.checkins import services as checkins
from hearthside.checkins import weekly
from hearthside.checkins.models import CheckIn
from hearthside.errors import Conflict
from hearthside.questions import services as questions
from hearthside.questions.models import Answer

FINAL_HINT = "yours is final"
# The weekly check-in always kept this rule: tests/checkins/test_weekly.py.


def test_peeking_at_the_answer_then_rewriting_it_is_refused(couple):
    alex, sam = couple
    daily = questions.todays_question(alex)
    questions.answer_question(sam, daily.pk, "I would go back to Lisbon")
    questions.answer_question(alex, daily.pk, ".")
    assert questions.view_daily(alex, daily).partner_answer.text == "I would go back to Lisbon"

    with pytest.raises(Conflict, match="reply"):
        questions.answer_question(alex, daily.pk, "I would go back to Lisbon too")
    with pytest.raises(Conflict):
        questions.answer_question(sam, daily.pk, "Or Porto")
    assert sorted(Answer.objects.values_list("text", flat=True)) == [
        ".",
        "I would go back to Lisbon",
    ]


def test_peeking_at_a_check_in_then_rewriting_it_is_refused(couple):
    alex, sam = couple
    checkins.check_in(sam, mood=1, note="Rough day at work")
    checkins.check_in(alex, mood=3)
    assert checkins.today(alex).partner.note == "Rough day at work"

    with pytest.raises(Conflict, match="your check-in stays as it is"):
        checkins.check_in(alex, mood=1, note="Rough day too")
    with pytest.raises(Conflict):
        checkins.check_in(sam, mood=5)
    assert sorted(CheckIn.objects.values_list("mood", flat=True)) == [1, 3]


def test_a_check_in_shared_early_can_change_until_the_partner_checks_in(couple):
    alex, sam = couple
    checkins.check_in(alex, mood=2)
    checkins.share_directly(alex)
    checkins.check_in(alex, mood=3)
    assert CheckIn.objects.get(author=alex).mood == 3

    checkins.check_in(sam, mood=4)

    with pytest.raises(Conflict):
        checkins.check_in(alex, mood=5)


def test_the_page_says_before_saving_that_the_answer_will_be_final(couple, client_for):
    alex, sam = couple
    daily = questions.todays_question(alex)
    page = client_for(alex).get(reverse("today")).content.decode()
    assert FINAL_HINT not in page
    assert "until then you can change it" in page

    questions.answer_question(sam, daily.pk, "Mine")

    assert "Once saved, you'll see Sam's answer, and yours is final." in (
        client_for(alex).get(reverse("today")).content.decode()
    )


def test_the_check_in_pages_say_it_will_be_final_and_then_offer_no_change(couple, client_for):
    alex, sam = couple
    checkins.check_in(sam, mood=4)
    client = client_for(alex)
    for url in (reverse("today"), reverse("checkins:checkin")):
        assert "your check-in is final" in client.get(url).content.decode()

    client.post(reverse("checkins:checkin"), {"mood": "3"})

    page = client.get(reverse("checkins:checkin")).content.decode()
    assert "Change my check-in" not in page
    response = client.post(reverse("checkins:checkin"), {"mood": "1"})
    assert response.status_code == 400
    assert "your check-in stays as it is" in response.content.decode()
    assert CheckIn.objects.get(author=alex).mood == 3


def test_the_weekly_page_says_it_will_be_final(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(sam, one_need="A slow Sunday")
    page = client_for(alex).get(reverse("checkins:weekly")).content.decode()
    assert "Once saved, you'll see Sam's answers, and yours are final." in page


def test_the_api_refuses_a_rewrite_after_the_reveal(couple, api_client_for):
    alex, sam = couple
    checkins.check_in(sam, mood=4)
    client = api_client_for(alex)
    assert client.put("/api/checkins/today", {"mood": 2}, "application/json").status_code == 200

    response = client.put("/api/checkins/today", {"mood": 4}, "application/json")

    assert response.status_code == 409
    assert "stays as it is" in response.json()["detail"]
    assert not client.get("/api/checkins/today").json()["can_change"]
