"""Two-factor sign-in with a time-based code (TOTP), on the pages and the API."""

import json

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from hearthside.pairs.models import ApiToken
from tests.conftest import PASSWORD

from .conftest import sign_in, totp_code, wrong_code

EMAIL = "ash@example.test"


@pytest.fixture(autouse=True)
def neighbouring_codes_count(settings):
    """Each code works once; accepting the codes of the 30-second periods
    either side lets one test sign in several times without waiting."""
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def ash(make_person):
    return make_person("Ash", email=EMAIL)


def turn_on_two_factor(client) -> str:
    """Through allauth's pages, as a person would: confirm the password
    first, then type the code the app shows. Returns the secret."""
    asked = client.get("/accounts/2fa/totp/activate/")
    assert asked.url.startswith("/accounts/reauthenticate/")
    page = client.post(asked.url, {"password": PASSWORD}, follow=True)
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


@pytest.fixture
def secret(ash):
    client = Client()
    sign_in(client, EMAIL, PASSWORD)
    return turn_on_two_factor(client)


def ask_for_token(code: str | None = None):
    payload = {"email": EMAIL, "password": PASSWORD}
    if code is not None:
        payload["code"] = code
    return Client().post("/api/auth/token", json.dumps(payload), content_type="application/json")


def test_two_factor_is_turned_on_through_the_pages(ash, secret):
    assert Authenticator.objects.filter(user=ash, type=Authenticator.Type.TOTP).exists()


def test_a_wrong_code_does_not_turn_two_factor_on(ash):
    client = Client()
    sign_in(client, EMAIL, PASSWORD)
    asked = client.get("/accounts/2fa/totp/activate/")
    page = client.post(asked.url, {"password": PASSWORD}, follow=True)
    wrong = wrong_code(page.context["form"].secret)

    response = client.post("/accounts/2fa/totp/activate/", {"code": wrong})

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=ash).exists()


def test_with_two_factor_on_a_password_alone_does_not_sign_in(secret):
    client = Client()
    response = sign_in(client, EMAIL, PASSWORD)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/2fa/authenticate/")
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_with_two_factor_on_the_code_completes_sign_in(secret):
    client = Client()
    sign_in(client, EMAIL, PASSWORD)
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret, 1)})
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.is_authenticated


def test_with_two_factor_on_a_wrong_code_does_not_sign_in(secret):
    client = Client()
    sign_in(client, EMAIL, PASSWORD)
    client.post("/accounts/2fa/authenticate/", {"code": wrong_code(secret)})
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_the_api_gives_a_token_for_email_and_password_alone_without_two_factor(ash):
    response = ask_for_token()
    assert response.status_code == 201
    assert response.json()["token"].startswith(ApiToken.PREFIX)


def test_the_api_refuses_a_token_without_the_code(secret):
    response = ask_for_token()
    assert response.status_code == 401
    assert "two-factor" in response.json()["detail"].lower()
    assert not ApiToken.objects.exists()


def test_the_api_refuses_a_token_with_a_wrong_code(secret):
    response = ask_for_token(wrong_code(secret))
    assert response.status_code == 401
    assert response.json()["detail"] == "That two-factor code is not right."
    assert not ApiToken.objects.exists()


def test_the_api_gives_a_token_with_the_right_code(secret):
    response = ask_for_token(totp_code(secret, 1))
    assert response.status_code == 201
    token = response.json()["token"]
    me = Client().get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["email"] == EMAIL


def test_a_code_is_accepted_once(secret):
    code = totp_code(secret, -1)
    assert ask_for_token(code).status_code == 201
    assert ask_for_token(code).status_code == 401
