"""Both partners tapping Next on their own phones at the same instant."""

import threading

import pytest
from django.db import connection

from hearthside.deck import services
from hearthside.deck.models import DeckDraw


@pytest.mark.django_db(transaction=True)
def test_two_partners_drawing_at_once_both_get_a_card_and_both_draws_are_kept(couple):
    alex, sam = couple
    choice = services.clean_choice(["values"])
    barrier = threading.Barrier(2)
    drawn, errors = {}, []

    def draw(person):
        try:
            barrier.wait(timeout=10)
            drawn[person.pk] = services.draw_card(person, choice).card.pk
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=draw, args=(person,)) for person in (alex, sam)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(DeckDraw.objects.values_list("drawn_by_id", "question_id")) == sorted(
        drawn.items()
    )
