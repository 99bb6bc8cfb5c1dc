import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.errors import Conflict, NotFound, UserError
from hearthside.shares import services
from hearthside.shares.models import REPLY_MAX_CHARS, SHARE_MAX_CHARS, Share, ShareReply


def test_a_share_is_visible_to_the_partner_by_default(couple):
    alex, sam = couple
    share = services.create_share(alex, "Work has been heavy this week.", "listen")
    assert services.share_for(sam, share.pk).text == "Work has been heavy this week."
    assert [s.pk for s in services.shares_page(sam)] == [share.pk]


def test_sharing_tells_the_partner_without_the_content(couple):
    alex, _ = couple
    share = services.create_share(alex, "Something private", "think")
    news = Activity.objects.get(author=alex)
    assert (news.verb, news.target_id) == (Verb.SHARED, share.pk)


def test_a_share_kept_private_is_hidden_from_the_partner_and_sends_no_news(couple):
    alex, sam = couple
    share = services.create_share(alex, "Not ready yet", "listen", keep_private=True)
    with pytest.raises(NotFound):
        services.share_for(sam, share.pk)
    assert services.shares_page(sam) == []
    assert not Activity.objects.filter(verb=Verb.SHARED).exists()


def test_sending_a_kept_share_shows_it_to_the_partner_once(couple):
    alex, sam = couple
    share = services.create_share(alex, "Now I'm ready", "listen", keep_private=True)
    services.send_kept_share(alex, share.pk)
    services.send_kept_share(alex, share.pk)
    assert services.share_for(sam, share.pk).pk == share.pk
    assert Activity.objects.filter(verb=Verb.SHARED).count() == 1


def test_the_partner_cannot_send_a_share_that_is_not_theirs(couple):
    alex, sam = couple
    share = services.create_share(alex, "Mine to send", "listen", keep_private=True)
    with pytest.raises(NotFound):
        services.send_kept_share(sam, share.pk)
    assert Share.objects.get(pk=share.pk).is_private


@pytest.mark.parametrize("text", ["", "   \n ", "x" * (SHARE_MAX_CHARS + 1)])
def test_an_empty_or_overlong_share_is_refused_and_nothing_saved(couple, text):
    alex, _ = couple
    with pytest.raises(UserError):
        services.create_share(alex, text, "listen")
    assert not Share.objects.exists()
    assert not Activity.objects.exists()


@pytest.mark.parametrize("mode", ["", "fix-it", "LISTEN", None])
def test_an_unknown_mode_is_refused_with_a_clear_message(couple, mode):
    alex, _ = couple
    with pytest.raises(UserError, match="just listen"):
        services.create_share(alex, "Hello", mode)
    assert not Share.objects.exists()


def test_emoji_are_kept_as_written(couple):
    alex, sam = couple
    share = services.create_share(alex, "Feeling 🥺 but hopeful 🌱", "listen")
    services.reply_to_share(sam, share.pk, "Here with you 🫶")
    thread = services.share_thread(alex, share.pk)
    assert thread.text == "Feeling 🥺 but hopeful 🌱"
    assert [reply.text for reply in thread.replies.all()] == ["Here with you 🫶"]


def test_a_reply_is_threaded_under_the_share_and_tells_the_sharer(couple):
    alex, sam = couple
    share = services.create_share(alex, "I miss my sister.", "listen")
    services.reply_to_share(sam, share.pk, "It sounds like you really miss her.")
    services.reply_to_share(alex, share.pk, "I do. Thank you.")
    thread = services.share_thread(sam, share.pk)
    assert [(r.author_id, r.text) for r in thread.replies.all()] == [
        (sam.pk, "It sounds like you really miss her."),
        (alex.pk, "I do. Thank you."),
    ]
    assert Activity.objects.filter(verb=Verb.REPLIED_TO_SHARE, author=sam).count() == 1
    assert not Activity.objects.filter(verb=Verb.REPLIED_TO_SHARE, author=alex).exists()


@pytest.mark.parametrize("text", ["", "  ", "y" * (REPLY_MAX_CHARS + 1)])
def test_an_empty_or_overlong_reply_is_refused_and_nothing_saved(couple, text):
    alex, sam = couple
    share = services.create_share(alex, "Long day.", "listen")
    with pytest.raises(UserError):
        services.reply_to_share(sam, share.pk, text)
    assert not ShareReply.objects.exists()
    assert not Activity.objects.filter(verb=Verb.REPLIED_TO_SHARE).exists()


def test_a_reply_to_another_pairs_share_is_not_found_and_nothing_saved(couple, other_couple):
    alex, _ = couple
    kim, _ = other_couple
    foreign = services.create_share(kim, "Ours, not yours", "listen")
    with pytest.raises(NotFound):
        services.reply_to_share(alex, foreign.pk, "Hello")
    assert not ShareReply.objects.exists()


@pytest.mark.parametrize("share_id", [0, -1, 10**12, "abc"])
def test_a_reply_to_a_missing_share_is_not_found(couple, share_id):
    _, sam = couple
    with pytest.raises(NotFound):
        services.reply_to_share(sam, share_id, "Hello")


def test_nobody_can_reply_to_a_share_kept_private(couple):
    alex, _ = couple
    share = services.create_share(alex, "Just for me", "listen", keep_private=True)
    with pytest.raises(Conflict):
        services.reply_to_share(alex, share.pk, "A note to self")
    assert not ShareReply.objects.exists()


def test_the_sharer_can_say_they_feel_heard_and_it_counts_once(couple):
    alex, _ = couple
    share = services.create_share(alex, "Rough week", "listen")
    services.mark_felt_heard(alex, share.pk)
    again = services.mark_felt_heard(alex, share.pk)
    assert again.felt_heard_at is not None
    assert Activity.objects.filter(verb=Verb.FELT_HEARD).count() == 1


def test_only_the_sharer_can_say_they_feel_heard(couple):
    alex, sam = couple
    share = services.create_share(alex, "Rough week", "listen")
    with pytest.raises(UserError, match="Only Alex"):
        services.mark_felt_heard(sam, share.pk)
    assert Share.objects.get(pk=share.pk).felt_heard_at is None


def test_the_shares_list_pages_through_both_partners_shares_newest_first(couple):
    alex, sam = couple
    made = [
        services.create_share(alex if n % 2 else sam, f"share {n}", "listen")
        for n in range(services.SHARES_PAGE + 3)
    ]
    first = services.shares_page(alex)
    second = services.shares_page(alex, before=first[-1].pk)
    assert [s.pk for s in first + second] == [s.pk for s in reversed(made)]


def test_the_shares_list_holds_no_share_of_another_pair(couple, other_couple):
    alex, _ = couple
    kim, _ = other_couple
    services.create_share(kim, "Kim's", "listen")
    assert services.shares_page(alex) == []


def test_a_partners_unanswered_share_waits_for_a_reply(couple):
    alex, sam = couple
    share = services.create_share(alex, "Something on my heart", "listen")
    assert [s.pk for s in services.waiting_for_reply(sam)] == [share.pk]
    assert services.waiting_for_reply(alex) == []


def test_a_share_stops_waiting_once_answered_or_heard(couple):
    alex, sam = couple
    answered = services.create_share(alex, "First", "listen")
    heard = services.create_share(alex, "Second", "think")
    services.reply_to_share(sam, answered.pk, "I hear you")
    services.mark_felt_heard(alex, heard.pk)
    assert services.waiting_for_reply(sam) == []


def test_the_partner_reply_is_coached_by_the_mode_the_sharer_chose(couple):
    alex, sam = couple
    listen = services.create_share(alex, "Vent", "listen")
    think = services.create_share(alex, "Puzzle", "think")
    assert services.coach_context_for(sam, listen) == "listen"
    assert services.coach_context_for(sam, think) == "think"
    assert services.coach_context_for(alex, listen) == "think"
