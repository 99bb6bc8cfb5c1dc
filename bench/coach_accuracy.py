"""Precision and recall of the listening coach (capability L3).

    python bench/coach_accuracy.py

Scores the sets defined in hearthside/coach/accuracy.py:
- examples: every rule's flag and pass examples, in each context the rule
  applies to;
- held-out: hearthside/data/coach/heldout.yaml, phrases written before the
  rules were tuned;
- regression: hearthside/data/coach/regression.yaml, later phrases that were
  tuned against, so only a guard against regressions.
Prints what was missed and what was wrongly flagged, and how long a review of
10,000 characters takes. Exits 1 if precision or recall of any set is below 0.9.
"""

import sys
import time
from pathlib import Path

# Runnable from a plain checkout, without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hearthside.coach import review
from hearthside.coach.accuracy import (
    Score,
    example_cases,
    heldout_cases,
    regression_cases,
    score,
)

THRESHOLD = 0.9
LONG_DRAFT = ("I hear you. You always do this, whatever 🙄 — it's not a big deal. " * 160)[:10_000]


def main() -> int:
    passed = True
    sets = (
        ("examples", example_cases()),
        ("held-out", heldout_cases()),
        ("regression", regression_cases()),
    )
    for name, cases in sets:
        result = score(cases)
        report(name, len(cases), result)
        passed &= result.precision >= THRESHOLD and result.recall >= THRESHOLD
    print(f"review of {len(LONG_DRAFT):,} characters: {milliseconds_per_long_review():.1f} ms")
    print("OK" if passed else f"FAILED: precision and recall must both be at least {THRESHOLD}")
    return 0 if passed else 1


def report(name: str, size: int, result: Score) -> None:
    print(
        f"{name:10} {size:5} cases  precision {result.precision:.3f}  recall {result.recall:.3f}"
        f"  (TP {result.true_positives}, FP {result.false_positives},"
        f" FN {result.false_negatives}, TN {result.true_negatives})"
    )
    for case in result.missed:
        print(f"    missed {case.expected_kind} [{case.context}]: {case.text}")
    for case in result.wrongly_flagged:
        found = ", ".join(f.rule_id for f in review(case.text, case.context).findings)
        print(f"    wrongly flagged [{case.context}] ({found}): {case.text}")


def milliseconds_per_long_review(runs: int = 5) -> float:
    review(LONG_DRAFT, "listen")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        review(LONG_DRAFT, "listen")
        timings.append(time.perf_counter() - started)
    return min(timings) * 1000


if __name__ == "__main__":
    sys.exit(main())
