"""The listening coach: a local, rule-based, explainable check of a draft.

It looks for advice given when only listening was asked for, criticism,
contempt, defensiveness and dismissal, and explains each finding with a kinder
way to say it. It is a hint, never a gate: nothing here stops a message.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass

from .guidance import load_guidance
from .patterns import Pattern
from .rules import CONTEXTS, Rule, load_language, load_rules

# Each is one character for one character, so offsets into the normalised
# text are offsets into the text the person wrote.
TYPOGRAPHY = (
    ("\u2019", "'"),  # right single quotation mark: the usual curly apostrophe
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u00b4", "'"),
    ("`", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u00a0", " "),
)
# Words inside quotation marks are someone's words being reported ("when you
# said 'calm down' I felt small"), not words said to the partner.
# Each alternative starts with its quotation mark so the matcher can skip ahead.
QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|'(?<!\w')(?=\w)[^\n]{0,300}?[\w.!?]'(?!\w)")
LEAD_IN_REACH = 80


@dataclass(frozen=True)
class Finding:
    """One pattern found in the draft, with why it may land badly and what to try,
    in the reader's language.

    `start` and `end` are character offsets into the text as written, and
    `excerpt` is that slice of it, unescaped: escape it when showing it in HTML.
    """

    rule_id: str
    kind: str
    title: str
    explanation: str
    suggestion: str
    start: int
    end: int
    excerpt: str


@dataclass(frozen=True)
class Review:
    """What the coach noticed, in the reader's language. It advises; whether and
    what to send is the writer's call.

    Findings are ordered by where they start, at most one per rule, and
    overlapping findings of the same kind are collapsed into the earliest.
    """

    findings: tuple[Finding, ...]
    gentler_pattern: str
    openers: tuple[str, ...]
    limits: str

    @property
    def ok(self) -> bool:
        return not self.findings


def review(text: str, context: str = "think") -> Review:
    """Check a drafted reply or complaint; `context` is one of CONTEXTS."""
    if context not in CONTEXTS:
        raise ValueError(f"Unknown context {context!r}; expected one of {', '.join(CONTEXTS)}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    findings = _find(text, context) if text.strip() else ()
    guidance = load_guidance()
    return Review(
        findings=findings,
        gentler_pattern=guidance.gentler_pattern_for(findings[0].kind if findings else None),
        openers=guidance.openers_for(context),
        limits=guidance.limits.shown,
    )


def _find(text: str, context: str) -> tuple[Finding, ...]:
    draft = _Draft(text)
    candidates = []
    for rule in load_rules():
        if context in rule.contexts:
            span = draft.first_match(rule)
            if span:
                candidates.append(_finding(rule, text, *span))
    return _without_same_kind_overlaps(candidates)


class _Draft:
    """The text as the rules see it, and what decides whether a match counts."""

    def __init__(self, text: str) -> None:
        self.text = _normalised(text)
        # Each distinct run of non-space characters once: a much shorter place
        # than the whole text to look for the literal pieces patterns need.
        self._contains = "\n".join(set(self.text.split())).__contains__
        quotes = [match.span() for match in QUOTED.finditer(self.text)]
        self._quote_starts = [start for start, _ in quotes]
        self._quote_ends = [end for _, end in quotes]
        self._reversing_lead_in = load_language().reversing_lead_in

    def first_match(self, rule: Rule) -> tuple[int, int] | None:
        """The earliest span any of the rule's patterns match that still counts."""
        earliest: tuple[int, int] | None = None
        suppressed: bytearray | None = None
        for pattern in rule.patterns:
            for match in pattern.matches(self.text, self._contains):
                span = self._trimmed(*match.span())
                if earliest and span[0] >= earliest[0]:
                    break
                if span[0] == span[1] or self._is_quoted(span):
                    continue
                if suppressed is None:
                    suppressed = self._covered_by(rule.unless)
                if suppressed.find(1, *span) == -1 and not self._follows_reversal(span[0]):
                    earliest = span
                    break
        return earliest

    def _covered_by(self, patterns: tuple[Pattern, ...]) -> bytearray:
        covered = bytearray(len(self.text))
        for pattern in patterns:
            for match in pattern.matches(self.text, self._contains):
                covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        return covered

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def _is_quoted(self, span: tuple[int, int]) -> bool:
        index = bisect_right(self._quote_starts, span[0]) - 1
        return index >= 0 and self._quote_ends[index] >= span[1]

    def _follows_reversal(self, start: int) -> bool:
        window_start = max(0, start - LEAD_IN_REACH)
        return self._reversing_lead_in.search(self.text, window_start, start) is not None


def _normalised(text: str) -> str:
    for typographic, plain in TYPOGRAPHY:
        text = text.replace(typographic, plain)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few letters grow when lower-cased ("İ"); keep those as they are.
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _finding(rule: Rule, text: str, start: int, end: int) -> Finding:
    return Finding(
        rule_id=rule.id,
        kind=rule.kind,
        title=rule.title.shown,
        explanation=rule.explanation.shown,
        suggestion=rule.suggestion.shown,
        start=start,
        end=end,
        excerpt=text[start:end],
    )


def _without_same_kind_overlaps(candidates: list[Finding]) -> tuple[Finding, ...]:
    """Keep the earliest (then the longest) of findings of one kind that overlap."""
    kept: list[Finding] = []
    for finding in sorted(candidates, key=lambda f: (f.start, f.start - f.end, f.rule_id)):
        span = (finding.start, finding.end)
        if not any(
            other.kind == finding.kind and _overlap((other.start, other.end), span)
            for other in kept
        ):
            kept.append(finding)
    return tuple(kept)


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]
