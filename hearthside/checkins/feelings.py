"""The curated feeling words of the daily check-in (data/checkins/feelings.yaml).

A check-in stores a word as the file writes it in English, whatever language
its author reads; each group has its name and a ``words_<language>`` mapping
from word to label beside it (see hearthside/content.py), and the reader sees
the labels of their own language. A word removed from the file is still shown
as it was stored.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from hearthside.content import Translated, translated_text, translation_field, unknown_fields

GROUP_FIELDS = {"name", "words"}


class FeelingsDataError(ValueError):
    pass


@dataclass(frozen=True)
class FeelingWord:
    value: str  # what a check-in stores
    name: Translated[str]

    @property
    def label(self) -> str:
        return self.name.shown


@dataclass(frozen=True)
class FeelingGroup:
    name: Translated[str]
    words: tuple[FeelingWord, ...]


def feelings_file() -> Path:
    return settings.CONTENT_DIR / "checkins" / "feelings.yaml"


@cache
def feeling_groups() -> tuple[FeelingGroup, ...]:
    return read_feelings(feelings_file())


@cache
def feeling_words() -> dict[str, FeelingWord]:
    """The curated words by the value a check-in stores."""
    return {word.value: word for group in feeling_groups() for word in group.words}


def feeling_label(value: str) -> str:
    """How a stored word is shown to the reader."""
    word = feeling_words().get(value)
    return word.label if word else value


def curated_word(typed: str) -> str | None:
    """The stored value of a curated word typed by hand in any of its languages."""
    return _typed_words().get(typed.strip().lower())


@cache
def _typed_words() -> dict[str, str]:
    typed = {}
    for word in feeling_words().values():
        for label in (word.value, *word.name.translations.values()):
            typed.setdefault(label.lower(), word.value)
    return typed


def read_feelings(path: Path) -> tuple[FeelingGroup, ...]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups, seen = [], set()
    labels_seen: dict[str, set[str]] = {}
    for position, group in enumerate(document.get("groups") or [], start=1):
        name, words = group.get("name"), group.get("words")
        if not isinstance(name, str) or not name.strip():
            raise FeelingsDataError(f"{path.name}: group {position} needs a name")
        where = f"{path.name}: group {name!r}"
        if not isinstance(words, list) or not words:
            raise FeelingsDataError(f"{where} has no words")
        unknown = unknown_fields(group, GROUP_FIELDS, GROUP_FIELDS)
        if unknown:
            raise FeelingsDataError(f"{where} has unknown field(s) {unknown}")
        for word in words:
            if not isinstance(word, str) or word != word.strip().lower() or not word:
                raise FeelingsDataError(f"{path.name}: {word!r} should be one lowercase word")
            if word in seen:
                raise FeelingsDataError(f"{path.name}: {word!r} is listed twice")
            seen.add(word)
        labels = _word_labels(group, words, where, labels_seen)
        groups.append(
            FeelingGroup(
                name=translated_text(group, "name", where, FeelingsDataError),
                words=tuple(
                    FeelingWord(word, Translated(word, labels.get(word, {}))) for word in words
                ),
            )
        )
    if not groups:
        raise FeelingsDataError(f"{path.name}: no groups of feeling words")
    return tuple(groups)


def _word_labels(
    group: dict, words: list[str], where: str, labels_seen: dict[str, set[str]]
) -> dict[str, dict[str, str]]:
    """{word: {language: label}} from the group's words_<language> mappings."""
    labels: dict[str, dict[str, str]] = {}
    for name in group:
        sibling = translation_field(str(name), ("words",))
        if not sibling:
            continue
        language = sibling[1]
        mapping = group[name]
        if not isinstance(mapping, dict):
            raise FeelingsDataError(f"{where}: {name} must map each word to its label")
        seen = labels_seen.setdefault(language, set())
        for word, label in mapping.items():
            if word not in words:
                raise FeelingsDataError(f"{where}: {name} has {word!r}, not a word of the group")
            if not isinstance(label, str) or not label.strip():
                raise FeelingsDataError(f"{where}: {name} needs a label for {word!r}")
            if label.strip().lower() in seen:
                raise FeelingsDataError(f"{where}: {name} gives {label!r} to a second word")
            seen.add(label.strip().lower())
            labels.setdefault(word, {})[language] = label.strip()
    return labels
