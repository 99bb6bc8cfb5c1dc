"""The deck in the browser: plain links and forms first, htmx on top."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from hearthside.deck.models import DeckDraw
from hearthside.questions.models import Question

from .conftest import only_active


def _card_link(response) -> str:
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("deck:card") + "?")
    return response["Location"]


def _cards_in(link: str) -> list[int]:
    cards = parse_qs(urlsplit(link).query)["cards"][0]
    return [int(card) for card in cards.split("-")]


def test_anonymous_visitors_are_asked_to_sign_in(client, db):
    for response in (
        client.get(reverse("deck:home")),
        client.get(reverse("deck:card") + "?cards=1"),
        client.post(reverse("deck:draw")),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not DeckDraw.objects.exists()


def test_someone_without_a_partner_is_sent_to_invite_one(make_person, bank, client_for):
    response = client_for(make_person("Robin")).get(reverse("deck:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("today")


def test_the_choices_page_offers_categories_depths_and_tags(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get(reverse("deck:home")).content.decode()
    for offered in ('value="affection"', 'name="depth" value="3"', 'value="date-night"'):
        assert offered in page
    assert "Nothing you say" in page


def test_drawing_the_first_card_leads_to_its_link(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    link = _card_link(
        client.post(reverse("deck:draw"), {"category": ["values"], "depth": ["1"], "tag": ""})
    )
    card = Question.objects.get(pk=_cards_in(link)[0])
    assert (card.category.slug, card.depth) == ("values", 1)
    page = client.get(link).content.decode()
    assert card.text in page or card.text.replace("'", "&#x27;") in page
    assert 'class="deck-card-text"' in page
    assert "Shuffle" in page and "Next" in page and "Back" in page


def test_next_then_back_returns_to_the_same_card_without_drawing_again(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    first = _card_link(client.post(reverse("deck:draw"), {"category": "values"}))
    fields = {"category": "values", "cards": _cards_in(first)[0], "action": "next"}
    second = _card_link(client.post(reverse("deck:draw"), fields))
    first_card, second_card = _cards_in(second)
    assert first_card != second_card
    draws = DeckDraw.objects.count()

    back = client.get(second.replace("at=1", "at=0"))

    assert back.status_code == 200
    assert Question.objects.get(pk=first_card).text[:20] in back.content.decode()
    assert DeckDraw.objects.count() == draws


def test_shuffle_swaps_the_card_on_screen_and_never_brings_it_back(couple, client_for):
    alex, _ = couple
    client = client_for(alex)
    cards = only_active(Question.objects.filter(category__slug="values")[:3])
    first = _card_link(client.post(reverse("deck:draw"), {}))
    shown = _cards_in(first)[0]
    shuffled = _card_link(
        client.post(reverse("deck:draw"), {"cards": shown, "at": 0, "action": "shuffle"})
    )
    query = parse_qs(urlsplit(shuffled).query)
    assert query["passed"] == [str(shown)]
    (replacement,) = _cards_in(shuffled)
    last = _card_link(
        client.post(
            reverse("deck:draw"),
            {"cards": replacement, "passed": shown, "at": 0, "action": "next"},
        )
    )
    assert sorted([shown, *_cards_in(last)]) == sorted(card.pk for card in cards)


def test_when_the_deck_runs_out_the_card_stays_with_a_kind_message(couple, client_for):
    alex, _ = couple
    (only,) = only_active(Question.objects.filter(category__slug="values")[:1])
    response = client_for(alex).post(reverse("deck:draw"), {"cards": only.pk, "action": "next"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "What a conversation" in page
    assert 'class="deck-card-text"' in page
    assert DeckDraw.objects.count() == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"category": "nonsense"},
        {"depth": "7"},
        {"tag": "<script>alert(1)</script>"},
        {"cards": "1-x"},
    ],
)
def test_bad_choices_show_the_choices_again_with_a_message(couple, client_for, fields):
    alex, _ = couple
    response = client_for(alex).post(reverse("deck:draw"), fields)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="notice problem"' in page
    assert "<script>alert" not in page
    assert not DeckDraw.objects.exists()


def test_a_damaged_card_link_explains_itself(couple, client_for):
    alex, _ = couple
    response = client_for(alex).get(reverse("deck:card") + "?cards=12-oops")
    assert response.status_code == 400
    assert "damaged" in response.content.decode()


def test_a_card_link_to_a_card_that_does_not_exist_is_not_found(couple, client_for):
    alex, _ = couple
    response = client_for(alex).get(reverse("deck:card") + "?cards=999999")
    assert response.status_code == 404


def test_with_htmx_the_card_is_swapped_in_place_and_its_link_pushed(couple, client_for):
    alex, _ = couple
    response = client_for(alex).post(
        reverse("deck:draw"), {"category": "values"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<section class="deck-stage"')
    assert "<html" not in page
    assert response["HX-Push-Url"].startswith(reverse("deck:card") + "?")


def test_the_choices_page_never_shows_another_pairs_cards(
    couple, other_couple, client_for, draw_of
):
    alex, _ = couple
    kim, _ = other_couple
    theirs = Question.objects.filter(category__slug="values").first()
    draw_of(kim, theirs)
    page = client_for(alex).get(reverse("deck:home")).content.decode()
    assert theirs.text not in page
    assert "resting at the moment" not in page


def test_the_choices_page_costs_the_same_with_a_long_history(
    couple, client_for, draw_of, django_assert_max_num_queries
):
    alex, _ = couple
    client = client_for(alex)
    draw_of(alex, Question.objects.first())
    client.get(reverse("deck:home"))
    with django_assert_max_num_queries(12) as short:
        client.get(reverse("deck:home"))
    for question in Question.objects.all()[:200]:
        draw_of(alex, question)
    with django_assert_max_num_queries(len(short.captured_queries)):
        client.get(reverse("deck:home"))


def test_drawing_and_showing_cost_the_same_late_in_a_long_session(
    couple, client_for, django_assert_max_num_queries
):
    alex, _ = couple
    client = client_for(alex)
    seen = list(Question.objects.filter(active=True).values_list("pk", flat=True)[:98])
    client.get(reverse("deck:home"))  # signs the session in
    with django_assert_max_num_queries(22) as early:
        link = _card_link(client.post(reverse("deck:draw"), {"cards": seen[0]}))
        client.get(link)
    with django_assert_max_num_queries(len(early.captured_queries)):
        link = _card_link(client.post(reverse("deck:draw"), {"cards": "-".join(map(str, seen))}))
        client.get(link)
