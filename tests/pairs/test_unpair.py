"""Either partner ends the pairing, at any time, without the other's consent:
each keeps what they wrote, the other's words leave with their author, and the
other is told only that the pairing ended."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearthside.checkins import services as checkins
from hearthside.errors import NotPaired
from hearthside.needs import services as needs
from hearthside.pairs import services
from hearthside.pairs.models import Invitation, InvitationStatus, Membership, Pair, format_code
from hearthside.questions import services as questions
from hearthside.shares import services as shares

SAMS_ANSWER = "Sam answered about the orchard behind the school 8R2W"
SAMS_SHARE = "Sam shared the worry about his brother 5G7T"
SAMS_REPLY = "Sam replied that he understood 3L9E"
SAMS_NEED = "Sam needs a walk on Saturday 6V1C"
SAMS_CHECKIN = "Sam checked in about the long drive 4H8Z"
SAMS_QUESTION = "What would you take to a desert island 2K5D"


def notice(page: str) -> str:
    """The pairing-ended notice of a Today page."""
    match = re.search(r"<section[^>]*pairing-ended-title.*?</section>", page, re.S)
    assert match, page
    return match.group(0)


def test_either_partner_ends_the_pairing_from_settings_after_a_plain_confirmation(
    couple, client_for
):
    _, sam = couple
    client = client_for(sam)

    confirmation = client.get("/settings/unpair/")
    page = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert "You each keep what you wrote" in page
    assert "Nothing Alex wrote stays visible to you" in page
    assert "Alex is told only that the pairing ended" in page
    assert "Alex doesn't need to agree" in page

    response = client.post("/settings/unpair/")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not Membership.objects.filter(left_at__isnull=True).exists()
    pair = Pair.objects.get()
    assert pair.ended_at is not None
    assert set(Membership.objects.values_list("left_at", flat=True)) == {pair.ended_at}


def test_the_settings_page_leads_to_the_confirmation(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get("/settings/").content.decode()
    assert 'href="/settings/unpair/"' in page


def test_the_api_ends_the_pairing_with_no_content(couple, api_client_for):
    alex, sam = couple
    client = api_client_for(alex)

    response = client.delete("/api/pair")

    assert response.status_code == 204
    assert client.get("/api/pair").status_code == 409
    assert api_client_for(sam).get("/api/pair").status_code == 409


def test_both_are_told_the_same_thing_and_never_who_ended_it(couple, client_for, api_client_for):
    alex, _ = couple
    services.end_pairing(alex)

    notices = {notice(client_for(person).get("/").content.decode()) for person in couple}
    assert len(notices) == 1
    [said] = notices
    assert "Your pairing has ended" in said
    assert "Alex" not in said and "Sam" not in said
    ended = {api_client_for(person).get("/api/me").json()["pairing_ended_at"] for person in couple}
    assert len(ended) == 1
    assert None not in ended


def test_someone_who_was_never_paired_sees_no_such_notice(make_person, client_for, api_client_for):
    robin = make_person("Robin")
    assert "pairing-ended" not in client_for(robin).get("/").content.decode()
    assert api_client_for(robin).get("/api/me").json()["pairing_ended_at"] is None


def test_pairing_again_takes_the_notice_away(couple, make_person, pair_up, api_client_for):
    alex, _ = couple
    services.end_pairing(alex)
    pair_up(alex, make_person("Noor"))

    me = api_client_for(alex).get("/api/me").json()
    assert me["paired"] is True
    assert me["pairing_ended_at"] is None


def test_ending_a_pairing_that_has_ended_says_there_is_none(couple, api_client_for, client_for):
    alex, sam = couple
    services.end_pairing(alex)

    response = api_client_for(sam).delete("/api/pair")
    assert response.status_code == 409
    assert "not paired" in response.json()["detail"]
    assert client_for(sam).post("/settings/unpair/")["Location"] == "/"
    assert client_for(sam).get("/settings/unpair/")["Location"] == "/"
    with pytest.raises(NotPaired):
        services.end_pairing(alex)


def test_open_invitations_of_both_stop_working(couple, make_person):
    alex, sam = couple
    # Made before invitations died with a new pairing: they must die now.
    for person in couple:
        Invitation.objects.create(
            inviter=person,
            code_digest=f"digest-of-{person.pk}",
            expires_at=timezone.now() + timedelta(days=3),
        )

    services.end_pairing(sam)

    statuses = {invitation.status() for invitation in Invitation.objects.filter(inviter__in=couple)}
    assert statuses == {InvitationStatus.USED, InvitationStatus.REVOKED}
    assert services.open_invitation(alex) is None
    assert services.open_invitation(sam) is None


def test_a_code_of_an_ended_pairing_cannot_bring_anyone_in(couple, make_person):
    alex, sam = couple
    kim = make_person("Kim")
    used = Invitation.objects.get(inviter=alex)
    services.end_pairing(alex)

    assert used.status() == InvitationStatus.USED
    _, code = services.create_invitation(alex)
    services.accept_invitation(kim, format_code(code))
    assert services.pair_context(alex).partner == kim
    assert not services.pair_context(sam).is_paired


def sam_writes_everything(alex, sam):
    daily = questions.todays_question(sam)
    questions.answer_question(sam, daily.pk, SAMS_ANSWER)
    alexs_answer = questions.answer_question(alex, daily.pk, "Alex answered too")
    questions.respond(sam, alexs_answer.pk, "reply", SAMS_REPLY)
    questions.respond(sam, alexs_answer.pk, "heart")
    share = shares.create_share(sam, SAMS_SHARE, "listen")
    shares.reply_to_share(sam, share.pk, SAMS_REPLY)
    needs.ask_for(sam, SAMS_NEED)
    checkins.check_in(sam, mood=3, note=SAMS_CHECKIN)
    checkins.share_directly(sam)
    return daily, share


SAMS_WORDS = (SAMS_ANSWER, SAMS_SHARE, SAMS_REPLY, SAMS_NEED, SAMS_CHECKIN)


def test_nothing_the_other_wrote_stays_visible(couple, client_for, api_client_for):
    alex, sam = couple
    daily, share = sam_writes_everything(alex, sam)
    paths = ["/", "/history/", "/favourites/", f"/daily/{daily.pk}/", "/checkins/", "/shares/"]
    paths += [f"/shares/{share.pk}/", "/needs/", "/balance/", "/ask/", "/api/today"]
    paths += ["/api/history", "/api/shares", f"/api/shares/{share.pk}", "/api/needs"]
    paths += [f"/api/daily/{daily.pk}", "/api/checkins/today", "/api/checkins/recent"]
    paths += ["/api/favourites", "/api/balance"]
    seen = "".join(_get(path, alex, client_for, api_client_for) for path in paths)
    assert all(words in seen for words in SAMS_WORDS)

    services.end_pairing(sam)

    for path in paths:
        body = _get(path, alex, client_for, api_client_for)
        for words in SAMS_WORDS:
            assert words not in body, path


def _get(path, person, client_for, api_client_for) -> str:
    client = api_client_for(person) if path.startswith("/api/") else client_for(person)
    return client.get(path, follow=not path.startswith("/api/")).content.decode()


def test_a_favourite_of_the_others_own_question_goes_with_it(couple, client_for, api_client_for):
    alex, sam = couple
    own = questions.ask_own_question(sam, SAMS_QUESTION)
    # Served as a daily question, it is Alex's to see and to keep as a favourite.
    daily = questions.todays_question(alex)
    daily.own_question = own
    daily.question = None
    daily.save()
    questions.set_favourite(alex, daily.pk, True)
    assert SAMS_QUESTION in client_for(alex).get("/favourites/").content.decode()

    services.end_pairing(alex)

    assert SAMS_QUESTION not in client_for(alex).get("/favourites/").content.decode()
    assert SAMS_QUESTION not in api_client_for(alex).get("/api/favourites").content.decode()


def test_pairing_again_with_each_other_starts_afresh(couple, pair_up, api_client_for):
    alex, sam = couple
    share = shares.create_share(sam, SAMS_SHARE, "listen")
    services.end_pairing(alex)

    pair_up(sam, alex)

    assert api_client_for(alex).get(f"/api/shares/{share.pk}").status_code == 404
    assert SAMS_SHARE not in api_client_for(alex).get("/api/shares").content.decode()
    _, partner = api_client_for(alex).get("/api/balance").json()["people"]
    assert partner["total"] == 0


@pytest.mark.parametrize("path", ["/", "/api/me", "/settings/", "/settings/unpair/"])
def test_pages_about_the_pairing_cost_the_same_however_many_pairings_ended(
    path, make_person, pair_up, client_for, api_client_for
):
    counts = []
    for pairings in (1, 6):
        robin = make_person("Robin")
        for _ in range(pairings):
            pair_up(robin, make_person())
            services.end_pairing(robin)
        if path == "/settings/unpair/":
            pair_up(robin, make_person())
        client = api_client_for(robin) if path.startswith("/api/") else client_for(robin)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]
