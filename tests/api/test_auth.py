"""Signing in to the API: bearer tokens (and revoking them), the browser
session with its CSRF token, and signing up."""

import json

import pytest
from django.test import Client

from hearthside.pairs.models import ApiToken, User
from hearthside.questions.models import OwnQuestion
from tests.accounts.conftest import link_in_last_mail
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


NOOR = {"email": "noor@example.test", "password": PASSWORD, "display_name": "Noor"}


def test_a_new_account_takes_a_token_once_its_address_is_confirmed(db, client, mailoutbox):
    response = client.post("/api/auth/signup", NOOR, content_type="application/json")

    assert response.status_code == 202
    assert "open the link" in response.json()["detail"]
    assert [message.to for message in mailoutbox] == [["noor@example.test"]]
    refused = client.post("/api/auth/token", NOOR, content_type="application/json")
    assert refused.status_code == 403
    assert "confirm your email address" in refused.json()["detail"]

    client.post(link_in_last_mail("/accounts/confirm-email/"))

    token = client.post("/api/auth/token", NOOR, content_type="application/json")
    assert token.status_code == 201


def test_signing_up_again_gives_the_same_answer_and_keeps_one_account(couple, client):
    signup = {"email": couple[0].email, "password": PASSWORD, "display_name": "Someone else"}

    response = client.post("/api/auth/signup", signup, content_type="application/json")
    new = client.post("/api/auth/signup", NOOR, content_type="application/json")

    assert (response.status_code, response.json()) == (new.status_code, new.json())
    assert User.objects.filter(email=couple[0].email).count() == 1
    assert User.objects.get(email=couple[0].email).display_name == "Alex"


def test_signing_up_again_and_again_sends_the_owner_one_email(couple, mailoutbox):
    signup = {"email": couple[0].email, "password": PASSWORD, "display_name": "Someone else"}

    for attempt in range(25):
        client = Client(REMOTE_ADDR=f"198.51.100.{attempt}")
        response = client.post("/api/auth/signup", signup, content_type="application/json")
        assert response.status_code == 202

    [message] = mailoutbox
    assert message.to == [couple[0].email]
    assert "already exists" in message.body


def test_an_address_in_use_is_refused_for_bad_details_like_a_new_one(couple, client):
    # The details are checked before the address is looked up.
    signup = {"email": couple[0].email, "password": PASSWORD, "display_name": "   "}

    response = client.post("/api/auth/signup", signup, content_type="application/json")

    assert response.status_code == 400
    assert "what to call you" in response.json()["detail"]


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
