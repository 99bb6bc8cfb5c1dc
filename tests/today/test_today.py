"""Today has a home of its own: one service gathers every feature's section
for the page and for /api/today alike, with the partner's news."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hearthside.checkins import services as checkins
from hearthside.errors import UserError
from hearthside.needs import services as needs
from hearthside.pairs.models import Pair
from hearthside.pairs.services import require_pair
from hearthside.questions import services as questions
from hearthside.shares import services as shares
from hearthside.shares import today as shares_today
from tests.news import shared


@pytest.fixture
def busy_day(couple):
    """Sam has done something for every section of Alex's Today."""
    alex, sam = couple
    Pair.objects.filter(pk=require_pair(alex).pair.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    questions.answer_question(sam, questions.todays_question(sam).pk, "Sam's answer")
    checkins.check_in(sam, mood=4)
    share = shares.create_share(sam, "Work was a lot today", "listen")
    need = needs.ask_for(sam, "A quiet hour after dinner")
    shared(sam, "answered", times=12)  # so Alex is invited to share a little more
    return alex, share, need


def page_sections(page: str) -> set[str]:
    return {part.split('"', 1)[0] for part in page.split('class="today-section" id="today-')[1:]}


def test_the_api_has_the_same_sections_as_the_page(busy_day, client_for, api_client_for):
    alex, _, _ = busy_day
    page = client_for(alex).get(reverse("today")).content.decode()
    api = api_client_for(alex).get("/api/today").json()

    shown = {key for key, section in api["sections"].items() if section is not None}
    assert shown == page_sections(page) == {"question", "checkins", "shares", "needs", "invitation"}
    assert api["paired"] is True
    assert api["sections"]["shares"]["waiting"][0]["text"] == "Work was a lot today"
    assert api["sections"]["needs"]["waiting"][0]["text"] == "A quiet hour after dinner"
    assert api["sections"]["checkins"]["checkin"]["partner_checked_in"]


def test_news_says_its_kind_and_the_id_of_what_it_opens(busy_day, api_client_for):
    alex, share, need = busy_day
    news = api_client_for(alex).get("/api/today").json()["news"]

    by_kind = {item["kind"]: item for item in news}
    assert by_kind["shared"]["opens"] == "share"
    assert by_kind["shared"]["share_id"] == share.pk
    assert by_kind["shared"]["daily_id"] is None
    assert by_kind["needed"]["need_id"] == need.pk
    assert by_kind["needed"]["daily_id"] is None
    assert by_kind["answered"]["daily_id"] == questions.todays_question(alex).pk


def test_a_section_that_fails_says_so_and_hides_nothing_else(
    busy_day, client_for, api_client_for, monkeypatch
):
    alex, _, _ = busy_day

    def resting(user):
        raise UserError("Shares are resting for a moment; try again soon.")

    monkeypatch.setattr(shares_today, "waiting_for_reply", resting)
    page = client_for(alex).get(reverse("today")).content.decode()
    api = api_client_for(alex).get("/api/today").json()

    assert "Shares are resting for a moment" in page
    assert 'class="question-text"' in page and "could use you" in page
    assert api["sections"]["shares"]["problem"].startswith("Shares are resting")
    assert api["sections"]["question"]["daily"] is not None


def test_with_no_question_left_the_other_sections_still_show(couple, client_for):
    alex, sam = couple
    checkins.check_in(sam, mood=4)
    from hearthside.questions.models import Question

    Question.objects.update(active=False)

    page = client_for(alex).get(reverse("today")).content.decode()

    assert "no questions left" in page
    assert "Sam checked in" in page


def page_order(page: str) -> list[str]:
    return [part.split('"', 1)[0] for part in page.split('class="today-section" id="today-')[1:]]


def test_what_waits_on_you_comes_first_on_the_page_and_in_the_api(
    busy_day, client_for, api_client_for
):
    alex, _, _ = busy_day
    page = client_for(alex).get(reverse("today")).content.decode()
    api = api_client_for(alex).get("/api/today").json()

    # The question is the hero; then Sam's share and need, which wait on Alex;
    # then Alex's own check-in; the invitation to share a little more last.
    expected = ["question", "shares", "needs", "checkins", "invitation"]
    assert page_order(page) == api["order"] == expected


def test_once_checked_in_and_answered_the_check_in_steps_back(couple, client_for):
    alex, sam = couple
    checkins.check_in(alex, mood=4)
    shares.create_share(sam, "A long week", "think")
    page = client_for(alex).get(reverse("today")).content.decode()
    assert page_order(page).index("shares") < page_order(page).index("checkins")


def test_a_need_wanted_by_tomorrow_comes_before_a_share(couple, client_for):
    alex, sam = couple
    shares.create_share(sam, "A long week", "listen")
    tomorrow = require_pair(alex).today() + timedelta(days=1)
    needs.ask_for(sam, "Pick up the cake", by_when=tomorrow)
    order = page_order(client_for(alex).get(reverse("today")).content.decode())
    assert order.index("needs") < order.index("shares")


def test_the_news_shows_the_last_three_and_keeps_the_rest_behind_see_more(couple, client_for):
    alex, sam = couple
    for number in range(5):
        shares.create_share(sam, f"Share number {number}", "listen")
    page = client_for(alex).get(reverse("today")).content.decode()
    news = page.split('id="news-title"', 1)[1]
    shown = news.split("<details", 1)[0]
    assert shown.count("<li>") == 3
    assert "See 2 more" in news
