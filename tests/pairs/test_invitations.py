"""Invitation codes work while their maker is waiting for a partner, and no longer."""

import pytest

from hearthside.errors import Conflict
from hearthside.pairs import services
from hearthside.pairs.models import InvitationStatus, Membership


def test_a_code_made_before_pairing_stops_working_once_its_maker_pairs(make_person):
    alex, sam, kim = make_person("Alex"), make_person("Sam"), make_person("Kim")
    alexs_invitation, alexs_code = services.create_invitation(alex)
    _, sams_code = services.create_invitation(sam)

    services.accept_invitation(alex, sams_code)

    alexs_invitation.refresh_from_db()
    assert alexs_invitation.status() == InvitationStatus.REVOKED
    with pytest.raises(Conflict, match="withdrawn or replaced by a newer one"):
        services.accept_invitation(kim, alexs_code)
    assert not Membership.objects.filter(user=kim).exists()


def test_the_joiners_own_open_code_stops_working_too(make_person):
    alex, sam = make_person("Alex"), make_person("Sam")
    sams_invitation, _ = services.create_invitation(sam)
    _, alexs_code = services.create_invitation(alex)

    services.accept_invitation(sam, alexs_code)

    sams_invitation.refresh_from_db()
    assert sams_invitation.status() == InvitationStatus.REVOKED
    assert services.open_invitation(sam) is None
