"""The check-in section of the Today page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hearthside.activity.models import Activity
from hearthside.checkins import services, weekly
from hearthside.checkins.models import Weekday
from hearthside.pairs.services import pair_context


def set_weekly_day(person, days_from_today: int = 0) -> None:
    day = pair_context(person).today() + timedelta(days=days_from_today)
    weekly.set_schedule(person, day.weekday(), "19:00")


def today_page(client_for, person) -> str:
    return client_for(person).get("/").content.decode()


def test_asks_how_are_you_with_a_quick_form_until_checked_in(couple, client_for):
    alex, _ = couple
    page = today_page(client_for, alex)
    assert "How are you today?" in page
    assert 'action="/checkins/"' in page
    services.check_in(alex, mood=4)
    page = today_page(client_for, alex)
    assert "How are you today?" not in page
    assert "Your check-in today" in page


def test_says_the_partner_checked_in_without_content(couple, client_for):
    alex, sam = couple
    services.check_in(alex, mood=1, need="space", note="secret sorrow")
    page = today_page(client_for, sam)
    assert "Alex checked in. Check in yourself" in page
    assert "secret sorrow" not in page
    assert "space" not in page.split("today-checkin")[1].split("</section>")[0]


def test_shows_the_partners_mood_once_revealed(couple, client_for):
    alex, sam = couple
    services.check_in(alex, mood=1, need="space")
    services.check_in(sam, mood=4)
    page = today_page(client_for, sam)
    assert "Alex checked in:" in page
    assert "really low" in page and "needs some space" in page


def test_the_checked_in_activity_links_to_the_check_in_page(couple):
    alex, _ = couple
    services.check_in(alex, mood=3)
    assert Activity.objects.get(author=alex).link() == "/checkins/"


def test_weekly_check_in_is_due_on_the_weekly_day(couple, client_for):
    alex, _ = couple
    set_weekly_day(alex)
    assert "Your weekly check-in is due" in today_page(client_for, alex)


@pytest.fixture
def on_a_wednesday(monkeypatch):
    """The clock stands at noon on this week's Wednesday (a few days from the real now)."""
    real = timezone.now()
    wednesday = (real + timedelta(days=2 - real.weekday())).replace(hour=12, minute=0)
    monkeypatch.setattr(timezone, "now", lambda: wednesday)
    return wednesday


def test_weekly_check_in_is_not_due_before_the_weekly_day(couple, client_for, on_a_wednesday):
    alex, _ = couple
    weekly.set_schedule(alex, Weekday.FRIDAY, "19:00")
    page = today_page(client_for, alex)
    assert "weekly check-in is due" not in page
    assert "still open" not in page


def test_after_the_weekly_day_the_check_in_is_still_open(couple, client_for, on_a_wednesday):
    alex, _ = couple
    weekly.set_schedule(alex, Weekday.MONDAY, "19:00")
    assert "This week's check-in is still open" in today_page(client_for, alex)


def test_due_notice_goes_once_my_weekly_is_in(couple, client_for):
    alex, _ = couple
    set_weekly_day(alex)
    weekly.submit_weekly(alex, appreciation="thanks")
    page = today_page(client_for, alex)
    assert "Your weekly check-in is due" not in page
    assert "Your weekly check-in is in" in page


def test_both_in_links_to_the_agenda(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="thanks")
    weekly.submit_weekly(sam, appreciation="thanks too")
    page = today_page(client_for, alex)
    assert "Both of you are in" in page
    assert f"/checkins/weekly/{weekly.this_week(alex).isoformat()}/agenda/" in page


def test_without_a_schedule_it_offers_to_pick_a_day(couple, client_for):
    alex, _ = couple
    assert "Pick a day for your weekly check-in" in today_page(client_for, alex)


def test_the_weekly_activity_links_to_the_week(couple):
    alex, _ = couple
    weekly.submit_weekly(alex, appreciation="thanks")
    week = weekly.this_week(alex).isoformat()
    assert Activity.objects.get(author=alex).link() == f"/checkins/weekly/{week}/"
