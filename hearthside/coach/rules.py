"""Loading and checking the listening coach's rules.

The rules are data (hearthside/data/coach/<kind>.yaml) so that they can be
reviewed and translated without touching code. A pattern may write {name} to
use a shared spelling from language.yaml ("u" for "you", "dont" for "don't").
Every problem in the data is reported with the file and the rule it is in.
Patterns are case-insensitive; see patterns.py for how they are compiled.

What a finding says (title, explanation, suggestion) is written in English
with its translations beside it (``title_es``; see hearthside/content.py) and
shown in the reader's language. The patterns and examples are English only:
the coach reads English drafts for now.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

from hearthside.content import Translated, translated_text, unknown_fields

from .patterns import FRAGMENT_REFERENCE, Pattern, PatternError, compile_pattern, compile_regex

KINDS = ("advice", "criticism", "contempt", "defensiveness", "dismissal")
CONTEXTS = ("listen", "think", "complaint")
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "coach"
LANGUAGE_FILE = DATA_DIR / "language.yaml"

REQUIRED_FIELDS = ("id", "kind", "contexts", "title", "explanation", "suggestion", "patterns")
REQUIRED_FIELDS += ("examples",)
OPTIONAL_FIELDS = ("unless",)
SHOWN_FIELDS = ("title", "explanation", "suggestion")
Compiled = TypeVar("Compiled")
RULE_ID = re.compile(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*")


class RuleDataError(ValueError):
    """The coach's data files cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    contexts: tuple[str, ...]
    title: Translated[str]
    explanation: Translated[str]
    suggestion: Translated[str]
    patterns: tuple[Pattern, ...]
    unless: tuple[Pattern, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    fragments: dict[str, str]
    reversing_lead_in: re.Pattern[str]


def load_rules(path: str | Path | None = None) -> tuple[Rule, ...]:
    """Load and check the rules once, then serve them from a cache.

    `path` is a rule file, or a directory holding one `<kind>.yaml` per kind;
    by default the packaged data directory. Raises RuleDataError on bad data.
    """
    return _load_rules(Path(path).resolve() if path else DATA_DIR)


@cache
def load_language() -> Language:
    document = read_yaml(LANGUAGE_FILE)
    fragments = document.get("fragments")
    lead_ins = document.get("reversing_lead_ins")
    if not isinstance(fragments, dict) or not fragments:
        raise RuleDataError(f"{LANGUAGE_FILE}: needs a 'fragments' mapping")
    if not _is_list_of_text(lead_ins):
        raise RuleDataError(f"{LANGUAGE_FILE}: needs a 'reversing_lead_ins' list of patterns")
    for name, fragment in fragments.items():
        where = f"{LANGUAGE_FILE}, fragment {name!r}"
        if not isinstance(name, str) or not FRAGMENT_REFERENCE.fullmatch("{" + name + "}"):
            raise RuleDataError(f"{where}: names are lower-case letters and underscores")
        if not isinstance(fragment, str):
            raise RuleDataError(f"{where}: must be a pattern (text)")
        _located(compile_regex, where, fragment, {})
    where = f"{LANGUAGE_FILE}, reversing_lead_ins"
    # Lead-ins are only ever looked for right before a match, hence the anchor.
    combined = "(?:" + "|".join(lead_ins) + r")\s*$"
    return Language(
        fragments, reversing_lead_in=_located(compile_regex, where, combined, fragments)
    )


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RuleDataError(f"{path}: cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise RuleDataError(f"{path}: is not valid YAML: {error}") from error
    if not isinstance(document, dict):
        raise RuleDataError(f"{path}: must hold a mapping at the top level")
    return document


@cache
def _load_rules(path: Path) -> tuple[Rule, ...]:
    fragments = load_language().fragments
    rules: list[Rule] = []
    first_seen_in: dict[str, Path] = {}
    for rule_file in _rule_files(path):
        entries = read_yaml(rule_file).get("rules")
        if not isinstance(entries, list) or not entries:
            raise RuleDataError(f"{rule_file}: needs a non-empty 'rules' list")
        for position, entry in enumerate(entries, start=1):
            rule = _parse_rule(entry, rule_file, position, fragments)
            if rule.id in first_seen_in:
                raise RuleDataError(
                    f"{rule_file}, rule {rule.id!r}: the id is already used in "
                    f"{first_seen_in[rule.id]}"
                )
            first_seen_in[rule.id] = rule_file
            rules.append(rule)
    return tuple(rules)


def _rule_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    files = [path / f"{kind}.yaml" for kind in KINDS if (path / f"{kind}.yaml").is_file()]
    if not files:
        raise RuleDataError(f"{path}: no rule files (expected one of {[*KINDS]} as .yaml)")
    return files


def _parse_rule(entry: object, rule_file: Path, position: int, fragments: dict[str, str]) -> Rule:
    if not isinstance(entry, dict):
        raise RuleDataError(f"{rule_file}, rule #{position}: must be a mapping of fields")
    rule_id = entry.get("id")
    where = f"{rule_file}, rule {rule_id!r}" if rule_id else f"{rule_file}, rule #{position}"
    _check_fields(entry, where)
    if not isinstance(rule_id, str) or not RULE_ID.fullmatch(rule_id):
        raise RuleDataError(f"{where}: the id must look like 'kind.some-name'")
    kind = entry["kind"]
    if kind not in KINDS:
        raise RuleDataError(f"{where}: unknown kind {kind!r} (expected one of {[*KINDS]})")
    if rule_id.split(".")[0] != kind:
        raise RuleDataError(f"{where}: the id must start with its kind, '{kind}.'")
    flag_examples, pass_examples = _examples(entry.get("examples"), where)
    return Rule(
        id=rule_id,
        kind=kind,
        contexts=_contexts(entry["contexts"], where),
        title=translated_text(entry, "title", where, RuleDataError),
        explanation=translated_text(entry, "explanation", where, RuleDataError),
        suggestion=translated_text(entry, "suggestion", where, RuleDataError),
        patterns=_patterns(entry["patterns"], "patterns", where, fragments, required=True),
        unless=_patterns(entry.get("unless", []), "unless", where, fragments, required=False),
        flag_examples=flag_examples,
        pass_examples=pass_examples,
    )


def _check_fields(entry: dict, where: str) -> None:
    missing = [field for field in REQUIRED_FIELDS if field not in entry]
    if missing:
        raise RuleDataError(f"{where}: missing field(s) {missing}")
    unknown = unknown_fields(entry, REQUIRED_FIELDS + OPTIONAL_FIELDS, SHOWN_FIELDS)
    if unknown:
        raise RuleDataError(f"{where}: unknown field(s) {unknown}")


def _contexts(value: object, where: str) -> tuple[str, ...]:
    if not _is_list_of_text(value):
        raise RuleDataError(f"{where}: 'contexts' must be a non-empty list")
    unknown = [context for context in value if context not in CONTEXTS]
    if unknown:
        raise RuleDataError(f"{where}: unknown context(s) {unknown} (expected {[*CONTEXTS]})")
    return tuple(value)


def _patterns(
    value: object, field: str, where: str, fragments: dict[str, str], *, required: bool
) -> tuple[Pattern, ...]:
    if not (_is_list_of_text(value) or (value == [] and not required)):
        raise RuleDataError(f"{where}: '{field}' must be a non-empty list of patterns")
    return tuple(_located(compile_pattern, where, pattern, fragments) for pattern in value)


def _examples(value: object, where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if not isinstance(value, dict) or set(value) != {"flag", "pass"}:
        raise RuleDataError(f"{where}: 'examples' needs exactly the lists 'flag' and 'pass'")
    for field in ("flag", "pass"):
        if not _is_list_of_text(value[field]):
            raise RuleDataError(f"{where}: examples '{field}' must be a non-empty list of texts")
    return tuple(value["flag"]), tuple(value["pass"])


def _located(
    compile_: Callable[[str, dict[str, str]], Compiled],
    where: str,
    pattern: str,
    fragments: dict[str, str],
) -> Compiled:
    """Compile, naming the file and rule in any error."""
    try:
        return compile_(pattern, fragments)
    except PatternError as error:
        raise RuleDataError(f"{where}: {error}") from error


def _is_list_of_text(value: object) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, str) and item.strip() for item in value)
    )
