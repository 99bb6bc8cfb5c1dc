"""Bad input on the pages: each gets a clear message and changes nothing.
Whatever people write is stored as text and shown as text, never as markup."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hearthside.pairs import services as pair_services
from hearthside.pairs.models import Invitation, Membership, Pair, format_code
from hearthside.questions import services
from hearthside.questions.models import Answer, AnswerResponse, OwnQuestion

from .snapshot import content_snapshot

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
EMOJI = "Our Sunday walks 🌅💛 and the 🐕 that follows us"
# A NUL character is refused at the door, before any form reads it.
NOT_PLAIN_TEXT = "Please send plain text"


def page_of(client, name, *args) -> str:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


# --- Markup is shown as text ----------------------------------------------------------------


def test_a_script_in_an_answer_is_stored_as_written_and_shown_escaped(world, client_for):
    alex = client_for(world.alex)
    alex.post(reverse("answer", args=[world.daily.pk]), {"text": SCRIPT})

    assert Answer.objects.get(author=world.alex).text == SCRIPT
    page = page_of(alex, "today")
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_a_script_in_an_answer_reaches_the_partner_escaped(world, client_for):
    services.answer_question(world.alex, world.daily.pk, SCRIPT)
    services.answer_question(world.sam, world.daily.pk, "Mine")

    for name, args in (("today", ()), ("daily", (world.daily.pk,)), ("history", ())):
        page = page_of(client_for(world.sam), name, *args)
        assert ESCAPED_SCRIPT in page
        assert SCRIPT not in page


def test_a_script_in_a_reply_is_shown_escaped(world, client_for):
    services.answer_question(world.sam, world.daily.pk, "Mine")
    sam = client_for(world.sam)
    sam.post(reverse("respond", args=[world.alex_answer.pk]), {"kind": "reply", "text": SCRIPT})

    assert AnswerResponse.objects.get(author=world.sam).text == SCRIPT
    page = page_of(client_for(world.alex), "daily", world.daily.pk)
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_a_script_in_an_own_question_is_shown_escaped(world, client_for):
    alex = client_for(world.alex)
    alex.post(reverse("ask"), {"text": SCRIPT, "category": "values", "depth": "2"})

    assert OwnQuestion.objects.get(author=world.alex).text == SCRIPT
    page = page_of(alex, "ask")
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_a_script_as_a_display_name_is_shown_escaped_to_the_partner(world, client_for):
    client_for(world.alex).post(
        reverse("pair_settings"),
        {"form": "person", "display_name": SCRIPT, "time_zone": "Europe/London", "language": "en"},
    )

    world.alex.refresh_from_db()
    assert world.alex.display_name == SCRIPT
    page = page_of(client_for(world.sam), "today")
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_emoji_in_an_answer_come_back_exactly(world, client_for):
    alex = client_for(world.alex)
    alex.post(reverse("answer", args=[world.daily.pk]), {"text": EMOJI})

    assert Answer.objects.get(author=world.alex).text == EMOJI
    assert EMOJI in page_of(alex, "today")


# --- Empty, huge, repeated --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Your answer is empty"),
        ("  \n\t ", "Your answer is empty"),
        ("x" * 100_000, "Please keep your answer to 2,000 characters; this one has 100,000."),
    ],
    ids=["empty", "blank", "100k characters"],
)
def test_an_empty_or_huge_answer_is_refused_with_a_message(world, client_for, text, message):
    before = content_snapshot(world.alex, world.sam)

    response = client_for(world.sam).post(reverse("answer", args=[world.daily.pk]), {"text": text})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert content_snapshot(world.alex, world.sam) == before


def test_a_huge_reply_is_refused_with_a_message(world, client_for):
    services.answer_question(world.sam, world.daily.pk, "Mine")
    before = content_snapshot(world.alex, world.sam)

    response = client_for(world.sam).post(
        reverse("respond", args=[world.alex_answer.pk]), {"kind": "reply", "text": "x" * 100_000}
    )

    assert response.status_code == 400
    assert "Please keep your reply to 500 characters" in response.content.decode()
    assert content_snapshot(world.alex, world.sam) == before


def test_a_huge_own_question_is_refused_and_the_draft_kept(world, client_for):
    before = content_snapshot(world.alex)
    draft = "Why " * 25_000

    response = client_for(world.alex).post(
        reverse("ask"), {"text": draft, "category": "values", "depth": "2"}
    )

    assert response.status_code == 400
    assert "Please keep your question to 200 characters" in response.content.decode()
    assert draft.strip() in response.content.decode()
    assert content_snapshot(world.alex) == before


def test_a_display_name_that_is_too_long_is_refused(world, client_for):
    before = content_snapshot(world.alex)

    response = client_for(world.alex).post(
        reverse("pair_settings"),
        {"form": "person", "display_name": "A" * 100_000, "time_zone": "UTC", "language": "en"},
    )

    assert response.status_code == 400
    assert "Please check the highlighted fields" in response.content.decode()
    assert content_snapshot(world.alex) == before


def test_answering_again_the_same_day_edits_the_answer(world, client_for):
    alex = client_for(world.alex)

    alex.post(reverse("answer", args=[world.daily.pk]), {"text": "Second thoughts"})

    assert list(Answer.objects.filter(author=world.alex).values_list("text", flat=True)) == [
        "Second thoughts"
    ]


@pytest.mark.parametrize(
    ("category", "message"),
    [
        ("no-such-category", "Please choose one of the listed categories."),
        ("val\x00ues", NOT_PLAIN_TEXT),
    ],
)
def test_an_unknown_category_for_an_own_question_gets_a_message(
    world, client_for, category, message
):
    before = content_snapshot(world.alex)

    response = client_for(world.alex).post(
        reverse("ask"), {"text": "Fine?", "category": category, "depth": "2"}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert content_snapshot(world.alex) == before


@pytest.mark.parametrize(
    ("category", "message"),
    [("no-such-category", "There is no such category."), ("val\x00ues", NOT_PLAIN_TEXT)],
)
def test_switching_off_an_unknown_category_says_there_is_none(world, client_for, category, message):
    before = content_snapshot(world.alex)

    response = client_for(world.alex).post(
        reverse("categories"), {"category": category, "enabled": "0"}, follow=True
    )

    assert message in response.content.decode()
    assert content_snapshot(world.alex) == before


# --- Wrong ids ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/daily/abc/",
        "/daily/-1/",
        "/daily/0/",
        "/daily/99999999999999999999999/",
        "/daily/1e3/",
        "/answers/%F0%9F%92%9B/respond/",
    ],
)
def test_malformed_or_impossible_ids_are_not_found(world, client_for, path):
    before = content_snapshot(world.alex, world.sam)

    response = client_for(world.alex).get(path)

    assert response.status_code == 404
    assert "We couldn" in response.content.decode()
    assert content_snapshot(world.alex, world.sam) == before


@pytest.mark.parametrize("action", ["answer", "skip", "favourite"])
def test_a_huge_daily_id_in_a_form_is_not_found(world, client_for, action):
    before = content_snapshot(world.alex, world.sam)

    response = client_for(world.alex).post(f"/daily/{10**30}/{action}/", {"text": "hello"})

    assert response.status_code == 404
    assert content_snapshot(world.alex, world.sam) == before


def test_answering_another_pairs_question_is_not_found_and_saves_nothing(world, client_for):
    before = content_snapshot(world.alex, world.kim)

    response = client_for(world.alex).post(
        reverse("answer", args=[world.kims_daily.pk]), {"text": "Intruding"}
    )

    assert response.status_code == 404
    assert content_snapshot(world.alex, world.kim) == before


def test_withdrawing_someone_elses_question_says_it_is_not_waiting(world, client_for):
    own = services.ask_own_question(world.alex, "Do you remember our first song?")
    before = content_snapshot(world.alex)

    response = client_for(world.sam).post(reverse("withdraw_question", args=[own.pk]), follow=True)

    assert "That question is not waiting to be asked." in response.content.decode()
    assert content_snapshot(world.alex) == before


# --- Invitation codes -------------------------------------------------------------------


@pytest.fixture
def newcomer(make_person):
    return make_person("Noor")


@pytest.fixture
def inviter(make_person):
    return make_person("Robin")


def join(client, code: str):
    return client.post(reverse("join"), {"code": code})


def pairing_snapshot():
    return (Pair.objects.count(), Membership.objects.count(), Invitation.objects.count())


def test_an_expired_code_says_when_it_expired(inviter, newcomer, client_for):
    invitation, code = pair_services.create_invitation(inviter)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    before = pairing_snapshot()

    response = join(client_for(newcomer), code)

    assert response.status_code == 400
    assert "This invitation expired on" in response.content.decode()
    assert pairing_snapshot() == before


def test_a_used_code_says_it_was_used(inviter, newcomer, make_person, client_for):
    _, code = pair_services.create_invitation(inviter)
    pair_services.accept_invitation(make_person("First to join"), code)
    before = pairing_snapshot()

    response = join(client_for(newcomer), code)

    assert response.status_code == 400
    assert "This invitation has already been used" in response.content.decode()
    assert pairing_snapshot() == before


def test_a_mistyped_code_asks_to_check_for_typos(inviter, newcomer, client_for):
    pair_services.create_invitation(inviter)
    before = pairing_snapshot()

    response = join(client_for(newcomer), "ABCDE-2345")

    assert response.status_code == 400
    assert "Please check it for typos" in response.content.decode()
    assert pairing_snapshot() == before


def test_ones_own_code_says_to_send_it_to_the_partner(inviter, client_for):
    _, code = pair_services.create_invitation(inviter)
    before = pairing_snapshot()

    response = join(client_for(inviter), code)

    assert response.status_code == 400
    assert "This is your own invitation" in response.content.decode()
    assert pairing_snapshot() == before


def test_a_replaced_code_asks_for_the_latest_one(inviter, newcomer, client_for):
    _, old_code = pair_services.create_invitation(inviter)
    pair_services.create_invitation(inviter)
    before = pairing_snapshot()

    response = join(client_for(newcomer), old_code)

    assert response.status_code == 400
    assert "replaced by a newer one" in response.content.decode()
    assert pairing_snapshot() == before


def test_someone_already_paired_cannot_join_a_second_pair(inviter, world, client_for):
    _, code = pair_services.create_invitation(inviter)
    before = pairing_snapshot()

    response = join(client_for(world.alex), code)

    assert response.status_code == 400
    assert "one pair at a time" in response.content.decode()
    assert pairing_snapshot() == before


def test_the_join_link_explains_a_used_code_before_anyone_signs_in(inviter, make_person, client):
    _, code = pair_services.create_invitation(inviter)
    pair_services.accept_invitation(make_person("First to join"), code)

    response = client.get(reverse("join_with_code", args=[format_code(code)]))

    assert "This invitation has already been used" in response.content.decode()


def test_a_code_is_accepted_in_lower_case_and_without_the_dash(inviter, newcomer, client_for):
    _, code = pair_services.create_invitation(inviter)

    response = join(client_for(newcomer), f"  {code.lower()} ")

    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer).exists()
