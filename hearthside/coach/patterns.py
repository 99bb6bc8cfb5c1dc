"""The coach's patterns, compiled for speed as well as meaning.

A data pattern is lower-cased (texts are lower-cased too, which is many times
faster than the IGNORECASE flag) and its {fragments} are filled in. Two more
things keep a review of 10,000 characters fast:

- a pattern is skipped when literal text it needs is missing (see prefilter);
- a leading word boundary (\\b) or clause start ({start}) is checked by hand
  at each candidate, because either one, left in the expression, stops
  Python's matcher from jumping straight to the pattern's first letters.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .prefilter import Requirement, requirements_of

FRAGMENT_REFERENCE = re.compile(r"\{([a-z_]+)\}")
ESCAPED_OR_PLAIN = re.compile(r"\\.|[^\\]+", re.DOTALL)
WORD_START = "\\b"
CLAUSE_START = "{start}"
# What may come right before a clause: mirrors the {start} fragment.
CLAUSE_PUNCTUATION = frozenset(".!?,;:\n(…—–-")


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class Pattern:
    source: str
    regex: re.Pattern[str]
    anchor: str | None
    requirements: tuple[Requirement, ...]

    def matches(self, text: str, contains: Callable[[str], bool]) -> Iterator[re.Match[str]]:
        """Matches in lower-cased `text`, left to right; `contains` tests a substring."""
        if not all(any(map(contains, requirement)) for requirement in self.requirements):
            return
        position = 0
        while match := self.regex.search(text, position):
            start = match.start()
            if self._anchored(text, start):
                yield match
                position = max(match.end(), start + 1)
            else:
                position = start + 1

    def _anchored(self, text: str, start: int) -> bool:
        if self.anchor == WORD_START:
            return _is_word_boundary(text, start)
        if self.anchor == CLAUSE_START:
            return _is_clause_start(text, start)
        return True


def compile_pattern(source: str, fragments: dict[str, str]) -> Pattern:
    anchor = next((a for a in (WORD_START, CLAUSE_START) if source.startswith(a)), None)
    body = source[len(anchor) :] if anchor else source
    regex = compile_regex(body, fragments)
    return Pattern(source, regex, anchor, requirements_of(regex.pattern))


def compile_regex(pattern: str, fragments: dict[str, str]) -> re.Pattern[str]:
    """Compile a data pattern, lower-cased, with each {name} fragment in its place."""

    def fragment_for(reference: re.Match[str]) -> str:
        name = reference.group(1)
        if name not in fragments:
            raise PatternError(f"unknown fragment {{{name}}} in pattern {pattern!r}")
        return fragments[name]

    expanded = FRAGMENT_REFERENCE.sub(fragment_for, pattern)
    try:
        return re.compile(_lowercase_outside_escapes(expanded), re.MULTILINE)
    except re.error as error:
        raise PatternError(f"bad pattern {pattern!r}: {error}") from error


def _lowercase_outside_escapes(pattern: str) -> str:
    # "\S" and "\s" mean different things, so escapes keep their case.
    return "".join(
        piece if piece.startswith("\\") else piece.lower()
        for piece in ESCAPED_OR_PLAIN.findall(pattern)
    )


def _is_word_boundary(text: str, index: int) -> bool:
    before = index > 0 and _is_word_character(text[index - 1])
    after = index < len(text) and _is_word_character(text[index])
    return before != after


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"


def _is_clause_start(text: str, index: int) -> bool:
    while index > 0 and text[index - 1].isspace() and text[index - 1] != "\n":
        index -= 1
    return index == 0 or text[index - 1] in CLAUSE_PUNCTUATION
