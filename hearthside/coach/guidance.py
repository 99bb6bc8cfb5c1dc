"""The listening coach's guidance: gentler patterns, openers and its limits.

Kept in hearthside/data/coach/guidance.yaml, in our own words, so it can be
edited and translated as content rather than code. Each section has its
translations beside it (``openers_es``; see hearthside/content.py), holding
the same keys or fewer; what is missing is shown in English.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hearthside.content import Translated, translated_text, translations_of, unknown_fields

from .rules import CONTEXTS, DATA_DIR, KINDS, RuleDataError, read_yaml

GENERAL = "general"
SECTIONS = ("gentler_patterns", "openers", "limits")


@dataclass(frozen=True)
class Guidance:
    gentler_patterns: dict[str, Translated[str]]
    openers: dict[str, Translated[tuple[str, ...]]]
    limits: Translated[str]

    def gentler_pattern_for(self, kind: str | None) -> str:
        return self.gentler_patterns[kind or GENERAL].shown

    def openers_for(self, context: str) -> tuple[str, ...]:
        return self.openers[context].shown


def load_guidance(path: str | Path | None = None) -> Guidance:
    """Load and check guidance.yaml once (or another file with the same shape)."""
    return _load_guidance(Path(path).resolve() if path else DATA_DIR / "guidance.yaml")


@cache
def _load_guidance(path: Path) -> Guidance:
    document = read_yaml(path)
    unknown = unknown_fields(document, SECTIONS, SECTIONS)
    if unknown:
        raise RuleDataError(f"{path}: unknown section(s) {unknown}")
    patterns = _by_key(document, "gentler_patterns", {GENERAL, *KINDS}, path, _pattern)
    openers = _by_key(document, "openers", set(CONTEXTS), path, _openers)
    return Guidance(
        gentler_patterns=patterns,
        openers=openers,
        limits=translated_text(document, "limits", str(path), RuleDataError),
    )


def _by_key(document: dict, section: str, keys: set[str], path: Path, read) -> dict:
    """A section keyed by kind or context: the English needs exactly ``keys``,
    each translation some of them."""
    english = document.get(section)
    if not isinstance(english, dict) or set(english) != keys:
        raise RuleDataError(f"{path}: {section!r} needs exactly {sorted(keys)}")
    translations = translations_of(document, section)
    for language, translated in translations.items():
        if not isinstance(translated, dict) or not set(translated) <= keys:
            raise RuleDataError(f"{path}: '{section}_{language}' may only hold {sorted(keys)}")
    return {
        key: Translated(
            read(english[key], f"{path}, {section} {key!r}"),
            {
                language: read(translated[key], f"{path}, {section}_{language} {key!r}")
                for language, translated in translations.items()
                if key in translated
            },
        )
        for key in keys
    }


def _pattern(text: object, where: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise RuleDataError(f"{where}: must be non-empty text")
    return _tidy(text)


def _openers(lines: object, where: str) -> tuple[str, ...]:
    if not isinstance(lines, list) or not 2 <= len(lines) <= 3:
        raise RuleDataError(f"{where}: must be a list of 2 or 3 lines")
    return tuple(_pattern(line, where) for line in lines)


def _tidy(text: str) -> str:
    return " ".join(text.split())
