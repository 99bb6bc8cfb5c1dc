"""Loading the question bank from its data files.

Each file holds one category and its questions (see data/questions/). Loading
is idempotent: questions are matched by their stable key, changed ones are
updated, and questions that left the files are retired, never deleted, because
pairs' histories still point at them.

A category's name and description and a question's text are written in
English, each with its translations beside it (``text_es``; see
hearthside/content.py). They are loaded into the row's ``translations``; a
missing one is shown in English, and the load report counts them.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from hearthside.content import (
    Translated,
    translated_text,
    translation_languages,
    translations_of,
    unknown_fields,
)

from .models import Category, Question

# libyaml's loader when PyYAML was built with it: several times faster.
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
QUESTION_FIELDS = {"key", "depth", "tags", "text"}
CATEGORY_FIELDS = {"slug", "name", "description", "order"}
TEXT_MAX_CHARS = 300


class BankError(ValueError):
    pass


@dataclass(frozen=True)
class Tag:
    """A tag questions may carry ("date-night"), with how it is shown."""

    slug: str
    name: Translated[str]

    @property
    def label(self) -> str:
        return self.name.shown


def tags_file() -> Path:
    return settings.CONTENT_DIR / "question-tags.yaml"


@cache
def question_tags() -> dict[str, Tag]:
    """The tags a question may carry, by slug, in the order of the file."""
    path = tags_file()
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = document.get("tags") if isinstance(document, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise BankError(f"{path.name}: needs a 'tags' mapping of slugs")
    tags = {}
    for slug, entry in entries.items():
        where = f"{path.name}, tag {slug!r}"
        if not isinstance(entry, dict) or unknown_fields(entry, {"name"}, {"name"}):
            raise BankError(f"{where}: needs a name, and may add name_<language>")
        tags[slug] = Tag(slug, translated_text(entry, "name", where, BankError))
    return tags


@dataclass
class LoadReport:
    categories: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    # Per language, the questions still shown in English there.
    untranslated: dict[str, int] = field(default_factory=dict)

    def __str__(self):
        missing = "".join(
            f"; {count} not yet translated ({language})"
            for language, count in self.untranslated.items()
            if count
        )
        return (
            f"{self.categories} categories; questions: {self.created} new, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.retired} retired{missing}"
        )


def default_bank_dir() -> Path:
    return settings.CONTENT_DIR / "questions"


def read_bank(directory: Path) -> list[dict]:
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise BankError(f"No question files (*.yaml) in {directory}")
    documents, seen_keys = [], {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            document = yaml.load(text, Loader=YamlLoader) or {}  # noqa: S506 (a safe loader)
        except yaml.YAMLError as problem:
            raise BankError(f"{path.name}: not valid YAML ({problem})") from problem
        _validate(document, path.name, seen_keys)
        documents.append(document)
    return documents


def _validate(document: dict, name: str, seen_keys: dict[str, str]) -> None:
    if not isinstance(document, dict):
        raise BankError(f"{name}: expected a category and its questions")
    category = document.get("category")
    category = category if isinstance(category, dict) else {}
    for required in ("slug", "name"):
        if not isinstance(category.get(required), str) or not category[required].strip():
            raise BankError(f"{name}: the category needs a {required}")
    unknown = unknown_fields(category, CATEGORY_FIELDS, ("name", "description"))
    if unknown:
        raise BankError(f"{name}: the category has unknown field(s) {unknown}")
    for translated in sorted(set(category) - CATEGORY_FIELDS):
        _check_text(category[translated], f"{name}, the category's {translated}")
    questions = document.get("questions")
    if not isinstance(questions, list) or not questions:
        raise BankError(f"{name}: no questions")
    for position, question in enumerate(questions, start=1):
        where = f"{name}, question {position}"
        if not isinstance(question, dict) or QUESTION_FIELDS - question.keys():
            raise BankError(f"{where}: needs the fields {sorted(QUESTION_FIELDS)}")
        unknown = unknown_fields(question, QUESTION_FIELDS, ("text",))
        if unknown:
            raise BankError(
                f"{where}: unknown field(s) {unknown}; a translation is text_<language>"
            )
        key = question["key"]
        if not isinstance(key, str) or not 0 < len(key) <= 40:
            raise BankError(f"{where}: key must be text of 1 to 40 characters")
        if key in seen_keys:
            raise BankError(f"{where}: key {key!r} is used in {seen_keys[key]} too")
        seen_keys[key] = name
        if question["depth"] not in (1, 2, 3):
            raise BankError(f"{where} ({key}): depth must be 1, 2 or 3")
        for text_field in sorted(set(question) - {"key", "depth", "tags"}):
            _check_text(question[text_field], f"{where} ({key}): {text_field}")
        tags, known = question["tags"], question_tags()
        if not isinstance(tags, list) or not tags or not set(tags) <= known.keys():
            raise BankError(f"{where} ({key}): tags must be a non-empty list from {sorted(known)}")


def _check_text(text: object, where: str) -> None:
    if not isinstance(text, str) or not text.strip() or len(text) > TEXT_MAX_CHARS:
        raise BankError(f"{where} must be 1 to {TEXT_MAX_CHARS} characters")


def _translations(entry: dict, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The row's ``translations`` from an entry's ``<field>_<language>`` siblings."""
    found: dict[str, dict[str, str]] = {}
    for name in fields:
        for language, text in translations_of(entry, name).items():
            found.setdefault(language, {})[name] = text.strip()
    return found


@transaction.atomic
def load_bank(directory: Path | None = None) -> LoadReport:
    documents = read_bank(directory or default_bank_dir())
    report = LoadReport(untranslated=dict.fromkeys(translation_languages(), 0))
    existing = {question.key: question for question in Question.objects.all()}
    loaded_keys, new_questions = set(), []
    for document in documents:
        meta = document["category"]
        category, _ = Category.objects.update_or_create(
            slug=meta["slug"],
            defaults={
                "name_en": meta["name"],
                "description_en": meta.get("description", ""),
                "order": meta.get("order", 0),
                "translations": _translations(meta, ("name", "description")),
            },
        )
        report.categories += 1
        for item in document["questions"]:
            loaded_keys.add(item["key"])
            wanted = {
                "category_id": category.pk,
                "depth": item["depth"],
                "text_en": item["text"].strip(),
                "translations": _translations(item, ("text",)),
                "tags": sorted(item["tags"]),
                "active": True,
            }
            for language in report.untranslated.keys() - wanted["translations"].keys():
                report.untranslated[language] += 1
            question = existing.get(item["key"])
            if question is None:
                new_questions.append(Question(key=item["key"], **wanted))
            elif any(getattr(question, name) != value for name, value in wanted.items()):
                Question.objects.filter(pk=question.pk).update(**wanted)
                report.updated += 1
            else:
                report.unchanged += 1
    Question.objects.bulk_create(new_questions)
    report.created = len(new_questions)
    report.retired = (
        Question.objects.filter(active=True).exclude(key__in=loaded_keys).update(active=False)
    )
    return report
