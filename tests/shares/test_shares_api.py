from hearthside.activity.models import Activity, Verb
from hearthside.shares import services
from hearthside.shares.models import Share, ShareReply

JSON = "application/json"


def test_sharing_through_the_api_returns_the_share(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        "/api/shares", {"text": "I'm nervous about Monday.", "mode": "listen"}, content_type=JSON
    )
    body = response.json()
    assert response.status_code == 201
    assert (body["text"], body["mode"], body["by_me"], body["private"]) == (
        "I'm nervous about Monday.",
        "listen",
        True,
        False,
    )
    assert body["reply_starters"] == []


def test_the_api_refuses_an_unknown_mode_and_saves_nothing(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        "/api/shares", {"text": "Hello", "mode": "fix-it"}, content_type=JSON
    )
    assert response.status_code == 422
    assert "mode" in response.json()["detail"]
    assert not Share.objects.exists()


def test_the_api_refuses_an_empty_share(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        "/api/shares", {"text": "", "mode": "think"}, content_type=JSON
    )
    assert response.status_code == 400
    assert "empty" in response.json()["detail"]
    assert not Share.objects.exists()


def test_the_partner_gets_reply_starters_fitting_the_mode(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Vent", "listen")
    body = client_for(sam).get(f"/api/shares/{share.pk}").json()
    keys = [starter["key"] for starter in body["reply_starters"]]
    assert "reflect" in keys and "offer" not in keys
    assert body["coach_context"] == "listen"


def test_replying_through_the_api_threads_the_reply(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Vent", "listen")
    response = client_for(sam).post(
        f"/api/shares/{share.pk}/replies", {"text": "I'm listening 🫶"}, content_type=JSON
    )
    assert response.status_code == 201
    assert [r["text"] for r in response.json()["replies"]] == ["I'm listening 🫶"]


def test_a_reply_to_another_pairs_share_is_404_in_the_api(couple, other_couple, client_for):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.create_share(kim, "Ours", "listen")
    response = client_for(alex).post(
        f"/api/shares/{foreign.pk}/replies", {"text": "Hi"}, content_type=JSON
    )
    assert response.status_code == 404
    assert not ShareReply.objects.exists()
    assert not Activity.objects.filter(verb=Verb.REPLIED_TO_SHARE).exists()


def test_feeling_heard_through_the_api(couple, client_for):
    alex, _ = couple
    share = services.create_share(alex, "Vent", "listen")
    response = client_for(alex).put(f"/api/shares/{share.pk}/felt-heard")
    assert response.status_code == 200
    assert response.json()["felt_heard_at"] is not None


def test_a_kept_share_is_404_for_the_partner_in_the_api_until_sent(couple, client_for):
    alex, sam = couple
    response = client_for(alex).post(
        "/api/shares", {"text": "Later", "mode": "think", "keep_private": True}, content_type=JSON
    )
    share_id = response.json()["id"]
    assert client_for(sam).get(f"/api/shares/{share_id}").status_code == 404
    client_for(alex).post(f"/api/shares/{share_id}/send")
    assert client_for(sam).get(f"/api/shares/{share_id}").json()["text"] == "Later"


def test_the_api_lists_shares_a_page_at_a_time(couple, client_for):
    alex, sam = couple
    for number in range(services.SHARES_PAGE + 1):
        services.create_share(alex, f"share {number}", "listen")
    client = client_for(sam)
    first = client.get("/api/shares").json()
    rest = client.get("/api/shares", {"before": first[-1]["id"]}).json()
    assert len(first) == services.SHARES_PAGE
    assert [share["text"] for share in rest] == ["share 0"]
