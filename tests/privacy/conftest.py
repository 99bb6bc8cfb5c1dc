"""Two pairs and the things people wrote in them, for the authorization tests.

Alex and Sam are one pair, Kim and Lee another. Today Alex has answered the
daily question and Sam has not, so Alex's answer must stay hidden from Sam,
and from everyone outside the pair, until Sam answers.
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


@pytest.fixture
def world(couple, other_couple) -> World:
    alex, sam = couple
    kim, lee = other_couple
    daily = services.todays_question(alex)
    answer = services.answer_question(alex, daily.pk, ALEX_SECRET)
    return World(alex, sam, kim, lee, daily, answer, services.todays_question(kim))


@pytest.fixture
def everything_alex_wrote(world: World):
    """The two pairs, and Alex's check-ins, weekly check-in, kept share and need
    besides (targets.py, which builds on this module, says what they hold)."""
    from .targets import with_alexs_writing

    return with_alexs_writing(world)
