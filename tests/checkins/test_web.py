"""The check-in pages, as a person on a phone uses them (with and without htmx)."""

import pytest

from hearthside.checkins import services, weekly
from hearthside.checkins.models import CheckIn, WeeklyCheckIn, WeeklySchedule

from .conftest import checkin_snapshot

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_daily_page_offers_mood_and_need_as_radio_chips(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get("/checkins/").content.decode()
    assert page.count('type="radio" name="mood"') == 5
    assert page.count('type="radio" name="need"') == 5
    assert 'type="checkbox" name="feelings" value="calm"' in page


def test_checking_in_without_javascript_redirects_back(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        "/checkins/",
        {
            "mood": "4",
            "feelings": ["calm", "hopeful"],
            "own_feelings": "fizzy, brave",
            "need": "space",
            "note": "Good run this morning.",
        },
    )
    assert response.status_code == 302
    assert response.url == "/checkins/"
    checkin = CheckIn.objects.get(author=alex)
    assert checkin.feelings == ["calm", "hopeful"]
    assert checkin.own_feeling_list == ["fizzy", "brave"]


def test_the_today_quick_form_returns_to_today(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/", {"mood": "3", "next": "/"})
    assert response.url == "/"
    assert CheckIn.objects.get(author=alex).mood == 3


def test_next_cannot_send_people_to_another_site(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/", {"mood": "3", "next": "https://evil.test/"})
    assert response.url == "/checkins/"


def test_checking_in_with_htmx_returns_the_card(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/", {"mood": "5"}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="checkin-today"' in page
    assert "<html" not in page
    assert "Really good" in page


def test_empty_check_in_shows_the_message_and_keeps_what_was_typed(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/", {"private_note": "kept draft"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "nothing in this check-in yet" in page
    assert "kept draft" in page
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"mood": "9"}, "Mood goes from 1"),
        ({"mood": "3", "feelings": "hangry"}, "one of the listed feeling words"),
        ({"mood": "3", "own_feelings": "<script>x</script>"}, "letters, spaces, hyphens"),
        ({"mood": "3", "note": "x" * 501}, "500 characters"),
    ],
)
def test_bad_input_on_the_page_changes_nothing(couple, client_for, form, message):
    alex, _ = couple
    services.check_in(alex, mood=2, note="before")
    before = checkin_snapshot()
    response = client_for(alex).post("/checkins/", form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>x" not in response.content.decode()
    assert checkin_snapshot() == before


def test_htmx_errors_swap_into_the_card(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/", {"mood": "0"}, **HTMX)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_the_share_button_shows_until_the_partner_can_see_it(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    client.post("/checkins/", {"mood": "2"})
    assert "Share with Sam now" in client.get("/checkins/").content.decode()
    response = client.post("/checkins/share/")
    assert response.status_code == 302
    assert CheckIn.objects.get().shared_directly
    assert "Share with Sam now" not in client.get("/checkins/").content.decode()


def test_partner_status_says_checked_in_without_content(couple, client_for):
    alex, sam = couple
    services.check_in(alex, mood=1, note="rough one")
    page = client_for(sam).get("/checkins/").content.decode()
    assert "Alex has checked in" in page
    assert "rough one" not in page


def test_recent_days_show_both_check_ins(couple, client_for, long_history):
    alex, sam = couple
    long_history(alex, sam, days=2)
    page = client_for(sam).get("/checkins/").content.decode()
    assert page.count("day 1") == 2
    assert "only mine" not in page


def test_weekly_page_shows_the_guided_form(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get("/checkins/weekly/").content.decode()
    for name in ("went_well", "appreciation", "on_my_mind", "one_need", "how_to_help"):
        assert f'name="{name}"' in page


def test_filling_in_the_weekly_form_saves_and_waits_for_the_partner(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    response = client.post("/checkins/weekly/", {"appreciation": "The tea", "one_need": "Rest"})
    assert response.status_code == 302
    page = client.get("/checkins/weekly/").content.decode()
    assert "The tea" in page
    assert "Sam hasn't filled in theirs yet" in page


def test_empty_weekly_form_is_refused_and_nothing_saved(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/weekly/", {"appreciation": "   "})
    assert response.status_code == 400
    assert "weekly check-in is empty" in response.content.decode()
    assert not WeeklyCheckIn.objects.exists()


def test_editing_a_settled_week_is_refused_on_the_page(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="Alex's")
    weekly.submit_weekly(sam, appreciation="Sam's")
    before = checkin_snapshot()
    response = client_for(alex).post("/checkins/weekly/", {"appreciation": "later"})
    assert response.status_code == 400
    assert "stays as it is" in response.content.decode()
    assert checkin_snapshot() == before


def test_once_both_are_in_the_page_shows_both_and_the_agenda_link(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="Thanks from Alex")
    weekly.submit_weekly(sam, appreciation="Thanks from Sam")
    page = client_for(alex).get("/checkins/weekly/").content.decode()
    assert "Thanks from Alex" in page and "Thanks from Sam" in page
    assert f"/checkins/weekly/{weekly.this_week(alex).isoformat()}/agenda/" in page


def test_the_agenda_page_lists_appreciations_before_needs(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="APPRECIATION-A", one_need="NEED-A")
    weekly.submit_weekly(sam, appreciation="APPRECIATION-S", one_need="NEED-S")
    page = (
        client_for(sam)
        .get(f"/checkins/weekly/{weekly.this_week(sam).isoformat()}/agenda/")
        .content.decode()
    )
    assert page.index("APPRECIATION-A") < page.index("APPRECIATION-S") < page.index("NEED-A")
    assert "not therapy" in page


def test_agenda_before_both_are_in_explains_and_redirects(couple, client_for):
    alex, _ = couple
    weekly.submit_weekly(alex, appreciation="mine")
    week = weekly.this_week(alex).isoformat()
    response = client_for(alex).get(f"/checkins/weekly/{week}/agenda/", follow=True)
    assert "once you have both" in response.content.decode()


@pytest.mark.parametrize("week", ["2025-13-01", "yesterday", "2025-06-03"])
def test_a_malformed_or_non_monday_week_is_not_found(couple, client_for, week):
    alex, _ = couple
    assert client_for(alex).get(f"/checkins/weekly/{week}/").status_code == 404


def test_weekly_history_page_lists_past_weeks(couple, client_for, long_history):
    alex, sam = couple
    long_history(alex, sam, days=21)
    page = client_for(alex).get("/checkins/weekly/history/").content.decode()
    assert "thanks 1" in page and "thanks 3" in page


def test_weekly_history_with_a_bad_page_shows_the_newest(couple, client_for):
    alex, _ = couple
    response = client_for(alex).get("/checkins/weekly/history/?before=soon")
    assert response.status_code == 200
    assert "That page of weeks" in response.content.decode()


def test_setting_the_schedule_on_the_page(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/weekly/schedule/", {"weekday": "6", "at": "19:30"})
    assert response.status_code == 302
    page = client_for(alex).get("/checkins/weekly/").content.decode()
    assert "Sundays at 19:30" in page


def test_an_invalid_schedule_on_the_page_changes_nothing(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/checkins/weekly/schedule/", {"weekday": "9", "at": "19:30"})
    assert response.status_code == 400
    assert "day of the week" in response.content.decode()
    assert not WeeklySchedule.objects.exists()


def test_pages_need_a_partner(make_person, client_for):
    alone = make_person("Robin")
    assert client_for(alone).get("/checkins/").url == "/"
    assert client_for(alone).get("/checkins/weekly/").url == "/"


def test_pages_need_signing_in(client):
    assert client.get("/checkins/").status_code == 302
    assert "/accounts/login/" in client.get("/checkins/weekly/").url
