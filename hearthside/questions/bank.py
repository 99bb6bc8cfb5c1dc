"""Loading the question bank from its data files.

Each file holds one category and its questions (see data/questions/). Loading
is idempotent: questions are matched by their stable key, changed ones are
updated, and questions that left the files are retired, never deleted, because
pairs' histories still point at them.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from .models import Category, Question

# libyaml's loader when PyYAML was built with it: several times faster.
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TAGS = frozenset(
    {"date-night", "long-distance", "new-couple", "long-together", "playful", "reflective"}
)
QUESTION_FIELDS = {"key", "depth", "tags", "text"}


class BankError(ValueError):
    pass


@dataclass
class LoadReport:
    categories: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0

    def __str__(self):
        return (
            f"{self.categories} categories; questions: {self.created} new, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.retired} retired"
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
    for field in ("slug", "name"):
        if not isinstance(category.get(field), str) or not category[field].strip():
            raise BankError(f"{name}: the category needs a {field}")
    questions = document.get("questions")
    if not isinstance(questions, list) or not questions:
        raise BankError(f"{name}: no questions")
    for position, question in enumerate(questions, start=1):
        where = f"{name}, question {position}"
        if not isinstance(question, dict) or set(question) != QUESTION_FIELDS:
            raise BankError(f"{where}: needs exactly the fields {sorted(QUESTION_FIELDS)}")
        key = question["key"]
        if not isinstance(key, str) or not 0 < len(key) <= 40:
            raise BankError(f"{where}: key must be text of 1 to 40 characters")
        if key in seen_keys:
            raise BankError(f"{where}: key {key!r} is used in {seen_keys[key]} too")
        seen_keys[key] = name
        if question["depth"] not in (1, 2, 3):
            raise BankError(f"{where} ({key}): depth must be 1, 2 or 3")
        text = question["text"]
        if not isinstance(text, str) or not text.strip() or len(text) > 300:
            raise BankError(f"{where} ({key}): text must be 1 to 300 characters")
        tags = question["tags"]
        if not isinstance(tags, list) or not tags or not set(tags) <= TAGS:
            raise BankError(f"{where} ({key}): tags must be a non-empty list from {sorted(TAGS)}")


@transaction.atomic
def load_bank(directory: Path | None = None) -> LoadReport:
    documents = read_bank(directory or default_bank_dir())
    report = LoadReport()
    existing = {question.key: question for question in Question.objects.all()}
    loaded_keys, new_questions = set(), []
    for document in documents:
        meta = document["category"]
        category, _ = Category.objects.update_or_create(
            slug=meta["slug"],
            defaults={
                "name": meta["name"],
                "description": meta.get("description", ""),
                "order": meta.get("order", 0),
            },
        )
        report.categories += 1
        for item in document["questions"]:
            loaded_keys.add(item["key"])
            wanted = {
                "category_id": category.pk,
                "depth": item["depth"],
                "text": item["text"].strip(),
                "tags": sorted(item["tags"]),
                "active": True,
            }
            question = existing.get(item["key"])
            if question is None:
                new_questions.append(Question(key=item["key"], **wanted))
            elif any(getattr(question, field) != value for field, value in wanted.items()):
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
