"""Signing up, confirming the address, signing in and out, through allauth's pages."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from hearthside.pairs.models import User
from tests.conftest import PASSWORD

from .conftest import link_in_last_mail, sign_in

SIGN_UP = {
    "email": "river@example.test",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "display_name": "River",
    "time_zone": "America/Toronto",
}


def test_the_sign_up_page_asks_for_a_name_and_carries_the_time_zone(db):
    page = Client().get("/accounts/signup/")
    assert page.status_code == 200
    assert b'name="display_name"' in page.content
    assert b'type="hidden" name="time_zone"' in page.content


def test_signing_up_creates_the_account_with_name_and_time_zone(db):
    response = Client().post("/accounts/signup/", SIGN_UP)
    assert response.status_code == 302
    river = User.objects.get(email="river@example.test")
    assert (river.display_name, river.time_zone) == ("River", "America/Toronto")


def test_an_unknown_time_zone_falls_back_to_the_default(db, settings):
    Client().post("/accounts/signup/", {**SIGN_UP, "time_zone": "Mars/Olympus_Mons"})
    assert User.objects.get(email="river@example.test").time_zone == settings.DEFAULT_TIME_ZONE


BAD_SIGN_UPS = {
    "blank name": ({"display_name": "   "}, "display_name"),
    "overlong name": ({"display_name": "x" * 41}, "display_name"),
    "passwords differ": ({"password2": PASSWORD + "!"}, "password2"),
    "short password": ({"password1": "short", "password2": "short"}, "password1"),
    "not an email": ({"email": "river.example.test"}, "email"),
}


@pytest.mark.parametrize("change, field", BAD_SIGN_UPS.values(), ids=BAD_SIGN_UPS.keys())
def test_a_bad_sign_up_is_refused_beside_the_field_and_creates_nothing(db, change, field):
    response = Client().post("/accounts/signup/", {**SIGN_UP, **change})
    assert response.status_code == 200
    assert f'id="id_{field}_error"'.encode() in response.content
    assert not User.objects.exists()
    assert not mail.outbox


def test_signing_up_sends_a_confirmation_email(db):
    Client().post("/accounts/signup/", SIGN_UP)
    [message] = mail.outbox
    assert message.to == ["river@example.test"]
    assert message.subject.startswith("Hearthside: ")
    assert "/accounts/confirm-email/" in message.body


def test_the_link_in_the_email_confirms_the_address(db):
    client = Client()
    client.post("/accounts/signup/", SIGN_UP)
    link = link_in_last_mail("/accounts/confirm-email/")
    assert not EmailAddress.objects.get(email="river@example.test").verified

    assert client.get(link).status_code == 200  # a page with a button: links alone change nothing
    assert not EmailAddress.objects.get(email="river@example.test").verified
    client.post(link)

    assert EmailAddress.objects.get(email="river@example.test").verified


def test_a_new_person_is_signed_in_by_the_link_in_the_browser_they_signed_up_with(db):
    client = Client()
    client.post("/accounts/signup/", SIGN_UP)
    assert not client.get("/").wsgi_request.user.is_authenticated

    client.post(link_in_last_mail("/accounts/confirm-email/"))

    assert client.get("/").wsgi_request.user.email == "river@example.test"


def test_signing_in_before_confirming_asks_to_confirm_first(db):
    Client().post("/accounts/signup/", SIGN_UP)
    client = Client()

    response = sign_in(client, "river@example.test", PASSWORD)

    assert response["Location"] == "/accounts/confirm-email/"
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_signing_in_with_the_right_password_works(make_person):
    make_person("Ash", email="ash@example.test")
    client = Client()
    response = sign_in(client, "ash@example.test", PASSWORD)
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.is_authenticated


def test_signing_in_with_a_wrong_password_is_refused(make_person):
    make_person("Ash", email="ash@example.test")
    client = Client()
    response = sign_in(client, "ash@example.test", "not-the-password")
    assert response.status_code == 200
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_signing_out_ends_the_session(make_person):
    make_person("Ash", email="ash@example.test")
    client = Client()
    sign_in(client, "ash@example.test", PASSWORD)

    assert client.post("/accounts/logout/").status_code == 302

    assert not client.get("/").wsgi_request.user.is_authenticated
    assert client.get("/history/").status_code == 302


def test_signing_up_with_an_address_in_use_creates_no_second_account(make_person):
    make_person("Ash", email="river@example.test")
    Client().post("/accounts/signup/", SIGN_UP)
    assert User.objects.filter(email__iexact="river@example.test").count() == 1


def what_a_visitor_sees_after_signing_up(email: str) -> tuple:
    client = Client()
    response = client.post("/accounts/signup/", {**SIGN_UP, "email": email})
    page = client.get(response["Location"])
    text = re.sub(r"\b[A-Za-z0-9]{64}\b", "(CSRF token)", page.content.decode())
    return response.status_code, response["Location"], page.status_code, text


def test_signing_up_with_an_address_in_use_looks_the_same_as_with_a_new_one(make_person):
    make_person("Ash", email="ash@example.test")

    taken = what_a_visitor_sees_after_signing_up("ash@example.test")
    new = what_a_visitor_sees_after_signing_up("river@example.test")

    assert taken[:3] == new[:3] == (302, "/accounts/confirm-email/", 200)
    assert taken[3].replace("ash@example.test", "river@example.test") == new[3]
    assert "already" not in taken[3]
    assert [message.to for message in mail.outbox] == [["ash@example.test"], ["river@example.test"]]


def test_the_owner_of_an_address_in_use_is_told_by_email_once_however_often_it_is_tried(
    make_person,
):
    make_person("Ash", email="river@example.test")

    for attempt in range(3):
        client = Client(REMOTE_ADDR=f"198.51.100.{attempt}")
        assert client.post("/accounts/signup/", SIGN_UP).status_code == 302

    [message] = mail.outbox
    assert message.to == ["river@example.test"]
    assert "already exists" in message.body
    assert "/accounts/password/reset/" in message.body
