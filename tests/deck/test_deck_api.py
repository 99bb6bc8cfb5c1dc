"""The deck as JSON: the client keeps the session in ``exclude_ids``."""

import json

import pytest

from hearthside.deck.models import DeckDraw
from hearthside.questions.models import Question

from .conftest import only_active


def post(client, path, body):
    return client.post(path, json.dumps(body), content_type="application/json")


def test_options_list_categories_depths_and_tags(couple, api_client_for):
    alex, _ = couple
    options = api_client_for(alex).get("/api/deck/options").json()
    assert {"affection", "values"} <= {category["slug"] for category in options["categories"]}
    assert [depth["value"] for depth in options["depths"]] == [1, 2, 3]
    assert "date-night" in {tag["slug"] for tag in options["tags"]}
    assert options["rest_days"] == 45


def test_a_draw_returns_a_card_that_fits_and_records_it(couple, api_client_for):
    alex, _ = couple
    response = post(
        api_client_for(alex),
        "/api/deck/draw",
        {"categories": ["values"], "depths": [2], "tag": "reflective"},
    )
    assert response.status_code == 201
    card = response.json()["card"]
    assert card["category"]["slug"] == "values"
    assert card["depth"] == 2
    assert "reflective" in card["tags"]
    assert DeckDraw.objects.get().question_id == card["id"]


def test_excluded_cards_never_come_back_and_the_end_is_a_kind_409(couple, api_client_for):
    alex, _ = couple
    client = api_client_for(alex)
    cards = only_active(Question.objects.filter(category__slug="values")[:2])
    first = post(client, "/api/deck/draw", {}).json()
    second = post(client, "/api/deck/draw", {"exclude_ids": [first["card"]["id"]]}).json()
    assert {first["card"]["id"], second["card"]["id"]} == {card.pk for card in cards}
    assert second["remaining"] == 0
    end = post(client, "/api/deck/draw", {"exclude_ids": [card.pk for card in cards]})
    assert end.status_code == 409
    assert "every card that fits" in end.json()["detail"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"categories": ["nonsense"]}, 400, "no category called"),
        ({"depths": [9]}, 400, "Depth is 1"),
        ({"tag": "🕯️"}, 400, "no tag called"),
        ({"depths": ["deep"]}, 422, "depths"),
        ({"exclude_ids": "all"}, 422, "exclude_ids"),
        ({"exclude_ids": list(range(1, 5000))}, 409, "fresh deck"),
    ],
)
def test_bad_requests_get_a_clear_message_and_draw_nothing(
    couple, api_client_for, body, status, message
):
    alex, _ = couple
    response = post(api_client_for(alex), "/api/deck/draw", body)
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert not DeckDraw.objects.exists()


def test_anonymous_callers_get_401(client, bank):
    assert client.get("/api/deck/options").status_code == 401
    assert post(client, "/api/deck/draw", {}).status_code == 401
    assert client.get("/api/deck/resting").status_code == 401
    assert not DeckDraw.objects.exists()


def test_resting_cards_never_include_another_pairs_draws(
    couple, other_couple, api_client_for, draw_of
):
    alex, sam = couple
    kim, _ = other_couple
    ours, theirs = Question.objects.all()[:2]
    draw_of(sam, ours)
    draw_of(kim, theirs)
    resting = api_client_for(alex).get("/api/deck/resting").json()
    assert [(item["card"]["id"], item["drawn_by_me"]) for item in resting] == [(ours.pk, False)]
    assert [item["card"]["id"] for item in api_client_for(kim).get("/api/deck/resting").json()] == [
        theirs.pk
    ]


def test_a_draw_costs_the_same_with_a_long_history(
    couple, api_client_for, draw_of, django_assert_max_num_queries
):
    alex, _ = couple
    client = api_client_for(alex)
    client.get("/api/deck/options")  # the token's first use is noted once
    with django_assert_max_num_queries(6) as short:
        post(client, "/api/deck/draw", {"categories": ["values"]})
    for question in Question.objects.all()[:300]:
        draw_of(alex, question)
    exclude = list(Question.objects.values_list("pk", flat=True)[:99])
    with django_assert_max_num_queries(len(short.captured_queries)):
        post(client, "/api/deck/draw", {"categories": ["values"], "exclude_ids": exclude})
