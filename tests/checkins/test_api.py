"""The check-in API: the same rules as the pages, as JSON."""

import json
from datetime import timedelta

import pytest

from hearthside.activity.models import Activity
from hearthside.checkins import services, weekly
from hearthside.checkins.models import CheckIn, WeeklyCheckIn

from .conftest import checkin_snapshot


def put(client, path, body):
    return client.put(path, json.dumps(body), content_type="application/json")


def test_feelings_lists_the_curated_groups(couple, client_for):
    alex, _ = couple
    groups = client_for(alex).get("/api/checkins/feelings").json()
    assert any("calm" in group["words"] for group in groups)


def test_put_today_checks_in_and_returns_it_with_my_private_note(couple, client_for):
    alex, _ = couple
    response = put(
        client_for(alex),
        "/api/checkins/today",
        {"mood": 4, "feelings": ["calm"], "need": "heard", "note": "ok", "private_note": "shh"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["mine"]["mood"] == 4
    assert body["mine"]["mood_label"] == "Good"
    assert body["mine"]["private_note"] == "shh"
    assert body["partner"] is None
    assert body["can_share"] is True


def test_put_today_twice_edits(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    put(client, "/api/checkins/today", {"mood": 2})
    put(client, "/api/checkins/today", {"mood": 5})
    assert CheckIn.objects.get().mood == 5


def test_get_today_shows_the_partner_once_revealed(couple, client_for):
    alex, sam = couple
    services.check_in(alex, mood=1, note="tough day")
    client = client_for(sam)
    before = client.get("/api/checkins/today").json()
    assert before["partner_checked_in"] is True and before["partner"] is None
    put(client, "/api/checkins/today", {"mood": 3})
    after = client.get("/api/checkins/today").json()
    assert after["partner"]["note"] == "tough day"
    assert after["partner"]["author_name"] == "Alex"
    assert "private_note" not in after["partner"]


def test_share_directly_reveals_to_the_partner(couple, client_for):
    alex, sam = couple
    services.check_in(alex, mood=1, note="tough day")
    body = client_for(alex).post("/api/checkins/today/share").json()
    assert body["mine"]["shared_directly"] is True
    assert client_for(sam).get("/api/checkins/today").json()["partner"]["note"] == "tough day"


def test_share_without_check_in_is_a_clear_400(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post("/api/checkins/today/share")
    assert response.status_code == 400
    assert "Check in first" in response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({}, 400, "nothing in this check-in"),
        ({"mood": 0}, 400, "Mood goes from 1"),
        ({"mood": 6}, 400, "Mood goes from 1"),
        ({"mood": "lots"}, 422, "mood"),
        ({"mood": 3, "feelings": ["hangry"]}, 400, "“hangry” isn't one of the listed"),
        ({"mood": 3, "feelings": "calm"}, 422, "feelings"),
        ({"mood": 3, "own_feelings": ["y" * 31]}, 400, "30 characters"),
        ({"mood": 3, "need": "money"}, 422, "need"),
        ({"mood": 3, "note": "n" * 501}, 400, "500 characters"),
    ],
)
def test_bad_check_in_is_refused_with_a_clear_message(couple, client_for, body, status, message):
    alex, _ = couple
    services.check_in(alex, mood=2, note="as it was")
    before = checkin_snapshot()
    response = put(client_for(alex), "/api/checkins/today", body)
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert checkin_snapshot() == before


def test_recent_lists_days_with_the_next_page(couple, client_for, long_history):
    alex, sam = couple
    long_history(alex, sam, days=20)
    client = client_for(alex)
    first = client.get("/api/checkins/recent").json()
    assert len(first["days"]) == services.RECENT_DAYS
    assert first["days"][0]["mine"]["private_note"] == "only mine"
    assert first["days"][0]["partner"]["note"] == "day 1"
    older = client.get(f"/api/checkins/recent?before={first['older_before']}").json()
    assert len(older["days"]) == 6 and older["older_before"] is None


@pytest.mark.parametrize("before", ["0001-01-01", "9999-12-31"])
def test_recent_at_the_ends_of_the_calendar_is_simply_empty_or_current(couple, client_for, before):
    alex, _ = couple
    response = client_for(alex).get(f"/api/checkins/recent?before={before}")
    assert response.status_code == 200
    assert response.json()["days"] == []


def test_schedule_is_null_until_set_then_shared_by_both(couple, client_for):
    alex, sam = couple
    assert client_for(alex).get("/api/checkins/weekly/schedule").json() is None
    response = put(
        client_for(alex), "/api/checkins/weekly/schedule", {"weekday": 6, "time": "19:30"}
    )
    assert response.status_code == 200
    seen_by_sam = client_for(sam).get("/api/checkins/weekly/schedule").json()
    assert seen_by_sam["weekday_name"] == "Sunday"
    assert seen_by_sam["time"] == "19:30"
    assert seen_by_sam["updated_by"] == "Alex"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"weekday": 7, "time": "19:00"}, 400),
        ({"weekday": 1, "time": "24:10"}, 400),
        ({"weekday": 1, "time": "noon"}, 400),
        ({"weekday": "Sunday", "time": "19:00"}, 422),
        ({"time": "19:00"}, 422),
    ],
)
def test_invalid_schedule_is_refused_and_changes_nothing(couple, client_for, body, status):
    alex, _ = couple
    put(client_for(alex), "/api/checkins/weekly/schedule", {"weekday": 2, "time": "18:00"})
    before = checkin_snapshot()
    response = put(client_for(alex), "/api/checkins/weekly/schedule", body)
    assert response.status_code == status
    assert response.json()["detail"]
    assert checkin_snapshot() == before


def test_weekly_current_fills_in_and_waits_for_the_partner(couple, client_for):
    alex, _ = couple
    response = put(client_for(alex), "/api/checkins/weekly/current", {"appreciation": "Tea"})
    body = response.json()
    assert response.status_code == 200
    assert body["mine"]["appreciation"] == "Tea"
    assert body["partner"] is None and body["revealed"] is False and body["can_edit"] is True


def test_weekly_twice_in_a_week_edits_and_records_one_activity(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    put(client, "/api/checkins/weekly/current", {"appreciation": "first"})
    put(client, "/api/checkins/weekly/current", {"appreciation": "second"})
    assert list(WeeklyCheckIn.objects.values_list("appreciation", flat=True)) == ["second"]
    assert Activity.objects.filter(verb="weekly_checked_in").count() == 1


def test_weekly_after_both_are_in_is_a_409_and_changes_nothing(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="A")
    weekly.submit_weekly(sam, appreciation="S")
    before = checkin_snapshot()
    response = put(client_for(alex), "/api/checkins/weekly/current", {"appreciation": "again"})
    assert response.status_code == 409
    assert checkin_snapshot() == before


@pytest.mark.parametrize(
    ("body", "status"),
    [({}, 400), ({"appreciation": "z" * 1001}, 400), ({"appreciation": ["list"]}, 422)],
)
def test_bad_weekly_check_in_is_refused_and_changes_nothing(couple, client_for, body, status):
    alex, _ = couple
    before = checkin_snapshot()
    response = put(client_for(alex), "/api/checkins/weekly/current", body)
    assert response.status_code == status
    assert response.json()["detail"]
    assert checkin_snapshot() == before


def test_agenda_as_json_once_both_are_in(couple, client_for):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="A thanks", one_need="A needs", on_my_mind="A mind")
    weekly.submit_weekly(sam, appreciation="S thanks")
    body = client_for(sam).get("/api/checkins/weekly/agenda").json()
    assert [step["key"] for step in body["steps"]] == ["appreciation", "one_need", "on_my_mind"]
    assert body["steps"][0]["items"] == [
        {"who": "Alex", "by_me": False, "text": "A thanks"},
        {"who": "Sam", "by_me": True, "text": "S thanks"},
    ]


def test_agenda_of_a_malformed_week_is_a_422(couple, client_for):
    alex, _ = couple
    assert client_for(alex).get("/api/checkins/weekly/agenda?week=someday").status_code == 422


def test_history_and_single_week(couple, client_for, long_history):
    alex, sam = couple
    long_history(alex, sam, days=7 * 3)
    client = client_for(sam)
    history = client.get("/api/checkins/weekly/history").json()
    assert [week["partner"]["appreciation"] for week in history] == [
        "thanks 1",
        "thanks 2",
        "thanks 3",
    ]
    week = history[0]["week"]
    assert client.get(f"/api/checkins/weekly/{week}").json()["revealed"] is True


def test_a_week_before_the_pair_wrote_anything_is_404(couple, client_for):
    alex, _ = couple
    past = weekly.this_week(alex) - timedelta(weeks=5)
    assert client_for(alex).get(f"/api/checkins/weekly/{past.isoformat()}").status_code == 404


def test_api_needs_signing_in(client):
    assert client.get("/api/checkins/today").status_code == 401


def test_api_needs_a_partner(make_person, client_for):
    alone = make_person("Robin")
    response = client_for(alone).get("/api/checkins/today")
    assert response.status_code == 409
    assert "partner" in response.json()["detail"]
