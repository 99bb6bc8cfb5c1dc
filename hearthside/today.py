"""Sections that apps add to the Today page, below the daily question.

An app registers a function in its AppConfig.ready(); the function gets the
viewer and returns a TodaySection to show, or None. Each section must cost a
bounded number of queries, whatever the length of the pair's history.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from hearthside.pairs.models import User


@dataclass
class TodaySection:
    template: str
    context: dict = field(default_factory=dict)


SectionFunction = Callable[[User], TodaySection | None]
_sections: list[tuple[int, str, SectionFunction]] = []


def today_section(order: int):
    """Register a Today section; lower ``order`` shows higher on the page."""

    def register(function: SectionFunction) -> SectionFunction:
        name = f"{function.__module__}.{function.__qualname__}"
        if all(existing != name for _, existing, _ in _sections):
            _sections.append((order, name, function))
            _sections.sort(key=lambda entry: (entry[0], entry[1]))
        return function

    return register


def sections_for(user: User) -> list[TodaySection]:
    return [section for _, _, function in _sections if (section := function(user)) is not None]
