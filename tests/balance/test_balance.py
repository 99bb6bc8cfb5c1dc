"""The two-way balance: counts per partner over 30 days, through the privacy
layer, and a kind invitation on Today for the quieter partner alone."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hearthside.activity.models import Verb
from hearthside.balance.services import BALANCE_WINDOW, QUIET_GAP, sharing_balance
from hearthside.pairs.models import ApiToken, Pair
from hearthside.pairs.services import require_pair
from hearthside.privacy.models import Visibility
from tests.news import shared

INVITATION = "Would you like to share something small"


def counts(balance) -> dict[str, tuple[int, int]]:
    return {row.key: (row.cells[0].count, row.cells[1].count) for row in balance.rows}


@pytest.fixture
def settled_couple(couple):
    """Alex and Sam, together on Hearthside for a month."""
    alex, _ = couple
    Pair.objects.filter(pk=require_pair(alex).pair.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    return couple


def bearer(user):
    _, token = ApiToken.issue(user, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


# --- Counting --------------------------------------------------------------------------


def test_each_kind_of_sharing_is_counted_for_each_partner(couple):
    alex, sam = couple
    shared(alex, Verb.ANSWERED, times=3)
    shared(alex, Verb.CHECKED_IN, times=2)
    shared(alex, Verb.WEEKLY_CHECKED_IN)
    shared(sam, Verb.SHARED, times=4)
    shared(sam, Verb.NEEDED)
    shared(sam, Verb.ANSWERED)

    shared(sam, Verb.HEARTED, times=2)
    shared(sam, Verb.THANKED)

    assert counts(sharing_balance(alex)) == {
        "answers": (3, 1),
        "checkins": (3, 0),
        "shares": (0, 4),
        "needs": (0, 1),
        "appreciations": (0, 3),
    }
    assert sharing_balance(sam).totals == (9, 6)


def test_replies_are_not_counted_as_sharing(couple):
    alex, _ = couple
    for verb in (Verb.REPLIED, Verb.REPLIED_TO_SHARE, Verb.ACKNOWLEDGED_NEED, Verb.FELT_HEARD):
        shared(alex, verb)
    assert sharing_balance(alex).totals == (0, 0)


@pytest.mark.parametrize(
    ("ago", "counted"),
    [
        (BALANCE_WINDOW - timedelta(minutes=1), True),
        (BALANCE_WINDOW + timedelta(minutes=1), False),
        (timedelta(days=29, hours=23), True),
        (timedelta(days=31), False),
    ],
)
def test_only_the_last_30_days_count(couple, ago, counted):
    alex, _ = couple
    shared(alex, Verb.ANSWERED, ago=ago)
    assert sharing_balance(alex).totals == ((1 if counted else 0), 0)


def test_an_event_exactly_30_days_old_has_left_the_window(couple):
    alex, _ = couple
    now = timezone.now()
    shared(alex, Verb.ANSWERED, at=now - BALANCE_WINDOW)
    assert sharing_balance(alex, now=now).totals == (0, 0)
    assert sharing_balance(alex, now=now - timedelta(seconds=1)).totals == (1, 0)


# --- Privacy ---------------------------------------------------------------------------


def test_another_pairs_sharing_is_never_counted(couple, other_couple):
    alex, _ = couple
    kim, lee = other_couple
    shared(kim, Verb.SHARED, times=5)
    shared(lee, Verb.ANSWERED, times=5)
    assert sharing_balance(alex).totals == (0, 0)
    assert sharing_balance(kim).totals == (5, 5)


def test_a_partners_private_event_is_not_counted(couple):
    alex, sam = couple
    shared(sam, Verb.ANSWERED, visibility=Visibility.PRIVATE)
    assert sharing_balance(alex).totals == (0, 0)


def test_what_i_shared_in_an_earlier_pair_does_not_count_in_this_one(couple):
    alex, _ = couple
    earlier = Pair.objects.create()
    shared(alex, Verb.SHARED, times=3, pair=earlier)
    assert sharing_balance(alex).totals == (0, 0)


def test_anonymous_visitors_are_asked_to_sign_in(client, db):
    response = client.get(reverse("balance:page"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get("/api/balance").status_code == 401


def test_without_a_partner_there_is_no_balance_to_show(make_person, client_for):
    robin = make_person("Robin")
    assert client_for(robin).get(reverse("balance:page"))["Location"] == reverse("today")
    assert bearer(robin).get("/api/balance").status_code == 409


# --- The page and the API ----------------------------------------------------------------


def test_the_page_shows_both_partners_side_by_side_without_ranking(couple, client_for):
    alex, sam = couple
    shared(alex, Verb.ANSWERED, times=2)
    shared(sam, Verb.ANSWERED, times=8)
    page = client_for(alex).get(reverse("balance:page")).content.decode()
    assert '<th scope="col">You</th>' in page and '<th scope="col">Sam</th>' in page
    assert '<span class="balance-count">2</span>' in page
    assert '<span class="balance-count">8</span>' in page
    assert 'aria-hidden="true"' in page  # bars are decoration; the table says it in words
    for word in ("winner", "ahead", "behind", "lagging", "more than you", "points"):
        assert word not in page.lower()
    assert INVITATION not in page


def test_the_api_gives_counts_per_partner_you_first(couple):
    alex, sam = couple
    shared(sam, Verb.SHARED, times=2)
    body = bearer(alex).get("/api/balance").json()
    assert body["window_days"] == 30
    assert [(person["name"], person["is_me"], person["total"]) for person in body["people"]] == [
        ("Alex", True, 0),
        ("Sam", False, 2),
    ]
    assert body["people"][1]["counts"] == {
        "answers": 0,
        "checkins": 0,
        "shares": 2,
        "needs": 0,
        "appreciations": 0,
    }


# --- The invitation to the quieter partner -----------------------------------------------


def test_the_quieter_partner_alone_is_invited_on_today(settled_couple, client_for):
    alex, sam = settled_couple
    shared(alex, Verb.ANSWERED, ago=timedelta(days=3))
    shared(sam, Verb.SHARED, times=QUIET_GAP + 4, ago=timedelta(days=2))

    assert INVITATION in client_for(alex).get(reverse("today")).content.decode()
    assert INVITATION not in client_for(sam).get(reverse("today")).content.decode()


def test_hearts_and_thanks_alone_do_not_spare_the_invitation(settled_couple, client_for):
    alex, sam = settled_couple
    shared(alex, Verb.HEARTED, times=QUIET_GAP + 4, ago=timedelta(days=2))
    shared(sam, Verb.SHARED, times=QUIET_GAP + 4, ago=timedelta(days=2))

    assert INVITATION in client_for(alex).get(reverse("today")).content.decode()


def test_the_invitation_reaches_the_api_of_the_quieter_partner_only(settled_couple):
    alex, sam = settled_couple
    shared(sam, Verb.ANSWERED, times=QUIET_GAP + 1, ago=timedelta(days=1))
    assert INVITATION in bearer(alex).get("/api/balance").json()["invitation"]
    assert bearer(sam).get("/api/balance").json()["invitation"] is None


def test_the_busier_partner_sees_no_nudge_anywhere(settled_couple, client_for):
    _, sam = settled_couple
    shared(sam, Verb.ANSWERED, times=QUIET_GAP + 1, ago=timedelta(days=1))
    client = client_for(sam)
    for url in (reverse("today"), reverse("balance:page")):
        page = client.get(url).content.decode()
        assert INVITATION not in page
        assert "invitation" not in page.lower()


def test_no_invitation_when_both_have_been_quiet(settled_couple, client_for):
    alex, sam = settled_couple
    shared(sam, Verb.ANSWERED, times=QUIET_GAP - 1, ago=timedelta(days=1))
    assert INVITATION not in client_for(alex).get(reverse("today")).content.decode()


def test_no_invitation_for_sharing_that_was_lopsided_only_before_the_last_two_weeks(
    settled_couple, client_for
):
    alex, sam = settled_couple
    shared(sam, Verb.ANSWERED, times=QUIET_GAP + 5, ago=timedelta(days=15))
    assert INVITATION not in client_for(alex).get(reverse("today")).content.decode()


def test_no_invitation_in_a_pairs_first_two_weeks(couple, client_for):
    alex, sam = couple
    shared(sam, Verb.ANSWERED, times=QUIET_GAP + 5)
    assert INVITATION not in client_for(alex).get(reverse("today")).content.decode()


# --- Cost --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/balance/", "/api/balance", "/"])
def test_the_cost_is_the_same_with_10_or_1000_events(
    settled_couple, client_for, django_assert_max_num_queries, url
):
    alex, sam = settled_couple
    client = bearer(alex) if url.startswith("/api/") else client_for(alex)
    shared(alex, Verb.ANSWERED, times=5, ago=timedelta(days=2))
    shared(sam, Verb.SHARED, times=5, ago=timedelta(days=3))
    client.get(url)  # the first visit of the day writes a little; measure the next one
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for verb in (Verb.ANSWERED, Verb.CHECKED_IN, Verb.SHARED, Verb.NEEDED, Verb.HEARTED):
        shared(alex, verb, times=100, ago=timedelta(days=5))
        shared(sam, verb, times=100, ago=timedelta(days=20))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
