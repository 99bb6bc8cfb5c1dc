from datetime import timedelta

from hearthside.needs import services
from hearthside.needs.models import Need, NeedAnswer
from hearthside.pairs.services import pair_context

JSON = "application/json"


def test_asking_through_the_api(couple, client_for):
    alex, _ = couple
    by_when = (pair_context(alex).today() + timedelta(days=2)).isoformat()
    response = client_for(alex).post(
        "/api/needs", {"text": "A lift on Friday", "by_when": by_when}, content_type=JSON
    )
    assert response.status_code == 201
    assert (response.json()["text"], response.json()["by_when"]) == ("A lift on Friday", by_when)


def test_the_api_refuses_a_malformed_date_and_saves_nothing(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        "/api/needs", {"text": "Soon", "by_when": "tomorrow-ish"}, content_type=JSON
    )
    assert response.status_code == 422
    assert "by_when" in response.json()["detail"]
    assert not Need.objects.exists()


def test_the_api_refuses_a_past_date(couple, client_for):
    alex, _ = couple
    past = (pair_context(alex).today() - timedelta(days=2)).isoformat()
    response = client_for(alex).post(
        "/api/needs", {"text": "Soon", "by_when": past}, content_type=JSON
    )
    assert response.status_code == 400
    assert "past" in response.json()["detail"]
    assert not Need.objects.exists()


def test_acknowledging_through_the_api_and_twice_is_a_conflict(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hug")
    client = client_for(sam)
    first = client.post(f"/api/needs/{need.pk}/acknowledgement")
    second = client.post(f"/api/needs/{need.pk}/acknowledgement")
    assert first.status_code == 201 and first.json()["acknowledged_by_me"] is True
    assert second.status_code == 409
    assert NeedAnswer.objects.count() == 1


def test_a_note_through_the_api(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hand")
    response = client_for(sam).post(
        f"/api/needs/{need.pk}/notes", {"text": "On my way"}, content_type=JSON
    )
    assert [(a["kind"], a["text"]) for a in response.json()["answers"]] == [("note", "On my way")]


def test_marking_met_through_the_api_is_for_the_asker_only(couple, client_for):
    alex, sam = couple
    need = services.ask_for(alex, "A hand")
    assert client_for(sam).put(f"/api/needs/{need.pk}/met").status_code == 400
    response = client_for(alex).put(f"/api/needs/{need.pk}/met")
    assert response.json()["met_at"] is not None


def test_another_pairs_need_is_404_in_the_api(couple, other_couple, client_for):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.ask_for(kim, "Ours")
    client = client_for(alex)
    assert client.get(f"/api/needs/{foreign.pk}").status_code == 404
    assert client.post(f"/api/needs/{foreign.pk}/acknowledgement").status_code == 404
    assert not NeedAnswer.objects.exists()


def test_the_api_lists_open_and_met_needs(couple, client_for):
    alex, sam = couple
    services.ask_for(alex, "Open one")
    met = services.ask_for(alex, "Met one")
    services.mark_met(alex, met.pk)
    client = client_for(sam)
    assert [n["text"] for n in client.get("/api/needs").json()] == ["Open one"]
    assert [n["text"] for n in client.get("/api/needs", {"met": "true"}).json()] == ["Met one"]
