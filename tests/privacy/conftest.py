"""Two pairs and the things people wrote in them, for the authorization tests.

Alex and Sam are one pair, Kim and Lee another; Noor is not paired yet. Today
Alex has answered the daily question and Sam has not, so Alex's answer must
stay hidden from Sam, and from everyone outside the pair, until Sam answers.
"""

from dataclasses import dataclass

import pytest

from hearthside.pairs.models import User
from hearthside.questions import services
from hearthside.questions.models import Answer, DailyQuestion

# Secrets contain no character HTML would escape (no quotes, <, > or &), so a
# plain substring search finds them in a page as well as in JSON.
ALEX_SECRET = "Alex wrote about the blue kite over Lisbon 7F3A"


@dataclass
class World:
    alex: User
    sam: User
    kim: User
    lee: User
    daily: DailyQuestion  # today's question of Alex and Sam
    alex_answer: Answer  # answered by Alex; Sam has not answered yet
    kims_daily: DailyQuestion
    noor: User  # whom Alex pairs with once she and Sam have unpaired (matrix.py)


@pytest.fixture
def world(couple, other_couple, make_person) -> World:
    alex, sam = couple
    kim, lee = other_couple
    daily = services.todays_question(alex)
    answer = services.answer_question(alex, daily.pk, ALEX_SECRET)
    kims_daily = services.todays_question(kim)
    return World(alex, sam, kim, lee, daily, answer, kims_daily, make_person("Noor"))


@pytest.fixture
def everything_alex_wrote(world: World):
    """The two pairs, and Alex's check-ins, weekly check-in, kept share and need
    besides (targets.py, which builds on this module, says what they hold)."""
    from .targets import with_alexs_writing

    return with_alexs_writing(world)
