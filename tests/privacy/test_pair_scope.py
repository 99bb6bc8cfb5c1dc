"""The privacy layer owns pair scope: a viewer sees their own rows of every
pair and what their partner shared with them in their current pair, while
both are members; threads come only through the layer."""

import pytest
from django.utils import timezone

from hearthside.errors import NotFound
from hearthside.needs import services as needs
from hearthside.pairs.models import Membership
from hearthside.pairs.services import pair_context
from hearthside.privacy.models import UnfilteredThread, visible_thread
from hearthside.questions import services as questions
from hearthside.questions.models import Answer
from hearthside.shares import services as shares
from hearthside.shares.models import Share, ShareReply

SAMS_SHARE = "Sam wrote about the dream of the lighthouse 4K8P"


def leave(person):
    """What an unpair does to one membership: the person is no longer in the pair."""
    Membership.objects.filter(user=person, left_at__isnull=True).update(left_at=timezone.now())


def test_a_partner_who_left_takes_their_words_with_them(couple, client_for, api_client_for):
    alex, sam = couple
    share = shares.create_share(sam, SAMS_SHARE, "listen")
    assert Share.objects.visible_to(alex).filter(pk=share.pk).exists()

    leave(sam)

    assert not Share.objects.visible_to(alex).filter(pk=share.pk).exists()
    for response in (
        client_for(alex).get(f"/shares/{share.pk}/"),
        api_client_for(alex).get(f"/api/shares/{share.pk}"),
        api_client_for(alex).get("/api/shares"),
    ):
        assert response.status_code in (302, 404, 409)
        assert SAMS_SHARE not in response.content.decode()


def test_ones_own_rows_of_an_earlier_pair_stay_ones_own(couple, make_person, pair_up):
    alex, sam = couple
    mine = shares.create_share(alex, "Alex's own words", "think")
    leave(alex)
    leave(sam)
    pair_up(alex, make_person("Noor"))

    assert Share.objects.visible_to(alex).filter(pk=mine.pk).exists()
    assert not Share.objects.visible_to(sam).filter(pk=mine.pk).exists()
    # No id of the old pair opens anything in the new one, not even one's own.
    assert not Share.objects.in_current_pair(alex).filter(pk=mine.pk).exists()
    with pytest.raises(NotFound):
        shares.share_for(alex, mine.pk)


def test_a_row_of_another_pair_is_not_found_even_for_its_author(couple, other_couple):
    alex, _ = couple
    kim, _ = other_couple
    kims = shares.create_share(kim, "Kim's words", "listen")
    with pytest.raises(NotFound):
        Share.objects.get_visible(alex, pk=kims.pk)
    with pytest.raises(NotFound):
        needs.need_for(alex, needs.ask_for(kim, "A hand with the boxes").pk)


def test_a_thread_cannot_be_read_around_the_layer(couple):
    alex, sam = couple
    share = shares.create_share(alex, "Alex's worry", "listen")
    shares.reply_to_share(sam, share.pk, "I'm here")
    share = Share.objects.get(pk=share.pk)

    with pytest.raises(UnfilteredThread):
        list(share.replies.all())
    with pytest.raises(UnfilteredThread):
        share.replies.count()
    with pytest.raises(UnfilteredThread):
        list(Share.objects.prefetch_related("replies"))
    daily = questions.todays_question(alex)
    with pytest.raises(UnfilteredThread):
        daily.answers.exists()


def test_a_thread_read_through_the_layer_holds_what_the_viewer_may_see(couple):
    alex, sam = couple
    share = shares.create_share(alex, "Alex's worry", "listen")
    shares.reply_to_share(sam, share.pk, "I'm here")
    leave(sam)

    thread = Share.objects.prefetch_related(visible_thread("replies", ShareReply, alex)).get(
        pk=share.pk
    )

    assert list(thread.replies.all()) == []


def test_answers_of_a_partner_who_left_are_no_longer_readable(couple):
    alex, sam = couple
    daily = questions.todays_question(alex)
    questions.answer_question(sam, daily.pk, "Sam's answer")
    assert Answer.objects.in_current_pair(alex).exists()

    leave(sam)

    assert not pair_context(alex).is_paired
    assert not Answer.objects.visible_to(alex).exists()
