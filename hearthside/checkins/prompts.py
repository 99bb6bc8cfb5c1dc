"""The weekly check-in's questions and its agenda's guidance
(data/checkins/weekly.yaml), in the reader's language.

The file keys each question by the answer field of WeeklyCheckIn it fills, so
it must name exactly those fields; the texts are data, in English with their
translations beside them (see hearthside/content.py).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from hearthside.content import Translated, translated_text, unknown_fields

from .models import WEEKLY_ANSWERS

AGENDA_FIELDS = {"key", "title", "guidance"}


class WeeklyDataError(ValueError):
    pass


@dataclass(frozen=True)
class AgendaGuide:
    key: str  # the answer the step gathers
    title: Translated[str]
    guidance: Translated[str]


@dataclass(frozen=True)
class WeeklyTexts:
    questions: dict[str, Translated[str]]  # by answer field, in the order asked
    agenda: tuple[AgendaGuide, ...]


def weekly_file() -> Path:
    return settings.CONTENT_DIR / "checkins" / "weekly.yaml"


def weekly_prompts() -> dict[str, str]:
    """The weekly questions by the answer each fills, in the order they are
    asked, in the reader's language."""
    return {name: question.shown for name, question in weekly_texts().questions.items()}


@cache
def weekly_texts() -> WeeklyTexts:
    return read_weekly(weekly_file())


def read_weekly(path: Path) -> WeeklyTexts:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    questions = document.get("questions")
    if not isinstance(questions, dict) or set(questions) != set(WEEKLY_ANSWERS):
        raise WeeklyDataError(f"{path.name}: 'questions' needs exactly {list(WEEKLY_ANSWERS)}")
    agenda = document.get("agenda")
    if not isinstance(agenda, list) or not agenda:
        raise WeeklyDataError(f"{path.name}: 'agenda' needs a list of steps")
    return WeeklyTexts(
        questions={
            name: _question(questions[name], f"{path.name}, question {name!r}")
            for name in WEEKLY_ANSWERS
        },
        agenda=tuple(
            _agenda_guide(step, f"{path.name}, agenda step {number}")
            for number, step in enumerate(agenda, 1)
        ),
    )


def _question(entry: object, where: str) -> Translated[str]:
    if not isinstance(entry, dict) or unknown_fields(entry, {"text"}, {"text"}):
        raise WeeklyDataError(f"{where}: needs a text, and may add text_<language>")
    return translated_text(entry, "text", where, WeeklyDataError)


def _agenda_guide(step: object, where: str) -> AgendaGuide:
    if not isinstance(step, dict) or step.get("key") not in WEEKLY_ANSWERS:
        raise WeeklyDataError(f"{where}: 'key' must be one of {list(WEEKLY_ANSWERS)}")
    unknown = unknown_fields(step, AGENDA_FIELDS, AGENDA_FIELDS - {"key"})
    if unknown:
        raise WeeklyDataError(f"{where}: unknown field(s) {unknown}")
    return AgendaGuide(
        key=step["key"],
        title=translated_text(step, "title", where, WeeklyDataError),
        guidance=translated_text(step, "guidance", where, WeeklyDataError),
    )
