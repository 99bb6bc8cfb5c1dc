"""Partners acting at the same instant. These tests commit for real and race
threads, each with its own database connection, released together by a barrier."""

import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.checkins import services, weekly
from hearthside.checkins.models import CheckIn, WeeklyCheckIn
from hearthside.errors import Conflict
from hearthside.pairs.models import User
from tests import racing

pytestmark = pytest.mark.django_db(transaction=True)
PAIRS = 4


def race(*preparations):
    """Each preparation loads what it needs, then all run their step at once."""
    return racing.race(*(racing.prepared(prepare) for prepare in preparations))


def submitting_weekly(person: User, **answers):
    def prepare():
        fresh = User.objects.get(pk=person.pk)
        weekly.this_week(fresh)  # the pair is loaded before the start
        return lambda: weekly.submit_weekly(fresh, **answers)

    return prepare


def checking_in(person: User, **fields):
    def prepare():
        fresh = User.objects.get(pk=person.pk)
        services.today(fresh)
        return lambda: services.check_in(fresh, **fields)

    return prepare


@pytest.fixture
def pairs(make_person, pair_up):
    made = []
    for number in range(PAIRS):
        first, second = make_person(f"First {number}"), make_person(f"Second {number}")
        pair_up(first, second)
        made.append((first, second))
    return made


def test_both_partners_submitting_the_weekly_at_once_reveal_it_once_to_each(pairs):
    actions = []
    for first, second in pairs:
        actions.append(submitting_weekly(first, appreciation=f"from {first}"))
        actions.append(submitting_weekly(second, appreciation=f"from {second}"))

    outcomes = race(*actions)

    assert all(isinstance(outcome, WeeklyCheckIn) for outcome in outcomes), outcomes
    for first, second in pairs:
        for me, partner in ((first, second), (second, first)):
            view = weekly.view_week(User.objects.get(pk=me.pk))
            assert view.revealed
            assert view.partner.appreciation == f"from {partner}"
            _, steps = weekly.agenda(User.objects.get(pk=me.pk))
            assert sorted(item.text for item in steps[0].items) == sorted(
                [f"from {first}", f"from {second}"]
            )
            assert Activity.objects.filter(author=me, verb=Verb.WEEKLY_CHECKED_IN).count() == 1
    assert WeeklyCheckIn.objects.count() == 2 * PAIRS


def test_one_person_sending_the_weekly_twice_at_once_keeps_one(pairs):
    actions = [
        submitting_weekly(first, appreciation=f"tap {tap}") for first, _ in pairs for tap in (1, 2)
    ]

    outcomes = race(*actions)

    assert all(isinstance(outcome, WeeklyCheckIn) for outcome in outcomes), outcomes
    assert WeeklyCheckIn.objects.count() == PAIRS
    assert Activity.objects.filter(verb=Verb.WEEKLY_CHECKED_IN).count() == PAIRS


def submitting_weekly_and_looking(person: User, **answers):
    """Submit, then read the partner's check-in as the page right after would."""

    def prepare():
        fresh = User.objects.get(pk=person.pk)
        weekly.this_week(fresh)

        def act():
            weekly.submit_weekly(fresh, **answers)
            return weekly.view_week(fresh).partner

        return act

    return prepare


def editing_until_settled(person: User, times: int = 40):
    """Change this week's answer again and again, as a restless person might,
    until the week is settled; return the edits that were refused (0 or 1)."""

    def prepare():
        fresh = User.objects.get(pk=person.pk)
        weekly.this_week(fresh)

        def act():
            for number in range(times):
                try:
                    weekly.submit_weekly(fresh, appreciation=f"edit {number}")
                except Conflict:
                    return 1
            return 0

        return act

    return prepare


def test_edits_racing_the_partners_first_submit_never_change_what_was_revealed(pairs):
    for first, _ in pairs:
        weekly.submit_weekly(first, appreciation="before")
    actions = []
    for first, second in pairs:
        actions.append(editing_until_settled(first))
        actions.append(submitting_weekly_and_looking(second, appreciation="partner"))

    outcomes = race(*actions)

    for index, (first, _) in enumerate(pairs):
        refused, seen_by_partner = outcomes[2 * index], outcomes[2 * index + 1]
        assert refused in (0, 1), refused
        assert isinstance(seen_by_partner, WeeklyCheckIn), seen_by_partner
        # Whatever the partner saw at the reveal is what stays.
        assert WeeklyCheckIn.objects.get(author=first).appreciation == (
            seen_by_partner.appreciation
        )
    assert WeeklyCheckIn.objects.count() == 2 * PAIRS


def test_one_person_sending_the_daily_check_in_twice_at_once_keeps_one(pairs):
    actions = [checking_in(first, mood=tap) for first, _ in pairs for tap in (2, 4)]

    outcomes = race(*actions)

    assert all(isinstance(outcome, CheckIn) for outcome in outcomes), outcomes
    assert CheckIn.objects.count() == PAIRS
    assert Activity.objects.filter(verb=Verb.CHECKED_IN).count() == PAIRS
