"""A partner's answer is revealed by answering: on every page and endpoint
that shows answers, Sam sees Alex's answer only once Sam's own is saved."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hearthside.checkins import services as checkins
from hearthside.checkins.models import CheckIn
from hearthside.pairs.models import Membership
from hearthside.pairs.services import forget_pair_context
from hearthside.questions import services

from .conftest import ALEX_SECRET

ROBINS_NOTE = "Robin checked in about the new flat 4V6E"

READS = {
    "Today page": lambda world: reverse("today"),
    "daily page": lambda world: reverse("daily", args=[world.daily.pk]),
    "history page": lambda world: reverse("history"),
    "GET /api/today": lambda world: "/api/today",
    "GET /api/daily/{id}": lambda world: f"/api/daily/{world.daily.pk}",
    "GET /api/history": lambda world: "/api/history",
}


def read(world, url_of, user, client_for, api_client_for) -> str:
    url = url_of(world)
    client = api_client_for(user) if url.startswith("/api/") else client_for(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("where", READS)
def test_partner_sees_the_answer_only_after_answering(where, world, client_for, api_client_for):
    url_of = READS[where]
    assert ALEX_SECRET not in read(world, url_of, world.sam, client_for, api_client_for)

    services.answer_question(world.sam, world.daily.pk, "Sam's answer, at last")

    assert ALEX_SECRET in read(world, url_of, world.sam, client_for, api_client_for)


@pytest.mark.parametrize("where", [where for where in READS if "daily" not in where])
def test_another_pair_never_sees_the_answer_even_once_both_answered(
    where, world, client_for, api_client_for
):
    services.answer_question(world.sam, world.daily.pk, "Sam's answer")
    services.answer_question(world.kim, world.kims_daily.pk, "Kim's own answer")

    assert ALEX_SECRET not in read(world, READS[where], world.kim, client_for, api_client_for)


def test_today_tells_the_partner_that_alex_answered_but_not_what(world, client_for):
    page = client_for(world.sam).get(reverse("today")).content.decode()

    assert "Alex has answered" in page
    assert ALEX_SECRET not in page


def test_api_says_the_partner_answered_without_the_answer(world, api_client_for):
    daily = api_client_for(world.sam).get("/api/today").json()["sections"]["question"]["daily"]

    assert daily["partner_has_answered"] is True
    assert daily["partner_answer"] is None


def test_checking_in_with_an_earlier_partner_reveals_nothing_of_a_new_ones(
    couple, make_person, pair_up
):
    """Someone who left a pair and joined another the same day has not checked
    in with the new partner: their check-in in the old pair reveals nothing."""
    alex, sam = couple
    checkins.check_in(sam, mood=3, note="Sam, in his first pair")
    Membership.objects.filter(user__in=[alex, sam]).update(left_at=timezone.now())
    for person in (alex, sam):
        forget_pair_context(person)
    robin = make_person("Robin")
    pair_up(robin, sam)
    checkins.check_in(robin, mood=4, note=ROBINS_NOTE)

    assert checkins.today(sam).partner is None
    assert not CheckIn.objects.revealed_to(sam).filter(note=ROBINS_NOTE).exists()
