"""How the next daily question is chosen: pure functions, no database.

- Categories rotate: the next question comes from the category asked least
  recently (never-asked ones first).
- Depth follows the pair's history: the more questions both partners have
  answered, the larger the share of personal and deep questions (the way
  self-disclosure deepens step by step). The choice is deterministic: the
  depth that lags furthest behind its target share in the recent window wins.
- A question a partner wrote for the pair comes in every few days while any
  are waiting, oldest first.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

# Shared answers after which the mix of depths stops deepening.
DEPTH_RAMP = 120
# How many recent questions the depth mix is measured over.
DEPTH_WINDOW = 10
# Days between two questions of the pair's own, while more are waiting.
OWN_QUESTION_SPACING = 2


@dataclass(frozen=True)
class Candidate:
    id: int
    category_id: int
    depth: int


@dataclass(frozen=True)
class History:
    """What the pair was asked lately, most recent first."""

    recent_categories: Sequence[int] = ()
    recent_depths: Sequence[int] = ()
    both_answered: int = 0
    days_since_own_question: int | None = None
    pending_own_questions: int = 0
    # Categories ever asked, for a tie-break that keeps new pairs' first weeks varied.
    asked_counts: dict[int, int] = field(default_factory=dict)


def target_depth_shares(both_answered: int) -> dict[int, float]:
    """Share of light (1), personal (2) and deep (3) questions to aim for."""
    progress = min(max(both_answered, 0), DEPTH_RAMP) / DEPTH_RAMP
    light = 0.70 - 0.40 * progress
    deep = 0.05 + 0.30 * progress
    return {1: light, 2: 1.0 - light - deep, 3: deep}


def deep_share(both_answered: int) -> float:
    shares = target_depth_shares(both_answered)
    return shares[2] + shares[3]


def choose_depth(history: History, available: set[int]) -> int:
    window = list(history.recent_depths[:DEPTH_WINDOW])
    targets = target_depth_shares(history.both_answered)

    def lag(depth: int) -> float:
        return targets[depth] * (len(window) + 1) - window.count(depth)

    # Ties go to the lighter question: a pair is never rushed deeper.
    return max(sorted(available), key=lambda depth: (lag(depth), -depth))


def choose_category(categories: set[int], history: History, rng: random.Random) -> int:
    recent = list(history.recent_categories)

    def staleness(category_id: int) -> int:
        # Higher is staler; a category never asked beats any asked one.
        return recent.index(category_id) if category_id in recent else len(recent) + 1

    stalest = max(staleness(category_id) for category_id in categories)
    tied = sorted(c for c in categories if staleness(c) == stalest)
    fewest = min(history.asked_counts.get(c, 0) for c in tied)
    tied = [c for c in tied if history.asked_counts.get(c, 0) == fewest]
    return rng.choice(tied)


def should_serve_own_question(history: History) -> bool:
    if history.pending_own_questions <= 0:
        return False
    since = history.days_since_own_question
    return since is None or since >= OWN_QUESTION_SPACING


def choose_question(
    candidates: Sequence[Candidate], history: History, rng: random.Random
) -> Candidate | None:
    """The next bank question among ``candidates`` (already stripped of
    questions asked before, switched-off categories and skipped ones)."""
    if not candidates:
        return None
    category_id = choose_category({c.category_id for c in candidates}, history, rng)
    in_category = [c for c in candidates if c.category_id == category_id]
    depth = choose_depth(history, {c.depth for c in in_category})
    pool = sorted((c for c in in_category if c.depth == depth), key=lambda c: c.id)
    return rng.choice(pool)
