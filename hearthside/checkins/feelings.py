"""The curated feeling words of the daily check-in (data/checkins/feelings.yaml)."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings


class FeelingsDataError(ValueError):
    pass


@dataclass(frozen=True)
class FeelingGroup:
    name: str
    words: tuple[str, ...]


def feelings_file() -> Path:
    return settings.CONTENT_DIR / "checkins" / "feelings.yaml"


@cache
def feeling_groups() -> tuple[FeelingGroup, ...]:
    return read_feelings(feelings_file())


@cache
def feeling_words() -> frozenset[str]:
    return frozenset(word for group in feeling_groups() for word in group.words)


def read_feelings(path: Path) -> tuple[FeelingGroup, ...]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups, seen = [], set()
    for position, group in enumerate(document.get("groups") or [], start=1):
        name, words = group.get("name"), group.get("words")
        if not isinstance(name, str) or not name.strip():
            raise FeelingsDataError(f"{path.name}: group {position} needs a name")
        if not isinstance(words, list) or not words:
            raise FeelingsDataError(f"{path.name}: group {name!r} has no words")
        for word in words:
            if not isinstance(word, str) or word != word.strip().lower() or not word:
                raise FeelingsDataError(f"{path.name}: {word!r} should be one lowercase word")
            if word in seen:
                raise FeelingsDataError(f"{path.name}: {word!r} is listed twice")
            seen.add(word)
        groups.append(FeelingGroup(name=name.strip(), words=tuple(words)))
    if not groups:
        raise FeelingsDataError(f"{path.name}: no groups of feeling words")
    return tuple(groups)
