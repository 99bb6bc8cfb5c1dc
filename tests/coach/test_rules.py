"""The coach's rule data: its size, its examples, and how bad data is reported."""

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearthside.coach import CONTEXTS, KINDS, RuleDataError, load_rules
from hearthside.coach.accuracy import example_cases, heldout_cases, regression_cases, score
from hearthside.coach.engine import review
from hearthside.coach.guidance import load_guidance
from hearthside.coach.patterns import compile_pattern
from hearthside.coach.rules import load_language

FLAG_CASES = [case for case in example_cases() if case.expected_kind]
PASS_CASES = [case for case in example_cases() if not case.expected_kind]

VALID_RULE = """
  - id: criticism.sample
    kind: criticism
    contexts: [complaint]
    title: A sample
    explanation: Why it may land badly.
    suggestion: What to try instead.
    patterns: ['\\bsample\\b']
    examples:
      flag: [a sample]
      pass: [something else]
"""


def write_rules(directory: Path, body: str, name: str = "criticism.yaml") -> Path:
    path = directory / name
    path.write_text("rules:" + body, encoding="utf-8")
    return path


def test_there_are_at_least_forty_rules():
    assert len(load_rules()) >= 40


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_at_least_six_rules(kind):
    assert Counter(rule.kind for rule in load_rules())[kind] >= 6


def test_the_rules_carry_at_least_150_examples():
    rules = load_rules()
    assert sum(len(rule.flag_examples) + len(rule.pass_examples) for rule in rules) >= 150


def test_advice_rules_apply_only_when_the_partner_asked_to_be_heard():
    advice_contexts = {rule.contexts for rule in load_rules() if rule.kind == "advice"}
    assert advice_contexts == {("listen",)}


def test_rules_are_loaded_once_and_cached():
    assert load_rules() is load_rules()


@pytest.mark.parametrize("case", FLAG_CASES, ids=lambda case: case.label)
def test_flag_example_gets_a_finding_of_its_rules_kind(case):
    kinds = [finding.kind for finding in review(case.text, case.context).findings]
    assert case.expected_kind in kinds


@pytest.mark.parametrize("case", PASS_CASES, ids=lambda case: case.label)
def test_pass_example_gets_no_finding(case):
    findings = review(case.text, case.context).findings
    assert findings == (), [(finding.rule_id, finding.excerpt) for finding in findings]


def test_example_set_precision_and_recall_are_at_least_ninety_percent():
    result = score(example_cases())
    assert result.precision >= 0.9
    assert result.recall >= 0.9


def test_heldout_set_has_at_least_eighty_labelled_phrases_of_every_label():
    cases = heldout_cases()
    assert len(cases) >= 80
    assert {case.expected_kind for case in cases} == {*KINDS, None}
    assert {case.context for case in cases} == set(CONTEXTS)


def test_heldout_phrases_are_not_copied_into_rule_examples():
    examples = {text for rule in load_rules() for text in rule.flag_examples + rule.pass_examples}
    assert not examples & {case.text for case in heldout_cases()}


def test_guidance_has_a_gentler_pattern_for_each_kind_and_openers_for_each_context():
    guidance = load_guidance()
    assert all(guidance.gentler_pattern_for(kind) for kind in KINDS)
    assert all(2 <= len(guidance.openers_for(context)) <= 3 for context in CONTEXTS)


def test_a_valid_rule_file_can_be_loaded_from_any_path(tmp_path):
    (rule,) = load_rules(write_rules(tmp_path, VALID_RULE))
    assert rule.id == "criticism.sample"
    assert rule.contexts == ("complaint",)


def test_a_directory_is_read_as_one_file_per_kind(tmp_path):
    write_rules(tmp_path, VALID_RULE)
    write_rules(tmp_path, VALID_RULE.replace("criticism", "contempt"), "contempt.yaml")
    assert {rule.kind for rule in load_rules(tmp_path)} == {"criticism", "contempt"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("kind: criticism", "kind: critique"), "unknown kind 'critique'"),
        (("contexts: [complaint]", "contexts: [vent]"), "unknown context(s) ['vent']"),
        (("['\\bsample\\b']", "['(unclosed']"), "bad pattern '(unclosed'"),
        (("['\\bsample\\b']", "['{nonsense}']"), "unknown fragment {nonsense}"),
        (("    title: A sample\n", ""), "missing field(s) ['title']"),
        (("    title: A sample\n", "    title: A sample\n    unles: [x]\n"), "unknown field"),
        (("      pass: [something else]\n", ""), "exactly the lists 'flag' and 'pass'"),
        (("id: criticism.sample", "id: contempt.sample"), "must start with its kind"),
        (("id: criticism.sample", "id: Sample Rule"), "must look like 'kind.some-name'"),
        (("explanation: Why it may land badly.", "explanation: ''"), "'explanation' must be"),
        (("title: A sample", "title_es: Un ejemplo"), "missing field(s) ['title']"),
        (("title: A sample", "title: A sample\n    title_sp: x"), "unknown field(s) ['title_sp']"),
        (("title: A sample", "title: A sample\n    title_es: ' '"), "'title_es' must be"),
    ],
    ids=lambda value: value if isinstance(value, str) else value[1][:24],
)
def test_bad_rule_data_is_reported_with_file_rule_and_reason(tmp_path, change, message):
    path = write_rules(tmp_path, VALID_RULE.replace(*change))
    with pytest.raises(RuleDataError) as raised:
        load_rules(path)
    assert str(path) in str(raised.value)
    assert "rule" in str(raised.value)
    assert message in str(raised.value)


def test_a_duplicate_id_names_both_files(tmp_path):
    first = write_rules(tmp_path, VALID_RULE)
    write_rules(tmp_path, VALID_RULE, "contempt.yaml")
    with pytest.raises(RuleDataError, match="already used in") as raised:
        load_rules(tmp_path)
    assert str(first) in str(raised.value)


def test_a_duplicate_id_within_one_file_is_refused(tmp_path):
    path = write_rules(tmp_path, VALID_RULE + VALID_RULE)
    with pytest.raises(RuleDataError, match=r"rule 'criticism.sample': the id is already used"):
        load_rules(path)


def test_a_file_that_is_not_yaml_is_reported(tmp_path):
    path = tmp_path / "criticism.yaml"
    path.write_text("rules: [unclosed", encoding="utf-8")
    with pytest.raises(RuleDataError, match="is not valid YAML"):
        load_rules(path)


def test_a_directory_without_rule_files_is_reported(tmp_path):
    with pytest.raises(RuleDataError, match="no rule files"):
        load_rules(tmp_path)


def test_bad_guidance_is_reported(tmp_path):
    path = tmp_path / "guidance.yaml"
    path.write_text("gentler_patterns: {general: x}\nopeners: {}\nlimits: x\n", encoding="utf-8")
    with pytest.raises(RuleDataError, match="gentler_patterns"):
        load_guidance(path)


@given(st.text(alphabet="xa .,(!—-\n\t\u2028", max_size=40))
def test_the_clause_start_check_agrees_with_the_start_fragment(text):
    fragments = load_language().fragments
    by_expression = re.compile(fragments["start"] + "x", re.MULTILINE)
    by_check = compile_pattern("{start}x", fragments)
    expected = {match.end() - 1 for match in by_expression.finditer(text)}
    assert {match.start() for match in by_check.matches(text, lambda piece: True)} == expected


def test_a_pattern_is_skipped_only_when_it_could_not_have_matched():
    cases = FLAG_CASES + heldout_cases() + regression_cases()
    texts = {case.text.lower() for case in cases}
    patterns = [pattern for rule in load_rules() for pattern in rule.patterns + rule.unless]
    for pattern in patterns:
        for text in texts:
            if pattern.regex.search(text):
                assert all(
                    any(piece in text for piece in requirement)
                    for requirement in pattern.requirements
                ), (pattern.source, text)
