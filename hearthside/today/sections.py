"""The sections of Today: every feature adds its own.

A feature registers a function with ``today_section`` in its
AppConfig.ready(). The function gets the viewer and returns a
``TodaySection``, or None when it has nothing to say today. One section
feeds both the page (its template and context) and ``/api/today`` (its
``data``, shaped by the schema it registered), so the two always say the same
thing. A section that fails with a UserError shows its own message and never
hides the others. Each costs a bounded number of queries, whatever the length
of the pair's history.

One section is the hero (the day's question); the others form a strip of
cards ordered by how much they matter now: each says so with a ``priority``
from the state of the day (see ``Priority``), highest first, and the page and
/api/today show them in that order.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from ninja import Field, Schema

from hearthside.errors import UserError
from hearthside.pairs.models import User


class SectionOut(Schema):
    """What every section of /api/today can say besides its own fields."""

    problem: str | None = Field(
        None, description="Set when this part of Today can't be shown right now, saying why."
    )


class Priority:
    """How much a section matters now; sections pick a value from the state of
    the day, and may add a little to order two of the same kind."""

    WAITING_ON_YOU = 80  # your partner reached out and waits: a share, a need
    DUE = 60  # something of yours is due today: the check-in, the weekly one
    INVITATION = 40  # a gentle suggestion: share something, a small invitation
    SETTLED = 20  # done for today; a glance at where things stand


@dataclass
class TodaySection:
    template: str
    context: dict = field(default_factory=dict)
    # The same section for /api/today, as the registered schema describes it.
    data: dict = field(default_factory=dict)
    key: str = ""
    priority: int = Priority.SETTLED
    hero: bool = False


SectionFunction = Callable[[User], TodaySection | None]


@dataclass(frozen=True)
class RegisteredSection:
    key: str
    order: int
    function: SectionFunction
    schema: type[SectionOut]
    hero: bool = False


_sections: dict[str, RegisteredSection] = {}


def today_section(key: str, *, order: int, schema: type[SectionOut], hero: bool = False):
    """Register a section of Today. ``hero`` makes it the large card at the top
    (the day's question); among sections of equal priority a lower ``order``
    comes first."""

    def register(function: SectionFunction) -> SectionFunction:
        _sections[key] = RegisteredSection(key, order, function, schema, hero)
        return function

    return register


def registered_sections() -> list[RegisteredSection]:
    return sorted(_sections.values(), key=lambda entry: (entry.order, entry.key))


def sections_for(user: User) -> list[TodaySection]:
    """The sections shown to ``user``: the hero first, then the rest by
    priority (highest first), then by registration order."""
    shown = []
    for entry in registered_sections():
        try:
            section = entry.function(user)
        except UserError as error:
            section = TodaySection(
                "today/_problem.html", {"problem": error.message}, {"problem": error.message}
            )
        if section is not None:
            section.key = entry.key
            section.hero = entry.hero
            shown.append(section)
    # sorted() is stable: equal priorities keep the registration order.
    return sorted(shown, key=lambda section: (not section.hero, -section.priority))
