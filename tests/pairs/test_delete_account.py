"""Deleting one's account deletes what one wrote, for real, after the
password (and the second factor) is confirmed; the partner keeps their words
and is told only that the pairing ended."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils.html import escape

from hearthside.activity.models import Activity
from hearthside.pairs import services
from hearthside.pairs.models import ApiToken, Invitation, Membership, Pair, User
from hearthside.privacy.models import PrivateContent
from hearthside.questions import services as questions
from hearthside.questions.models import Answer, DailyQuestion
from hearthside.shares import services as shares
from hearthside.shares.models import Share, ShareReply
from tests.accounts.conftest import sign_in, totp_code, wrong_code
from tests.conftest import PASSWORD
from tests.privacy.snapshot import content_snapshot

from .test_earlier_writing import ALEX_WROTE, alex_writes_everything, serve_own_question

SAMS_SHARE = "Sam shared the worry about the roof 4R7T"
SAMS_REPLY = "Sam replied under Alex's share 8K2M"
SAMS_ANSWER = "Sam answered Alex's own question 6P1Q"
ALEXS_QUESTION = "What would you plant in our garden 3J9W"


@pytest.fixture(autouse=True)
def neighbouring_codes_count(settings):
    settings.MFA_TOTP_TOLERANCE = 1


def written_by(person) -> dict[str, int]:
    """How many rows of each kind of content ``person`` wrote."""
    return {
        model._meta.label: model.objects.filter(author=person.pk).count()
        for model in apps.get_models()
        if issubclass(model, PrivateContent)
    }


def devices(person, count: int) -> list[Client]:
    """Signed in through the sign-in page on ``count`` devices, as people are."""
    clients = [Client(headers={"User-Agent": f"Device {n}"}) for n in range(count)]
    for client in clients:
        assert sign_in(client, person.email, PASSWORD).status_code == 302
    return clients


def test_deleting_from_settings_removes_everything_the_person_wrote(couple, api_client_for):
    alex, sam = couple
    alex_writes_everything(alex, sam)
    _, token = ApiToken.issue(alex)
    phone, laptop = devices(alex, 2)
    assert any(written_by(alex).values())

    page = phone.get("/settings/delete-account/")
    assert "Everything you wrote is deleted for good" in page.content.decode()
    response = phone.post("/settings/delete-account/", {"password": PASSWORD}, follow=True)

    assert response.redirect_chain == [("/goodbye/", 302)]
    assert "Your account and everything you wrote have been deleted" in response.content.decode()
    assert not User.objects.filter(pk=alex.pk).exists()
    assert not any(written_by(alex).values())
    assert not Activity.objects.filter(author=alex.pk).exists()
    assert not ApiToken.objects.filter(user=alex.pk).exists()
    assert not Invitation.objects.filter(inviter=alex.pk).exists()
    assert not EmailAddress.objects.filter(email=alex.email).exists()
    assert not UserSession.objects.filter(user=alex.pk).exists()
    assert not Session.objects.exists()
    for device in (phone, laptop):
        assert not device.get("/").wsgi_request.user.is_authenticated
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/me").status_code == 401
    for words in ALEX_WROTE.values():
        assert words not in api_client_for(sam).get("/api/me/earlier-writing").content.decode()


def test_the_partner_keeps_their_words_and_is_told_only_that_the_pairing_ended(
    couple, client_for, api_client_for
):
    alex, sam = couple
    sams_share = shares.create_share(sam, SAMS_SHARE, "listen")
    daily = serve_own_question(alex, ALEXS_QUESTION)
    questions.answer_question(sam, daily.pk, SAMS_ANSWER)
    alexs_share = shares.create_share(alex, "Alex's worry", "listen")
    shares.reply_to_share(sam, alexs_share.pk, SAMS_REPLY)
    [phone] = devices(alex, 1)

    phone.post("/settings/delete-account/", {"password": PASSWORD})

    assert Pair.objects.get().ended_at is not None
    assert not Membership.objects.filter(user=sam, left_at__isnull=True).exists()
    today = client_for(sam).get("/").content.decode()
    assert "Your pairing has ended" in today
    assert "Alex" not in today
    kept = api_client_for(sam).get("/api/me/earlier-writing").json()["items"]
    texts = [part["text"] for item in kept for part in item["parts"]]
    assert SAMS_SHARE in texts
    assert SAMS_ANSWER in texts
    assert ALEXS_QUESTION not in json.dumps(kept)
    assert Share.objects.filter(pk=sams_share.pk).exists()
    # A reply belongs to the thread it answers, and goes with it.
    assert not ShareReply.objects.filter(author=sam).exists()
    assert DailyQuestion.objects.get(pk=daily.pk).own_question_id is None
    assert Answer.objects.filter(author=sam, daily=daily).exists()


def test_the_api_deletes_the_account_with_no_content(couple):
    alex, _ = couple
    _, token = ApiToken.issue(alex)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    response = client.delete(
        "/api/me", json.dumps({"password": PASSWORD}), content_type="application/json"
    )

    assert response.status_code == 204
    assert not User.objects.filter(pk=alex.pk).exists()
    assert client.get("/api/me").status_code == 401


def test_someone_never_paired_can_delete_their_account(make_person):
    robin = make_person("Robin")
    services.create_invitation(robin)
    [laptop] = devices(robin, 1)

    response = laptop.post("/settings/delete-account/", {"password": PASSWORD})

    assert response["Location"] == "/goodbye/"
    assert not User.objects.filter(pk=robin.pk).exists()
    assert not Invitation.objects.exists()


def test_a_wrong_password_deletes_nothing_and_says_so(couple, client_for, api_client_for):
    alex, sam = couple
    alex_writes_everything(alex, sam)
    browser, script = client_for(alex), api_client_for(alex)
    before = content_snapshot(alex, sam)

    page = browser.post("/settings/delete-account/", {"password": "not my password"})
    api = script.delete(
        "/api/me", json.dumps({"password": "not my password"}), content_type="application/json"
    )
    empty = browser.post("/settings/delete-account/", {"password": ""})

    assert page.status_code == 400
    assert escape("That password isn't right, so nothing was deleted.") in page.content.decode()
    assert api.status_code == 403
    assert api.json()["detail"] == "That password isn't right, so nothing was deleted."
    assert empty.status_code == 400
    assert "Nothing was deleted" in empty.content.decode()
    assert content_snapshot(alex, sam) == before
    assert services.pair_context(sam).is_paired


def test_wrong_passwords_count_like_failed_sign_ins(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    for _ in range(5):
        assert client.post("/settings/delete-account/", {"password": "guess"}).status_code == 400

    response = client.post("/settings/delete-account/", {"password": PASSWORD})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "a lot of tries" in response.content.decode()
    assert User.objects.filter(pk=alex.pk).exists()
    assert sign_in(Client(), alex.email, PASSWORD).status_code == 429


def test_wrong_codes_count_too(alex_with_two_factor, api_client_for):
    alex, secret, _ = alex_with_two_factor
    client = api_client_for(alex)
    wrong = json.dumps({"password": PASSWORD, "code": wrong_code(secret)})
    for _ in range(5):
        refused = client.delete("/api/me", wrong, content_type="application/json")
        assert refused.status_code == 403

    response = client.delete("/api/me", wrong, content_type="application/json")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert User.objects.filter(pk=alex.pk).exists()


@pytest.fixture
def alex_with_two_factor(couple):
    alex, _ = couple
    secret = generate_totp_secret()
    TOTP.activate(alex, secret)
    codes = RecoveryCodes.activate(alex).get_unused_codes()
    return alex, secret, codes


def test_with_two_factor_on_the_password_alone_is_not_enough(alex_with_two_factor, client_for):
    alex, secret, _ = alex_with_two_factor
    client = client_for(alex)
    assert "recovery code" in client.get("/settings/delete-account/").content.decode()

    alone = client.post("/settings/delete-account/", {"password": PASSWORD})
    wrong = client.post(
        "/settings/delete-account/", {"password": PASSWORD, "code": wrong_code(secret)}
    )

    assert alone.status_code == 400
    assert wrong.status_code == 400
    assert escape("That code isn't right, so nothing was deleted.") in wrong.content.decode()
    assert User.objects.filter(pk=alex.pk).exists()
    assert Authenticator.objects.filter(user=alex).count() == 2


def test_with_two_factor_on_the_code_from_the_app_completes_it(alex_with_two_factor, client_for):
    alex, secret, _ = alex_with_two_factor

    response = client_for(alex).post(
        "/settings/delete-account/", {"password": PASSWORD, "code": totp_code(secret)}
    )

    assert response["Location"] == "/goodbye/"
    assert not User.objects.filter(pk=alex.pk).exists()
    assert not Authenticator.objects.exists()


def test_a_recovery_code_does_as_well(alex_with_two_factor, api_client_for):
    alex, _, codes = alex_with_two_factor

    response = api_client_for(alex).delete(
        "/api/me",
        json.dumps({"password": PASSWORD, "code": codes[0]}),
        content_type="application/json",
    )

    assert response.status_code == 204
    assert not User.objects.filter(pk=alex.pk).exists()
