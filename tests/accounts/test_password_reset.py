"""Forgotten passwords: a link by email, a new password, the old one retired."""

from django.core import mail
from django.test import Client

from tests.conftest import PASSWORD

from .conftest import link_in_last_mail, sign_in

NEW_PASSWORD = "a-brand-new-password-77"


def request_reset(email: str) -> None:
    Client().post("/accounts/password/reset/", {"email": email})


def set_new_password(link: str) -> Client:
    client = Client()
    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_password_path = form.redirect_chain[-1][0] if form.redirect_chain else link
    response = client.post(
        set_password_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_asking_for_a_reset_sends_a_link(make_person):
    make_person("Ash", email="ash@example.test")
    request_reset("ash@example.test")
    [message] = mail.outbox
    assert message.to == ["ash@example.test"]
    assert link_in_last_mail("/accounts/password/reset/key/")


def test_the_link_sets_a_new_password_and_the_old_one_stops_working(make_person):
    make_person("Ash", email="ash@example.test")
    request_reset("ash@example.test")

    set_new_password(link_in_last_mail("/accounts/password/reset/key/"))

    assert sign_in(Client(), "ash@example.test", PASSWORD).status_code == 200  # refused
    assert sign_in(Client(), "ash@example.test", NEW_PASSWORD).status_code == 302


def test_a_reset_link_works_once(make_person):
    make_person("Ash", email="ash@example.test")
    request_reset("ash@example.test")
    link = link_in_last_mail("/accounts/password/reset/key/")
    set_new_password(link)

    again = Client().get(link, follow=True)

    assert b'name="password1"' not in again.content


def test_a_reset_for_an_unknown_address_reveals_nothing(db):
    response = Client().post("/accounts/password/reset/", {"email": "nobody@example.test"})
    assert response.status_code == 302
    assert not any("/accounts/password/reset/key/" in message.body for message in mail.outbox)


def test_resets_asked_for_again_and_again_send_one_email(make_person):
    make_person("Ash", email="ash@example.test")

    for attempt in range(3):
        client = Client(REMOTE_ADDR=f"198.51.100.{attempt}")
        client.post("/accounts/password/reset/", {"email": "ash@example.test"})

    assert [message.to for message in mail.outbox] == [["ash@example.test"]]
    assert link_in_last_mail("/accounts/password/reset/key/")
