"""Cheap substring checks that let the engine skip patterns that cannot match.

Python's regular expressions try every position of a long text, which for a
few hundred patterns over 10,000 characters is far too slow. Most patterns
need some literal text to be present ("started" in "you started it"), so we
read those requirements from the parsed pattern once; at review time a plain
`in` check shows which patterns cannot match and need not run.
"""

import re
from collections.abc import Iterable
from re import _constants as sre  # the parser's vocabulary, as in the standard library
from re import _parser

Requirement = frozenset[str]  # at least one of these strings must be in the text
SHORTEST_USEFUL = 2  # a single letter is in nearly every text, so it filters nothing


def requirements_of(pattern: str) -> tuple[Requirement, ...]:
    """What any text matching `pattern` must contain; () when nothing is certain."""
    try:
        return tuple(_requirements(_parser.parse(pattern)))
    except (re.error, RecursionError):
        return ()


def _requirements(items: Iterable[tuple[object, object]]) -> list[Requirement]:
    found: list[Requirement] = []
    run: list[str] = []
    for op, argument in items:
        # Pieces never hold spaces, so they can be looked for word by word.
        if op is sre.LITERAL and not chr(argument).isspace():
            run.append(chr(argument))
            continue
        _close_run(run, found)
        if op is sre.SUBPATTERN:
            found += _requirements(argument[-1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and argument[0] >= 1:
            found += _requirements(argument[2])
        elif op is sre.BRANCH:
            found += _either(argument[1])
    _close_run(run, found)
    return found


def _either(alternatives: Iterable[Iterable[tuple[object, object]]]) -> list[Requirement]:
    """A branch requires one piece from whichever alternative matched."""
    pieces: set[str] = set()
    for alternative in alternatives:
        own = _requirements(alternative)
        if not own:
            return []
        pieces |= max(own, key=lambda requirement: min(map(len, requirement)))
    return [frozenset(pieces)]


def _close_run(run: list[str], found: list[Requirement]) -> None:
    if len(run) >= SHORTEST_USEFUL:
        found.append(frozenset({"".join(run)}))
    run.clear()
