"""The sessions page lists where a person is signed in and can sign the others out."""

from allauth.usersessions.models import UserSession
from django.test import Client

from tests.conftest import PASSWORD

from .conftest import sign_in

EMAIL = "ash@example.test"


def signed_in_client(user_agent: str) -> Client:
    client = Client(headers={"User-Agent": user_agent})
    assert sign_in(client, EMAIL, PASSWORD).status_code == 302
    return client


def test_the_sessions_page_lists_each_signed_in_device(make_person):
    ash = make_person("Ash", email=EMAIL)
    phone = signed_in_client("PhoneBrowser/1.0")
    signed_in_client("LaptopBrowser/2.0")

    page = phone.get("/accounts/sessions/")

    assert page.status_code == 200
    assert UserSession.objects.filter(user=ash).count() == 2
    assert b"PhoneBrowser/1.0" in page.content
    assert b"LaptopBrowser/2.0" in page.content


def test_signing_out_the_other_sessions_ends_them_and_keeps_this_one(make_person):
    ash = make_person("Ash", email=EMAIL)
    phone = signed_in_client("PhoneBrowser/1.0")
    laptop = signed_in_client("LaptopBrowser/2.0")

    assert phone.post("/accounts/sessions/").status_code == 302

    assert phone.get("/").wsgi_request.user.is_authenticated
    assert not laptop.get("/").wsgi_request.user.is_authenticated
    assert UserSession.objects.filter(user=ash).count() == 1


def test_someone_signed_out_cannot_see_the_sessions_page(db):
    response = Client().get("/accounts/sessions/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
