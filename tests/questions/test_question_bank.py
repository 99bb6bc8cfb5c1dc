"""The question bank: loaded from its data files, idempotently."""

import re
import shutil
from collections import Counter
from datetime import date

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import translation

from hearthside.questions import services
from hearthside.questions.bank import BankError, default_bank_dir, load_bank
from hearthside.questions.models import Category, DailyQuestion, Depth, Question

from .simulation import consecutive_days, live, switch_off_all_but


@pytest.fixture
def bank_copy(tmp_path):
    """A copy of the real bank to edit."""
    directory = tmp_path / "questions"
    shutil.copytree(default_bank_dir(), directory)
    return directory


def edit(directory, file_name: str, change) -> None:
    path = directory / file_name
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def snapshot() -> list[tuple]:
    return list(
        Question.objects.order_by("key").values_list(
            "key", "text_en", "translations", "depth", "active"
        )
    )


def test_the_bank_holds_at_least_300_questions_of_every_depth_in_every_category(bank):
    assert Question.objects.filter(active=True).count() >= 300
    for category in Category.objects.all():
        depths = Counter(Question.objects.filter(category=category).values_list("depth", flat=True))
        assert set(depths) == set(Depth.values), category.slug


def test_loading_the_bank_again_changes_nothing(bank):
    before = snapshot()
    report = load_bank()
    assert (report.created, report.updated, report.retired) == (0, 0, 0)
    assert report.unchanged == len(before)
    assert snapshot() == before


def test_an_edited_question_is_updated_in_place(db, bank_copy):
    load_bank(bank_copy)
    question = Question.objects.get(key="values-001")

    def reword(document):
        document["questions"][0]["text"] = "Which kindness from a stranger stayed with you?"

    edit(bank_copy, "values.yaml", reword)
    report = load_bank(bank_copy)

    assert (report.created, report.updated, report.retired) == (0, 1, 0)
    question.refresh_from_db()
    assert question.text == "Which kindness from a stranger stayed with you?"


def test_an_edited_translation_is_updated_in_place(db, bank_copy):
    load_bank(bank_copy)

    edit(bank_copy, "values.yaml", set_field(0, "text_es", "¿Qué amabilidad te marcó?"))
    report = load_bank(bank_copy)

    assert (report.created, report.updated, report.retired) == (0, 1, 0)
    with translation.override("es"):
        assert Question.objects.get(key="values-001").text == "¿Qué amabilidad te marcó?"


def test_a_question_not_yet_translated_is_shown_in_english_and_counted(db, bank_copy):
    edit(bank_copy, "values.yaml", drop_field(0, "text_es"))

    report = load_bank(bank_copy)

    assert report.untranslated == {"es": 1}
    assert "1 not yet translated (es)" in str(report)
    question = Question.objects.get(key="values-001")
    with translation.override("es"):
        assert question.text == question.text_en


def test_a_question_removed_from_the_files_is_retired_and_never_asked_again(
    db, bank_copy, make_person, pair_up, clock
):
    load_bank(bank_copy)
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    switch_off_all_but(alex, [Category.objects.get(slug="values")])
    removed = Question.objects.get(key="values-002")

    edit(bank_copy, "values.yaml", lambda document: document["questions"].pop(1))
    report = load_bank(bank_copy)

    assert report.retired == 1
    removed.refresh_from_db()
    assert not removed.active
    pool = Question.objects.filter(category__slug="values").count()
    asked = live(clock, alex, sam, consecutive_days(date(2034, 1, 1), pool + 2)).questions
    assert removed.pk not in asked


def test_a_retired_question_stays_in_the_history_of_pairs_who_answered_it(
    db, bank_copy, make_person, pair_up, clock
):
    load_bank(bank_copy)
    alex, sam = make_person("Alex"), make_person("Sam")
    pair_up(alex, sam)
    clock.set_day(date(2034, 1, 1))
    daily = services.todays_question(alex)
    services.answer_question(alex, daily.pk, "Mine")
    services.answer_question(sam, daily.pk, "And mine")
    asked_key = daily.question.key
    file_name = f"{daily.question.category.slug}.yaml"

    def drop_asked(document):
        document["questions"] = [q for q in document["questions"] if q["key"] != asked_key]

    edit(bank_copy, file_name, drop_asked)
    load_bank(bank_copy)

    [shared] = services.shared_history(sam)
    assert shared.daily.pk == daily.pk
    assert shared.daily.text == daily.question.text
    assert DailyQuestion.objects.filter(question__key=asked_key).exists()


def test_a_retired_question_put_back_in_the_files_is_asked_again(db, bank_copy):
    original = (bank_copy / "values.yaml").read_text(encoding="utf-8")
    load_bank(bank_copy)
    edit(bank_copy, "values.yaml", lambda document: document["questions"].pop(0))
    load_bank(bank_copy)

    (bank_copy / "values.yaml").write_text(original, encoding="utf-8")
    report = load_bank(bank_copy)

    assert report.updated == 1
    assert Question.objects.get(key="values-001").active


def set_field(position: int, field: str, value):
    def change(document):
        document["questions"][position][field] = value

    return change


def drop_field(position: int, field: str):
    def change(document):
        del document["questions"][position][field]

    return change


BROKEN_FILES = {
    "depth out of range": (set_field(2, "depth", 4), "values.yaml, question 3 (values-003)"),
    "empty text": (set_field(0, "text", "  "), "values.yaml, question 1 (values-001)"),
    "overlong text": (set_field(0, "text", "Why? " * 61), "values.yaml, question 1"),
    "unknown tag": (set_field(1, "tags", ["romantic"]), "values.yaml, question 2 (values-002)"),
    "no tags": (set_field(1, "tags", []), "values.yaml, question 2"),
    "missing depth": (drop_field(4, "depth"), "values.yaml, question 5"),
    "key not text": (set_field(0, "key", 17), "values.yaml, question 1"),
    "key used twice": (
        set_field(0, "key", "affection-001"),
        "values.yaml, question 1: key 'affection-001' is used in affection.yaml",
    ),
    "translation without its English": (
        drop_field(0, "text"),
        "values.yaml, question 1: needs the fields",
    ),
    "translation into no language": (
        set_field(0, "text_sp", "¿Qué?"),
        "values.yaml, question 1: unknown field(s) ['text_sp']",
    ),
    "empty translation": (
        set_field(0, "text_es", " "),
        "values.yaml, question 1 (values-001): text_es must be",
    ),
    "no category name": (lambda document: document["category"].pop("name"), "values.yaml"),
    "no questions": (lambda document: document.update(questions=[]), "values.yaml: no questions"),
}


@pytest.mark.parametrize("breakage", BROKEN_FILES.values(), ids=BROKEN_FILES.keys())
def test_a_broken_data_file_is_refused_naming_the_file_and_question(bank, bank_copy, breakage):
    change, where = breakage
    before = snapshot()
    edit(bank_copy, "values.yaml", change)

    with pytest.raises(BankError, match="^" + re.escape(where)):
        load_bank(bank_copy)

    assert snapshot() == before


def test_a_file_that_is_not_yaml_is_refused_naming_it(bank, bank_copy):
    before = snapshot()
    (bank_copy / "values.yaml").write_text("category: [unclosed\n", encoding="utf-8")

    with pytest.raises(BankError, match=r"^values\.yaml: not valid YAML"):
        load_bank(bank_copy)

    assert snapshot() == before


def test_a_file_that_is_a_list_rather_than_a_category_is_refused_naming_it(bank, bank_copy):
    (bank_copy / "values.yaml").write_text("- What do you love?\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"^values\.yaml: expected a category and its questions"):
        load_bank(bank_copy)


def test_a_folder_without_question_files_is_refused(db, tmp_path):
    with pytest.raises(BankError, match="No question files"):
        load_bank(tmp_path)


def test_the_command_reports_a_broken_file_as_a_clear_error(bank, bank_copy):
    edit(bank_copy, "values.yaml", set_field(2, "depth", 0))
    with pytest.raises(CommandError, match=r"values\.yaml, question 3 \(values-003\)"):
        call_command("load_questions", "--from", str(bank_copy))


def test_the_command_says_what_it_loaded(db, capsys):
    call_command("load_questions")
    first = capsys.readouterr().out
    call_command("load_questions")
    second = capsys.readouterr().out
    assert "0 updated" in first and "0 retired" in first
    assert "0 new, 0 updated" in second
