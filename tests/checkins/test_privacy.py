"""Who sees which check-in: the partner only after their own check-in (or a
direct share), never the private note, and another pair nothing at all."""

from datetime import timedelta

import pytest

from hearthside.checkins import services, weekly
from hearthside.checkins.models import CheckIn, CheckInPrivateNote, WeeklyCheckIn
from hearthside.errors import NotFound

# No character HTML would escape, so a substring search works in pages and JSON.
ALEX_NOTE = "Alex felt the lighthouse hum 8K2P"
ALEX_PRIVATE = "Alex keeps this to herself Q4Z9"
ALEX_APPRECIATION = "Alex loved the soup on Tuesday 5R7T"


@pytest.fixture
def alex_checked_in(couple):
    alex, sam = couple
    services.check_in(alex, mood=2, feelings=["lonely"], note=ALEX_NOTE, private_note=ALEX_PRIVATE)
    return alex, sam


def test_partner_cannot_see_check_in_before_own(alex_checked_in):
    _, sam = alex_checked_in
    view = services.today(sam)
    assert view.partner_checked_in
    assert view.partner is None


def test_partner_sees_check_in_after_checking_in_too(alex_checked_in):
    _, sam = alex_checked_in
    services.check_in(sam, mood=4)
    assert services.today(sam).partner.note == ALEX_NOTE


def test_a_direct_share_shows_it_before_the_partner_checks_in(alex_checked_in):
    alex, sam = alex_checked_in
    services.share_directly(alex)
    assert services.today(sam).partner.note == ALEX_NOTE


def test_partner_check_ins_of_days_you_skipped_stay_hidden(couple, long_history):
    alex, sam = couple
    long_history(alex, sam, days=3)
    CheckIn.objects.filter(author=sam).delete()
    days, _ = services.recent_days(sam)
    assert days == []


def test_private_note_is_invisible_to_the_partner_in_the_privacy_layer(alex_checked_in):
    alex, sam = alex_checked_in
    services.share_directly(alex)
    services.check_in(sam, mood=4)
    assert not CheckInPrivateNote.objects.visible_to(sam).exists()
    assert services.today(sam).my_private_note == ""


@pytest.mark.parametrize("path", ["/checkins/", "/"])
def test_private_note_never_on_the_partners_pages(alex_checked_in, client_for, path):
    alex, sam = alex_checked_in
    services.share_directly(alex)
    services.check_in(sam, mood=4)
    page = client_for(sam).get(path).content.decode()
    assert ALEX_NOTE in page or path == "/"
    assert ALEX_PRIVATE not in page


def test_private_note_is_on_the_authors_own_page(alex_checked_in, client_for):
    alex, _ = alex_checked_in
    assert ALEX_PRIVATE in client_for(alex).get("/checkins/").content.decode()


@pytest.mark.parametrize("path", ["/api/checkins/today", "/api/checkins/recent"])
def test_private_note_never_in_the_partners_api(alex_checked_in, client_for, path):
    alex, sam = alex_checked_in
    services.share_directly(alex)
    services.check_in(sam, mood=4)
    body = client_for(sam).get(path).content.decode()
    assert ALEX_PRIVATE not in body


def test_unrevealed_check_in_is_not_in_the_partners_page_or_api(alex_checked_in, client_for):
    _, sam = alex_checked_in
    client = client_for(sam)
    for path in ("/checkins/", "/", "/api/checkins/today", "/api/checkins/recent"):
        assert ALEX_NOTE not in client.get(path).content.decode(), path


def test_unrevealed_check_in_by_id_is_not_found_for_the_partner(alex_checked_in, client_for):
    alex, sam = alex_checked_in
    checkin = CheckIn.objects.get(author=alex)
    response = client_for(sam).get(f"/api/checkins/entries/{checkin.pk}")
    assert response.status_code == 404
    assert ALEX_NOTE not in response.content.decode()


def test_another_pair_gets_404_for_a_check_in(alex_checked_in, other_couple, client_for):
    alex, _ = alex_checked_in
    kim, _ = other_couple
    checkin = CheckIn.objects.get(author=alex)
    services.check_in(kim, mood=3)
    with pytest.raises(NotFound):
        services.checkin_for(kim, checkin.pk)
    response = client_for(kim).get(f"/api/checkins/entries/{checkin.pk}")
    assert response.status_code == 404
    assert response.json() == client_for(kim).get("/api/checkins/entries/999999").json()


def test_another_pair_never_sees_a_shared_check_in(alex_checked_in, other_couple, client_for):
    alex, _ = alex_checked_in
    kim, _ = other_couple
    services.share_directly(alex)
    services.check_in(kim, mood=3)
    client = client_for(kim)
    for path in ("/checkins/", "/", "/api/checkins/today", "/api/checkins/recent"):
        assert ALEX_NOTE not in client.get(path).content.decode(), path


def test_another_pair_gets_404_for_a_week(couple, other_couple, client_for):
    alex, sam = couple
    kim, _ = other_couple
    week = weekly.this_week(alex)
    weekly.submit_weekly(alex, appreciation=ALEX_APPRECIATION)
    weekly.submit_weekly(sam, appreciation="Sam's")
    client = client_for(kim)
    past = week - timedelta(weeks=1)
    WeeklyCheckIn.objects.filter(week=week).update(week=past)
    assert client.get(f"/checkins/weekly/{past.isoformat()}/").status_code == 404
    response = client.get(f"/api/checkins/weekly/{past.isoformat()}")
    assert response.status_code == 404
    for path in ("/checkins/weekly/", "/api/checkins/weekly/current", "/checkins/weekly/history/"):
        assert ALEX_APPRECIATION not in client.get(path).content.decode(), path


def test_partner_cannot_see_weekly_before_own(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation=ALEX_APPRECIATION)
    view = weekly.view_week(sam)
    assert view.partner_submitted and view.partner is None
    client = client_for(sam)
    for path in ("/checkins/weekly/", "/api/checkins/weekly/current", "/"):
        assert ALEX_APPRECIATION not in client.get(path).content.decode(), path
    response = client.get("/api/checkins/weekly/agenda")
    assert response.status_code == 409
    assert ALEX_APPRECIATION not in response.content.decode()


def test_weekly_check_ins_are_revealed_to_both_once_both_are_in(couple):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation=ALEX_APPRECIATION)
    weekly.submit_weekly(sam, appreciation="Sam noticed the tidy desk")
    assert weekly.view_week(sam).partner.appreciation == ALEX_APPRECIATION
    assert weekly.view_week(alex).partner.appreciation == "Sam noticed the tidy desk"


def test_a_past_week_only_the_partner_filled_in_stays_hidden(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation=ALEX_APPRECIATION)
    past = weekly.this_week(alex) - timedelta(weeks=1)
    WeeklyCheckIn.objects.update(week=past)
    response = client_for(sam).get(f"/checkins/weekly/{past.isoformat()}/")
    assert response.status_code == 200
    assert "their answers stay with them" in response.content.decode()
    assert ALEX_APPRECIATION not in response.content.decode()
    api = client_for(sam).get(f"/api/checkins/weekly/{past.isoformat()}").json()
    assert api["partner"] is None and api["partner_submitted"] is True
