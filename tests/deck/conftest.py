import pytest
from django.test import Client

from hearthside.deck.models import DeckDraw
from hearthside.pairs.models import ApiToken
from hearthside.pairs.services import require_pair
from hearthside.questions.models import Question


@pytest.fixture
def draw_of():
    """Records that a pair drew a card, as the deck does."""

    def record(person, question: Question, **fields) -> DeckDraw:
        pair = require_pair(person).pair
        return DeckDraw.objects.create(pair=pair, question=question, drawn_by=person, **fields)

    return record


def only_active(questions) -> list[Question]:
    """Leaves just ``questions`` in the bank (the others retired)."""
    keep = [question.pk for question in questions]
    Question.objects.exclude(pk__in=keep).update(active=False)
    return list(Question.objects.filter(pk__in=keep).order_by("pk"))


@pytest.fixture
def api_client_for():
    """A client that calls the API as a script would: with a bearer token."""

    def client(user) -> Client:
        _, token = ApiToken.issue(user, name="tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return client
