"""What the reply screen suggests, by the mode the sharer chose.

"Just listen" offers ways to reflect, name the feeling and ask to hear more,
and nothing that steers towards advice; only "help me think" offers help.
The texts are content (data/shares/reply-guidance.yaml), in English with
their translations beside them (see hearthside/content.py); ``guidance_for``
gives them in the reader's language.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from hearthside.content import Translated, translated_text, translations_of, unknown_fields

from .models import ShareMode

STARTER_FIELDS = {"label", "text"}
MODE_FIELDS = {"heading", "intro", "steps", "starters"}
SHARER = "{name}"


class GuidanceDataError(ValueError):
    pass


@dataclass(frozen=True)
class Starter:
    key: str
    label: str
    text: str


@dataclass(frozen=True)
class ReplyGuidance:
    mode: str
    heading: str  # "{name}" is the sharer
    intro: str
    steps: tuple[str, ...]
    starters: tuple[Starter, ...]

    def for_sharer(self, name: str) -> "ReplyGuidance":
        return ReplyGuidance(
            mode=self.mode,
            heading=self.heading.format(name=name),
            intro=self.intro.format(name=name),
            steps=tuple(step.format(name=name) for step in self.steps),
            starters=self.starters,
        )

    def starter(self, key: str | None) -> Starter | None:
        return next((starter for starter in self.starters if starter.key == key), None)


@dataclass(frozen=True)
class _Texts:
    """One mode's guidance as written, in every language."""

    heading: Translated[str]
    intro: Translated[str]
    steps: Translated[tuple[str, ...]]
    starters: tuple[tuple[str, Translated[str], Translated[str]], ...]  # key, label, text


def guidance_for(mode: str) -> ReplyGuidance:
    """The guidance for a share of ``mode``, in the reader's language."""
    texts = _all_guidance()[ShareMode(mode)]
    return ReplyGuidance(
        mode=mode,
        heading=texts.heading.shown,
        intro=texts.intro.shown,
        steps=texts.steps.shown,
        starters=tuple(
            Starter(key, label.shown, text.shown) for key, label, text in texts.starters
        ),
    )


def guidance_file() -> Path:
    return settings.CONTENT_DIR / "shares" / "reply-guidance.yaml"


@cache
def _all_guidance() -> dict[str, _Texts]:
    return read_guidance(guidance_file())


def read_guidance(path: Path) -> dict[str, _Texts]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    starters, modes = document.get("starters"), document.get("modes")
    if not isinstance(starters, dict) or not starters:
        raise GuidanceDataError(f"{path.name}: needs a 'starters' mapping")
    if not isinstance(modes, dict) or set(modes) != set(ShareMode.values):
        raise GuidanceDataError(f"{path.name}: 'modes' needs exactly {ShareMode.values}")
    starter_texts = {
        key: _starter(entry, f"{path.name}, starter {key!r}") for key, entry in starters.items()
    }
    return {
        ShareMode(mode): _mode(entry, starter_texts, f"{path.name}, mode {mode!r}")
        for mode, entry in modes.items()
    }


def _starter(entry: object, where: str) -> tuple[Translated[str], Translated[str]]:
    if not isinstance(entry, dict) or unknown_fields(entry, STARTER_FIELDS, STARTER_FIELDS):
        raise GuidanceDataError(f"{where}: needs a label and a text, and their translations")
    # A starter's trailing space leaves the sentence open for the replier.
    return (
        translated_text(entry, "label", where, GuidanceDataError),
        translated_text(entry, "text", where, GuidanceDataError, tidy=False),
    )


def _mode(entry: object, starters: dict, where: str) -> _Texts:
    if not isinstance(entry, dict) or unknown_fields(
        entry, MODE_FIELDS, MODE_FIELDS - {"starters"}
    ):
        raise GuidanceDataError(f"{where}: expects {sorted(MODE_FIELDS)} and their translations")
    keys = entry.get("starters")
    if not isinstance(keys, list) or not keys or not set(keys) <= starters.keys():
        raise GuidanceDataError(f"{where}: 'starters' must list keys of starters")
    texts = _Texts(
        heading=translated_text(entry, "heading", where, GuidanceDataError),
        intro=translated_text(entry, "intro", where, GuidanceDataError),
        steps=Translated(
            _steps(entry.get("steps"), f"{where}, steps"),
            {
                language: _steps(steps, f"{where}, steps_{language}")
                for language, steps in translations_of(entry, "steps").items()
            },
        ),
        starters=tuple((key, *starters[key]) for key in keys),
    )
    steps = [step for version in texts.steps.versions for step in version]
    for text in (*texts.heading.versions, *texts.intro.versions, *steps):
        _check_placeholders(text, where)
    return texts


def _steps(steps: object, where: str) -> tuple[str, ...]:
    if not isinstance(steps, list) or not steps:
        raise GuidanceDataError(f"{where}: must be a list of texts")
    if not all(isinstance(step, str) and step.strip() for step in steps):
        raise GuidanceDataError(f"{where}: every step must be non-empty text")
    return tuple(" ".join(step.split()) for step in steps)


def _check_placeholders(text: str, where: str) -> None:
    """Only the sharer's name may be filled in: any other brace is a typo."""
    try:
        text.format(name="")
    except (KeyError, IndexError, ValueError) as problem:
        raise GuidanceDataError(f"{where}: {text!r} may only use {SHARER}") from problem
