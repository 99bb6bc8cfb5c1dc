"""The listening coach, as the share screens and the API offer it.

The coach reads a draft and gives hints; nothing here stores the draft, and
nothing ever stops a reply or a complaint from being sent.
"""

from dataclasses import dataclass

from hearthside.coach import CONTEXTS, Finding, Review, review
from hearthside.errors import UserError

# Comfortably above the longest share, so any draft someone could send is read.
COACH_MAX_CHARS = 5000
# How much of the draft to show on either side of a highlighted phrase.
HIGHLIGHT_MARGIN = 40


class UnknownContext(UserError):
    status_code = 422


@dataclass(frozen=True)
class Highlight:
    """A finding's phrase with a little of the draft around it."""

    before: str
    excerpt: str
    after: str


@dataclass(frozen=True)
class CoachedFinding:
    finding: Finding
    highlight: Highlight


def coach_draft(text: str | None, context: str) -> Review:
    if context not in CONTEXTS:
        raise UnknownContext(
            "The coach can read a reply to a “just listen” share (listen), a reply to a "
            "“help me think” share (think) or a complaint (complaint)."
        )
    text = text or ""
    if len(text) > COACH_MAX_CHARS:
        raise UserError(
            f"The coach reads up to {COACH_MAX_CHARS:,} characters at a time and this draft "
            f"has {len(text):,}. You can still send it."
        )
    return review(text, context)


def highlight(text: str, finding: Finding) -> Highlight:
    start, end = finding.start, finding.end
    before_start = max(0, start - HIGHLIGHT_MARGIN)
    after_end = min(len(text), end + HIGHLIGHT_MARGIN)
    return Highlight(
        before=("…" if before_start else "") + text[before_start:start],
        excerpt=text[start:end],
        after=text[end:after_end] + ("…" if after_end < len(text) else ""),
    )


def coached_findings(text: str, result: Review) -> list[CoachedFinding]:
    return [CoachedFinding(finding, highlight(text, finding)) for finding in result.findings]
