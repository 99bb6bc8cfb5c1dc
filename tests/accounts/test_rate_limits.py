"""Limits on sign-in, sign-up and password-reset attempts: per address from one
client and per client, never per address alone, so a stranger who knows an
address cannot lock its owner out. Pages and API count together and answer
429 with Retry-After."""

import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.test import Client

from tests.conftest import PASSWORD

from .conftest import sign_in

ASH = "ash@example.test"
STRANGER = "203.0.113.7"
OWNER = "198.51.100.20"


@pytest.fixture
def ash(make_person):
    return make_person("Ash", email=ASH)


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def ask_for_token(client: Client, email: str, password: str):
    return client.post(
        "/api/auth/token", {"email": email, "password": password}, content_type="application/json"
    )


@contextmanager
def clock_moved_on(seconds: float):
    later = time.time() + seconds
    with mock.patch("time.time", return_value=later):
        yield


def assert_told_to_wait(response, at_most: int) -> int:
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= at_most
    return retry_after


# --- Signing in -------------------------------------------------------------------------------


def test_five_wrong_passwords_from_one_client_make_it_wait(ash):
    stranger = client_at(STRANGER)
    for _ in range(5):
        assert sign_in(stranger, ASH, "wrong-password").status_code == 200

    refused = sign_in(stranger, ASH, "wrong-password")

    assert_told_to_wait(refused, at_most=5 * 60)
    assert "Please try again in 5 minutes." in refused.content.decode()


def test_the_owner_still_signs_in_from_another_client_meanwhile(ash):
    stranger = client_at(STRANGER)
    for _ in range(6):
        sign_in(stranger, ASH, "wrong-password")
    assert sign_in(stranger, ASH, PASSWORD).status_code == 429  # even with the password

    owner = client_at(OWNER)

    assert sign_in(owner, ASH, PASSWORD).status_code == 302
    assert owner.get("/").wsgi_request.user == ash
    assert ask_for_token(client_at(OWNER), ASH, PASSWORD).status_code == 201


def test_a_client_made_to_wait_may_try_again_once_the_wait_is_over(ash):
    stranger = client_at(STRANGER)
    for _ in range(5):
        sign_in(stranger, ASH, "wrong-password")
    retry_after = assert_told_to_wait(sign_in(stranger, ASH, PASSWORD), at_most=5 * 60)

    with clock_moved_on(retry_after - 5):
        assert sign_in(stranger, ASH, PASSWORD).status_code == 429
    with clock_moved_on(retry_after):
        assert sign_in(stranger, ASH, PASSWORD).status_code == 302


def test_signing_in_correctly_does_not_count_as_a_failure(ash):
    client = client_at(OWNER)
    for _ in range(4):
        sign_in(client, ASH, "wrong-password")
    assert sign_in(client, ASH, PASSWORD).status_code == 302
    client.post("/accounts/logout/")

    assert sign_in(client, ASH, "wrong-password").status_code == 200
    assert sign_in(client, ASH, "wrong-password").status_code == 429


def test_the_sign_in_page_and_the_api_count_failures_together(ash):
    stranger = client_at(STRANGER)
    for _ in range(3):
        sign_in(stranger, ASH, "wrong-password")
    for _ in range(2):
        assert ask_for_token(stranger, ASH, "wrong-password").status_code == 401

    refused = ask_for_token(stranger, ASH, PASSWORD)

    assert_told_to_wait(refused, at_most=5 * 60)
    assert refused.json() == {
        "detail": "That's a lot of tries in a short time. Please try again in 5 minutes."
    }


def test_wrong_two_factor_codes_for_a_token_count_as_failures(ash, client):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(ash, generate_totp_secret())
    stranger = client_at(STRANGER)
    credentials = {"email": ASH, "password": PASSWORD, "code": "000000"}
    for _ in range(5):
        response = stranger.post("/api/auth/token", credentials, content_type="application/json")
        assert response.status_code == 401

    refused = stranger.post("/api/auth/token", credentials, content_type="application/json")

    assert_told_to_wait(refused, at_most=5 * 60)


def test_one_client_trying_many_addresses_is_made_to_wait(db):
    stranger = client_at(STRANGER)
    for number in range(20):
        assert ask_for_token(stranger, f"person{number}@example.test", "guess").status_code == 401

    assert_told_to_wait(ask_for_token(stranger, "one-more@example.test", "guess"), at_most=15 * 60)
    assert ask_for_token(client_at(OWNER), "one-more@example.test", "guess").status_code == 401


def test_behind_a_proxy_each_client_is_counted_apart(ash, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # what HEARTHSIDE_BEHIND_PROXY sets
    stranger = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=STRANGER)
    for _ in range(6):
        sign_in(stranger, ASH, "wrong-password")

    owner = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=OWNER)

    assert sign_in(stranger, ASH, PASSWORD).status_code == 429
    assert sign_in(owner, ASH, PASSWORD).status_code == 302


# --- Signing up and resetting a password ------------------------------------------------------


def sign_up_on_the_page(client: Client, email: str):
    details = {"password1": PASSWORD, "password2": PASSWORD, "display_name": "Someone"}
    return client.post("/accounts/signup/", {"email": email, **details})


def sign_up_by_api(client: Client, email: str):
    details = {"email": email, "password": PASSWORD, "display_name": "Someone"}
    return client.post("/api/auth/signup", details, content_type="application/json")


def ask_for_a_reset(client: Client, email: str):
    return client.post("/accounts/password/reset/", {"email": email})


def test_signing_up_with_one_address_again_and_again_makes_the_client_wait(ash):
    stranger = client_at(STRANGER)
    assert sign_up_on_the_page(stranger, ASH).status_code == 302
    assert sign_up_by_api(stranger, ASH).status_code == 202
    assert sign_up_on_the_page(stranger, ASH).status_code == 302

    assert_told_to_wait(sign_up_on_the_page(stranger, ASH), at_most=10 * 60)
    assert_told_to_wait(sign_up_by_api(stranger, ASH), at_most=10 * 60)
    assert sign_up_on_the_page(stranger, "river@example.test").status_code == 302
    assert sign_up_by_api(client_at(OWNER), ASH).status_code == 202


def test_one_client_signing_up_many_addresses_is_made_to_wait(db):
    stranger = client_at(STRANGER)
    for number in range(10):
        assert sign_up_by_api(stranger, f"new{number}@example.test").status_code == 202

    assert_told_to_wait(sign_up_on_the_page(stranger, "one-more@example.test"), at_most=60 * 60)
    assert sign_up_on_the_page(client_at(OWNER), "one-more@example.test").status_code == 302


def test_resets_for_one_address_again_and_again_make_the_client_wait(ash):
    stranger = client_at(STRANGER)
    for _ in range(3):
        assert ask_for_a_reset(stranger, ASH).status_code == 302

    refused = ask_for_a_reset(stranger, ASH)

    assert_told_to_wait(refused, at_most=10 * 60)
    assert "Please try again in 10 minutes." in refused.content.decode()
    assert ask_for_a_reset(client_at(OWNER), ASH).status_code == 302


def test_resets_for_an_unknown_address_are_limited_the_same_way(db):
    stranger = client_at(STRANGER)
    for _ in range(3):
        assert ask_for_a_reset(stranger, "nobody@example.test").status_code == 302

    assert_told_to_wait(ask_for_a_reset(stranger, "nobody@example.test"), at_most=10 * 60)
