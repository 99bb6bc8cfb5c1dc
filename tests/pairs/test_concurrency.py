"""Pairing at the same instant: a code makes one pair, a person joins one pair."""

import pytest

from hearthside.errors import Conflict, NotPaired
from hearthside.pairs import services
from hearthside.pairs.models import Invitation, Membership, Pair, User
from tests.racing import race, together

pytestmark = pytest.mark.django_db(transaction=True)


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def test_two_people_accepting_the_same_code_at_once_make_exactly_one_pair(make_person):
    inviter = make_person("Robin")
    _, code = services.create_invitation(inviter)
    hopefuls = [make_person("Sam"), make_person("Kim")]

    outcomes = race(
        *(
            together(lambda p=person: services.accept_invitation(fresh(p), code))
            for person in hopefuls
        )
    )

    assert sum(isinstance(outcome, Pair) for outcome in outcomes) == 1
    assert sum(isinstance(outcome, Conflict) for outcome in outcomes) == 1, outcomes
    [pair] = Pair.objects.all()
    members = set(Membership.objects.filter(pair=pair).values_list("user_id", flat=True))
    winner = next(p for p, o in zip(hopefuls, outcomes, strict=True) if isinstance(o, Pair))
    assert members == {inviter.pk, winner.pk}
    assert Invitation.objects.get().accepted_by_id == winner.pk


def test_many_codes_raced_for_at_once_each_make_one_pair(make_person):
    codes = [services.create_invitation(make_person())[1] for _ in range(4)]
    racers = [(make_person(), code) for code in codes for _ in range(2)]

    outcomes = race(
        *(
            together(lambda p=person, c=code: services.accept_invitation(fresh(p), c))
            for person, code in racers
        )
    )

    assert Pair.objects.count() == len(codes)
    assert sum(isinstance(outcome, Conflict) for outcome in outcomes) == len(codes)
    assert Membership.objects.count() == 2 * len(codes)


def test_a_person_accepting_two_codes_at_once_ends_up_in_one_pair(make_person):
    joiner = make_person("Sam")
    codes = [services.create_invitation(make_person())[1] for _ in range(2)]

    outcomes = race(
        *(together(lambda c=code: services.accept_invitation(fresh(joiner), c)) for code in codes)
    )

    assert sum(isinstance(outcome, Pair) for outcome in outcomes) == 1
    [refusal] = [outcome for outcome in outcomes if isinstance(outcome, Conflict)]
    assert refusal.message.startswith("You're already in a pair")
    assert Membership.objects.filter(user=joiner, left_at__isnull=True).count() == 1
    assert Pair.objects.count() == 1


def test_two_people_inviting_each_other_and_accepting_at_once_make_one_pair(make_person):
    robin, sam = make_person("Robin"), make_person("Sam")
    _, robins_code = services.create_invitation(robin)
    _, sams_code = services.create_invitation(sam)

    outcomes = race(
        together(lambda: services.accept_invitation(fresh(sam), robins_code)),
        together(lambda: services.accept_invitation(fresh(robin), sams_code)),
    )

    assert sum(isinstance(outcome, Pair) for outcome in outcomes) == 1, outcomes
    assert Pair.objects.count() == 1
    assert Membership.objects.count() == 2


def test_two_partners_ending_their_pairing_at_once_end_it_once(couple):
    alex, sam = couple

    outcomes = race(
        *(together(lambda p=person: services.end_pairing(fresh(p))) for person in couple)
    )

    assert sum(isinstance(outcome, Pair) for outcome in outcomes) == 1, outcomes
    [refusal] = [outcome for outcome in outcomes if not isinstance(outcome, Pair)]
    assert isinstance(refusal, NotPaired)
    pair = Pair.objects.get()
    assert pair.ended_at is not None
    left = Membership.objects.filter(pair=pair).values_list("user_id", "left_at")
    assert sorted(left) == sorted([(alex.pk, pair.ended_at), (sam.pk, pair.ended_at)])
