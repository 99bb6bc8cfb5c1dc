"""Every error of the API is JSON {"detail": "..."} a person can act on:
never an HTML page, never a 500 for bad input."""

import pytest

from hearthside.questions.models import Answer
from tests.conftest import PASSWORD


@pytest.fixture
def alex(api_pairs):
    return api_pairs[0]


@pytest.fixture
def daily_id(alex):
    return alex.get("/api/today").json()["sections"]["question"]["daily"]["id"]


def detail(response) -> str:
    body = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    return body["detail"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/"),
        ("GET", "/api/nothing-here"),
        ("GET", "/api/today/"),
        ("GET", "/api/daily/1/answer/extra"),
        ("POST", "/api/history/old"),
        ("DELETE", "/api/%F0%9F%92%9B"),
    ],
)
def test_an_unknown_endpoint_is_a_json_404_pointing_to_the_docs(alex, method, path):
    response = alex.call(method, path)

    assert response.status_code == 404
    assert detail(response) == "There is no such API endpoint. The documentation is at /api/docs."


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/api/daily/1/answer", "PUT"),
        ("POST", "/api/today", "GET"),
        ("PUT", "/api/own-questions", "GET, POST"),
        ("GET", "/api/auth/signup", "POST"),
    ],
)
def test_a_method_an_endpoint_does_not_take_is_a_json_405_naming_the_right_ones(
    alex, method, path, allowed
):
    response = alex.call(method, path)

    assert response.status_code == 405
    assert sorted(response["Allow"].split(", ")) == sorted(allowed.split(", "))
    assert method in detail(response)


@pytest.mark.parametrize(
    "raw",
    ['{"text": "unfinished', "text=hello", "{'text': 'single quotes'}", "\xff\xfe"],
    ids=["cut off", "form encoded", "single quotes", "not utf-8"],
)
def test_a_malformed_body_is_a_json_400_and_saves_nothing(alex, daily_id, raw):
    response = alex.call("PUT", f"/api/daily/{daily_id}/answer", raw=raw)

    assert response.status_code == 400
    assert "JSON" in detail(response)
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": 5}, "text"),
        ({"text": None}, "text"),
        ({"text": ["a", "list"]}, "text"),
        ([], "text"),
        ("just a string", "text"),
    ],
    ids=["missing", "number", "null", "list", "array body", "string body"],
)
def test_wrong_types_or_missing_fields_name_the_field(alex, daily_id, body, field):
    response = alex.put(f"/api/daily/{daily_id}/answer", body)

    assert response.status_code == 422
    assert detail(response) == f"Please check {field}."
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["/api/daily/abc", "/api/daily/1.5", "/api/daily/-1", f"/api/daily/{10**30}", "/api/daily/0"],
)
def test_an_impossible_id_is_a_json_4xx(alex, path):
    response = alex.get(path)

    assert response.status_code in (404, 422)
    assert detail(response)


def test_a_history_page_with_a_malformed_date_names_the_parameter(alex):
    response = alex.get("/api/history?before=yesterday")

    assert response.status_code == 422
    assert detail(response) == "Please check query.before."


def test_no_token_is_a_json_401(api_pairs):
    response = api_pairs[0].get("/api/today", HTTP_AUTHORIZATION="")

    assert response.status_code == 401
    assert "Please sign in" in detail(response)


@pytest.mark.parametrize(
    "header", ["Bearer hs_not-a-real-token", "Bearer", "Token abc", "Basic YWxleDpzZWNyZXQ="]
)
def test_a_wrong_or_malformed_token_is_a_json_401(alex, header):
    response = alex.get("/api/today", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert "Please sign in" in detail(response)


def test_wrong_credentials_are_a_json_401_that_does_not_say_which_part_was_wrong(api_pairs):
    alex = api_pairs[0]
    alex.token = ""

    wrong_password = alex.post(
        "/api/auth/token", {"email": "alex@example.test", "password": "not-it-at-all"}
    )
    unknown_email = alex.post(
        "/api/auth/token", {"email": "nobody@example.test", "password": "not-it-at-all"}
    )

    assert wrong_password.status_code == unknown_email.status_code == 401
    assert detail(wrong_password) == detail(unknown_email)


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        ("POST", "/api/pair/invitations", None, "already paired"),
        ("POST", "/api/pair/join", {"code": "ABCDE-23456"}, "couldn't find that code"),
        ("POST", "/api/own-questions", {"text": "  "}, "Your question is empty"),
        ("PUT", "/api/categories/no-such-category", {"enabled": False}, "no such category"),
    ],
)
def test_conflicts_and_refusals_are_json_with_a_message(alex, method, path, body, message):
    response = alex.call(method, path, body)

    assert 400 <= response.status_code < 500
    assert message in detail(response)


def test_skipping_an_answered_question_is_a_json_409(alex, daily_id):
    alex.put(f"/api/daily/{daily_id}/answer", {"text": "Mine"})

    response = alex.post(f"/api/daily/{daily_id}/skip", {"reason": "not_today"})

    assert response.status_code == 409
    assert "already answered" in detail(response)


def test_joining_when_already_paired_is_a_json_409(api_pairs, api_person):
    alex = api_pairs[0]
    robin = api_person("Robin")
    code = robin.post("/api/pair/invitations").json()["code"]

    response = alex.post("/api/pair/join", {"code": code})

    assert response.status_code == 409
    assert "one pair at a time" in detail(response)


def test_a_request_body_larger_than_allowed_is_a_json_413(alex, daily_id, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000

    response = alex.put(f"/api/daily/{daily_id}/answer", {"text": "x" * 20_000})

    assert response.status_code == 413
    assert "too large" in detail(response)
    assert not Answer.objects.exists()


def test_the_unpaired_get_a_json_409_inviting_them_to_pair(api_person, bank):
    loner = api_person("Robin")

    for path in ("/api/history", "/api/pair", "/api/categories"):
        response = loner.get(path)
        assert response.status_code == 409
        assert "Invite" in detail(response) or "not paired" in detail(response)


def test_today_tells_the_unpaired_they_are_not_paired_yet(api_person, bank):
    today = api_person("Robin").get("/api/today").json()

    assert today["paired"] is False
    assert today["news"] == []
    assert not any(today["sections"].values())


def test_signing_in_without_a_client_address_is_a_json_403_not_a_crash(api_pairs):
    # Some server setups pass no client address; the sign-in rate limit needs one.
    alex = api_pairs[0]
    alex.token = ""

    response = alex.post(
        "/api/auth/token", {"email": alex.email, "password": PASSWORD}, REMOTE_ADDR=""
    )

    assert response.status_code == 403
    assert "client IP address" in detail(response)
