"""The listening coach as the share screens and the API offer it."""

from django.urls import reverse
from django.utils.html import escape

from hearthside.coach import review
from hearthside.shares import services
from hearthside.shares.coaching import COACH_MAX_CHARS
from hearthside.shares.models import Share, ShareReply

HTMX = {"HTTP_HX_REQUEST": "true"}
ADVICE = "You should just quit that job."
WARM = "That sounds really hard. What was the worst part of it?"


def coach_page(client, text, context, **headers):
    return client.post(reverse("share_coach"), {"text": text, "context": context}, **headers)


def test_the_reply_box_asks_the_coach_as_the_person_types(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Work is awful.", "listen")
    page = client_for(sam).get(reverse("share_detail", args=[share.pk])).content.decode()
    assert f'hx-post="{reverse("share_coach")}"' in page
    assert 'hx-trigger="input changed delay:600ms"' in page  # typed, pasted or dictated


def test_the_coach_points_out_advice_in_a_just_listen_reply(couple, client_for):
    _, sam = couple
    response = coach_page(client_for(sam), ADVICE, "listen", **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>You should</mark>" in page
    assert escape(review("", "listen").limits) in page
    assert "<html" not in page


def test_the_coach_lets_advice_pass_when_help_was_asked_for(couple, client_for):
    _, sam = couple
    page = coach_page(client_for(sam), ADVICE, "think", **HTMX).content.decode()
    assert "<mark>" not in page


def test_the_coach_leaves_a_warm_reply_alone(couple, client_for):
    _, sam = couple
    page = coach_page(client_for(sam), WARM, "listen", **HTMX).content.decode()
    assert "<mark>" not in page


def test_the_coach_shows_a_gentler_shape_and_reflecting_openers(couple, client_for):
    alex, _ = couple
    page = coach_page(client_for(alex), "You always forget.", "complaint", **HTMX)
    text = page.content.decode()
    assert "A gentler shape:" in text
    assert "Openers that reflect:" in text


def test_the_coach_shows_the_drafts_markup_as_text(couple, client_for):
    alex, _ = couple
    draft = "<script>alert(1)</script> you never <b>listen</b>"
    page = coach_page(client_for(alex), draft, "complaint", **HTMX).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<mark>you never</mark> &lt;b&gt;listen&lt;/b&gt;" in page


def test_the_coach_has_nothing_to_say_about_an_empty_draft(couple, client_for):
    alex, _ = couple
    page = coach_page(client_for(alex), "", "listen", **HTMX).content.decode()
    assert "<mark>" not in page
    assert "problem" not in page


def test_the_coach_refuses_an_unknown_context_with_a_clear_message(couple, client_for):
    alex, _ = couple
    response = coach_page(client_for(alex), ADVICE, "judge")
    assert response.status_code == 422
    assert "The coach can read a reply" in response.content.decode()


def test_the_coach_refuses_a_huge_draft_but_says_it_can_still_be_sent(couple, client_for):
    alex, _ = couple
    page = coach_page(client_for(alex), "a" * (COACH_MAX_CHARS + 1), "listen", **HTMX)
    assert f"reads up to {COACH_MAX_CHARS:,} characters" in page.content.decode()
    assert "You can still send it" in page.content.decode()


def test_the_coach_needs_a_signed_in_person(client):
    response = client.post(reverse("share_coach"), {"text": ADVICE, "context": "listen"})
    assert response.status_code == 302


def test_a_reply_the_coach_would_question_is_still_sent(couple, client_for):
    alex, sam = couple
    share = services.create_share(alex, "Work is awful.", "listen")
    response = client_for(sam).post(reverse("share_reply", args=[share.pk]), {"text": ADVICE})
    assert response.status_code == 302
    assert ShareReply.objects.get().text == ADVICE


def test_the_api_coach_returns_findings(couple, client_for):
    _, sam = couple
    response = client_for(sam).post(
        "/api/shares/coach", {"text": ADVICE, "context": "listen"}, content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 200
    assert body["ok"] is False
    finding = body["findings"][0]
    assert (finding["kind"], finding["excerpt"], finding["start"]) == ("advice", "You should", 0)
    assert body["gentler_pattern"] and body["openers"] and body["limits"]


def test_the_api_coach_finds_nothing_in_an_empty_draft(couple, client_for):
    _, sam = couple
    response = client_for(sam).post(
        "/api/shares/coach", {"text": "", "context": "listen"}, content_type="application/json"
    )
    assert response.json()["findings"] == []
    assert response.json()["ok"] is True


def test_the_api_coach_refuses_an_unknown_context(couple, client_for):
    _, sam = couple
    response = client_for(sam).post(
        "/api/shares/coach", {"text": ADVICE, "context": "judge"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "context" in response.json()["detail"]


def test_the_api_coach_refuses_a_huge_draft(couple, client_for):
    _, sam = couple
    response = client_for(sam).post(
        "/api/shares/coach",
        {"text": "a" * (COACH_MAX_CHARS + 1), "context": "think"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "You can still send it" in response.json()["detail"]
    assert not Share.objects.exists()
