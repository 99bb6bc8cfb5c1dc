"""The sections of Today: every feature adds its own.

A feature registers a function with ``today_section`` in its
AppConfig.ready(). The function gets the viewer and returns a
``TodaySection``, or None when it has nothing to say today. One section
feeds both the page (its template and context) and ``/api/today`` (its
``data``, shaped by the schema it registered), so the two always say the same
thing. A section that fails with a UserError shows its own message and never
hides the others. Each costs a bounded number of queries, whatever the length
of the pair's history.
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


@dataclass
class TodaySection:
    template: str
    context: dict = field(default_factory=dict)
    # The same section for /api/today, as the registered schema describes it.
    data: dict = field(default_factory=dict)
    key: str = ""


SectionFunction = Callable[[User], TodaySection | None]


@dataclass(frozen=True)
class RegisteredSection:
    key: str
    order: int
    function: SectionFunction
    schema: type[SectionOut]


_sections: dict[str, RegisteredSection] = {}


def today_section(key: str, *, order: int, schema: type[SectionOut]):
    """Register a section of Today; a lower ``order`` shows it higher."""

    def register(function: SectionFunction) -> SectionFunction:
        _sections[key] = RegisteredSection(key, order, function, schema)
        return function

    return register


def registered_sections() -> list[RegisteredSection]:
    return sorted(_sections.values(), key=lambda entry: (entry.order, entry.key))


def sections_for(user: User) -> list[TodaySection]:
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
            shown.append(section)
    return shown
