"""How well the coach does on labelled texts: the measure shared by tests and bench.

A case is a text, the context it is reviewed in, and the kind expected (or
None for a text that should be left alone).

- The example set: every `flag` and `pass` example of every rule, reviewed in
  EACH context the rule applies to (one case per example and context).
- The held-out set: hearthside/data/coach/heldout.yaml, one case per phrase,
  written before the rules were tuned.
- The regression set: hearthside/data/coach/regression.yaml, phrases written
  later and tuned against (see its header), kept to catch regressions.

A case expecting kind K is a true positive when the review has a finding of
kind K, else a false negative. A case expecting nothing is a false positive
when the review has any finding, else a true negative.
"""

from dataclasses import dataclass, field
from pathlib import Path

from .engine import review
from .rules import CONTEXTS, DATA_DIR, KINDS, Rule, RuleDataError, load_rules, read_yaml

HELDOUT_FILE = DATA_DIR / "heldout.yaml"
REGRESSION_FILE = DATA_DIR / "regression.yaml"
NOTHING = "none"


@dataclass(frozen=True)
class Case:
    text: str
    context: str
    expected_kind: str | None
    origin: str

    @property
    def label(self) -> str:
        expected = self.expected_kind or NOTHING
        return f"{self.origin}|{self.context}|{expected}|{self.text[:48]}"

    def is_met(self) -> bool:
        kinds = {finding.kind for finding in review(self.text, self.context).findings}
        return self.expected_kind in kinds if self.expected_kind else not kinds


@dataclass
class Score:
    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0
    true_negatives: int = 0
    missed: list[Case] = field(default_factory=list)
    wrongly_flagged: list[Case] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def example_cases(rules: tuple[Rule, ...] | None = None) -> list[Case]:
    cases = []
    for rule in rules or load_rules():
        for context in rule.contexts:
            cases += [Case(text, context, rule.kind, rule.id) for text in rule.flag_examples]
            cases += [Case(text, context, None, rule.id) for text in rule.pass_examples]
    return cases


def heldout_cases() -> list[Case]:
    return phrase_cases(HELDOUT_FILE)


def regression_cases() -> list[Case]:
    return phrase_cases(REGRESSION_FILE)


def phrase_cases(path: Path) -> list[Case]:
    """One case per labelled phrase in a file shaped like heldout.yaml."""
    phrases = read_yaml(path).get("phrases")
    if not isinstance(phrases, list) or not phrases:
        raise RuleDataError(f"{path}: needs a non-empty 'phrases' list")
    return [_phrase_case(phrase, path, number) for number, phrase in enumerate(phrases, 1)]


def score(cases: list[Case]) -> Score:
    result = Score()
    for case in cases:
        met = case.is_met()
        if case.expected_kind and met:
            result.true_positives += 1
        elif case.expected_kind:
            result.false_negatives += 1
            result.missed.append(case)
        elif met:
            result.true_negatives += 1
        else:
            result.false_positives += 1
            result.wrongly_flagged.append(case)
    return result


def _phrase_case(phrase: object, path: Path, number: int) -> Case:
    where = f"{path}, phrase #{number}"
    if not isinstance(phrase, dict) or set(phrase) != {"text", "context", "expect"}:
        raise RuleDataError(f"{where}: needs exactly 'text', 'context' and 'expect'")
    if phrase["context"] not in CONTEXTS:
        raise RuleDataError(f"{where}: unknown context {phrase['context']!r}")
    if phrase["expect"] not in (*KINDS, NOTHING):
        raise RuleDataError(f"{where}: 'expect' must be a kind or {NOTHING!r}")
    expected_kind = None if phrase["expect"] == NOTHING else phrase["expect"]
    return Case(phrase["text"], phrase["context"], expected_kind, f"{path.stem}#{number}")
