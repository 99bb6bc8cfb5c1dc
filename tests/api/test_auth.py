"""Signing in to the API: bearer tokens (and revoking them), the browser
session with its CSRF token, and signing up."""

import json

import pytest
from django.test import Client

from hearthside.pairs.models import ApiToken, User
from hearthside.questions.models import OwnQuestion
from tests.conftest import PASSWORD

QUESTION = json.dumps({"text": "What song reminds you of us?"})


# --- Session and CSRF -------------------------------------------------------------------------


@pytest.fixture
def browser(couple):
    """Alex's browser: signed in by session, with Django's CSRF protection on."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(couple[0])
    client.get("/")  # the page sets the csrftoken cookie, as in a real browser
    return client


def test_a_session_can_read_without_a_csrf_token(browser):
    response = browser.get("/api/me")

    assert response.status_code == 200
    assert response.json()["display_name"] == "Alex"


def test_a_session_change_without_the_csrf_token_is_refused(browser):
    response = browser.post("/api/own-questions", QUESTION, content_type="application/json")

    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["detail"]
    assert not OwnQuestion.objects.exists()


def test_a_session_change_with_the_csrf_token_is_accepted(browser):
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        "/api/own-questions", QUESTION, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )

    assert response.status_code == 201
    assert OwnQuestion.objects.count() == 1


def test_a_change_with_no_credentials_at_all_is_told_to_sign_in(db):
    response = Client(enforce_csrf_checks=True).post(
        "/api/own-questions", QUESTION, content_type="application/json"
    )

    assert response.status_code == 401
    assert "Please sign in" in response.json()["detail"]


def test_a_bearer_token_needs_no_csrf_token(couple):
    _, token = ApiToken.issue(couple[0])
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {token}")

    response = client.post("/api/own-questions", QUESTION, content_type="application/json")

    assert response.status_code == 201


# --- Tokens -----------------------------------------------------------------------------------


def test_a_token_is_issued_for_the_right_password_and_only_its_digest_is_kept(couple, client):
    response = client.post(
        "/api/auth/token",
        {"email": couple[0].email.upper(), "password": PASSWORD, "name": "my script"},
        content_type="application/json",
    )

    assert response.status_code == 201
    token = response.json()["token"]
    assert token.startswith("hs_")
    assert not ApiToken.objects.filter(digest=token).exists()
    assert ApiToken.objects.get(user=couple[0]).name == "my script"


def test_a_revoked_token_stops_working_and_other_tokens_do_not(api_pairs):
    alex = api_pairs[0]
    other_client = Client()
    other = other_client.post(
        "/api/auth/token",
        {"email": alex.email, "password": PASSWORD},
        content_type="application/json",
    ).json()["token"]

    assert alex.delete("/api/auth/token").status_code == 204

    refused = alex.get("/api/today")
    assert refused.status_code == 401
    assert "Please sign in" in refused.json()["detail"]
    assert other_client.get("/api/me", HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 200


def test_a_token_of_a_deactivated_account_stops_working(api_pairs):
    alex = api_pairs[0]
    User.objects.filter(email=alex.email).update(is_active=False)

    assert alex.get("/api/me").status_code == 401


# --- Signing up -----------------------------------------------------------------------------


def test_signing_up_sends_a_confirmation_and_the_account_can_take_a_token(db, client, mailoutbox):
    signup = {"email": "noor@example.test", "password": PASSWORD, "display_name": "Noor"}

    response = client.post("/api/auth/signup", signup, content_type="application/json")

    assert response.status_code == 202
    assert "confirmation" in response.json()["detail"]
    assert [message.to for message in mailoutbox] == [["noor@example.test"]]
    token = client.post("/api/auth/token", signup, content_type="application/json")
    assert token.status_code == 201


def test_signing_up_again_gives_the_same_answer_and_keeps_one_account(couple, client):
    signup = {"email": couple[0].email, "password": PASSWORD, "display_name": "Someone else"}

    response = client.post("/api/auth/signup", signup, content_type="application/json")

    assert response.status_code == 202
    assert User.objects.filter(email=couple[0].email).count() == 1
    assert User.objects.get(email=couple[0].email).display_name == "Alex"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "valid email address"),
        ({"password": "short"}, "too short"),
        ({"password": "password123"}, "too common"),
        ({"display_name": "   "}, "what to call you"),
        ({"display_name": "N" * 100_000}, "40 characters"),
    ],
)
def test_signing_up_with_bad_details_says_what_to_fix(db, client, fields, message):
    signup = {"email": "noor@example.test", "password": PASSWORD, "display_name": "Noor"}

    response = client.post("/api/auth/signup", signup | fields, content_type="application/json")

    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert not User.objects.exists()
