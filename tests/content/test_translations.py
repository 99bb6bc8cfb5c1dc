"""Every content text is translated into each language the site offers, and
no translation is empty, left behind by a key that is gone, or the English
copied by accident. (How content is translated: hearthside/content.py.)"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from hearthside.checkins.feelings import FeelingsDataError, feeling_groups, read_feelings
from hearthside.checkins.prompts import WeeklyDataError, read_weekly, weekly_file, weekly_texts
from hearthside.coach import RuleDataError, load_rules
from hearthside.coach.guidance import load_guidance
from hearthside.coach.rules import DATA_DIR, SHOWN_FIELDS
from hearthside.content import Translated, translation_languages, translations_of
from hearthside.questions.bank import default_bank_dir, question_tags, read_bank
from hearthside.shares.guidance import GuidanceDataError, guidance_file, read_guidance

LANGUAGES = translation_languages()

# Texts that are rightly the same in English and in a translation, by
# language: a name or a loanword ("karaoke"), never a sentence. None so far;
# each one added must still be in use (see below), so the list cannot go stale.
SAME_IN_BOTH: dict[str, frozenset[str]] = {"es": frozenset()}


def content_texts() -> Iterator[tuple[str, Translated]]:
    """Every translatable text of the content data, named by where it is."""
    for document in read_bank(default_bank_dir()):
        category = document["category"]
        for name in ("name", "description"):
            where = f"questions/{category['slug']}.yaml, category {name}"
            yield where, Translated(category[name], translations_of(category, name))
        for question in document["questions"]:
            where = f"questions/{category['slug']}.yaml, {question['key']}"
            yield where, Translated(question["text"], translations_of(question, "text"))
    for tag in question_tags().values():
        yield f"question-tags.yaml, {tag.slug}", tag.name
    for rule in load_rules():
        for name in SHOWN_FIELDS:
            yield f"coach rule {rule.id}, {name}", getattr(rule, name)
    guidance = load_guidance()
    for kind, pattern in guidance.gentler_patterns.items():
        yield f"coach/guidance.yaml, gentler pattern {kind}", pattern
    for context, openers in guidance.openers.items():
        yield f"coach/guidance.yaml, openers {context}", openers
    yield "coach/guidance.yaml, limits", guidance.limits
    for group in feeling_groups():
        yield f"checkins/feelings.yaml, group {group.name.english}", group.name
        for word in group.words:
            yield f"checkins/feelings.yaml, word {word.value}", word.name
    weekly = weekly_texts()
    for name, question in weekly.questions.items():
        yield f"checkins/weekly.yaml, question {name}", question
    for guide in weekly.agenda:
        yield f"checkins/weekly.yaml, agenda {guide.key} title", guide.title
        yield f"checkins/weekly.yaml, agenda {guide.key} guidance", guide.guidance
    for mode, texts in read_guidance(guidance_file()).items():
        where = f"shares/reply-guidance.yaml, mode {mode}"
        yield f"{where} heading", texts.heading
        yield f"{where} intro", texts.intro
        yield f"{where} steps", texts.steps
        for key, label, text in texts.starters:
            yield f"{where} starter {key} label", label
            yield f"{where} starter {key} text", text


def pieces(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return (text,) if isinstance(text, str) else text


def test_the_site_offers_a_language_besides_english():
    assert "es" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_content_text_has_a_translation(language):
    missing = [where for where, text in content_texts() if language not in text.translations]
    assert missing == [], f"No {language} text for {len(missing)}: {missing[:20]}"


def copied_from_english(texts, language: str) -> list[tuple[str, str]]:
    """(where, text) of each translation that is empty or reads like its English."""
    allowed = SAME_IN_BOTH.get(language, frozenset())
    found = []
    for where, text in texts:
        english = {piece.strip().casefold() for piece in pieces(text.english)}
        for piece in pieces(text.translations.get(language, ())):
            if not piece.strip() or (piece.strip().casefold() in english and piece not in allowed):
                found.append((where, piece))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_empty_or_the_english_copied_by_accident(language):
    assert copied_from_english(content_texts(), language) == []


def test_a_translation_that_repeats_its_english_is_caught():
    texts = [
        ("a title", Translated("Sarcasm", {"es": "sarcasm "})),
        ("some steps", Translated(("Breathe.", "Listen."), {"es": ("Respira.", "Listen.")})),
    ]
    assert copied_from_english(texts, "es") == [("a title", "sarcasm "), ("some steps", "Listen.")]


def test_every_text_allowed_to_match_the_english_is_still_in_use():
    in_use = {
        (language, piece)
        for _, text in content_texts()
        for language, translated in text.translations.items()
        for piece in pieces(translated)
        if piece.strip().casefold() in {p.strip().casefold() for p in pieces(text.english)}
    }
    allowed = {(language, piece) for language, same in SAME_IN_BOTH.items() for piece in same}
    assert allowed <= in_use


def without_line(path: Path, line: str) -> str:
    content = path.read_text(encoding="utf-8")
    assert line in content
    return content.replace(line, "", 1)


FEELINGS = "groups:\n  - name: At ease\n    words: [calm]\n"
LEFT_BEHIND = {
    "a feeling word that is gone": (
        "feelings.yaml",
        FEELINGS + "    words_es: {calm: calma, sleepy: sueño}\n",
        read_feelings,
        FeelingsDataError,
        "group 'At ease': words_es has 'sleepy', not a word of the group",
    ),
    "a weekly question whose English is gone": (
        "weekly.yaml",
        without_line(weekly_file(), '    text: "What went well for us this week?"\n'),
        read_weekly,
        WeeklyDataError,
        "question 'went_well': 'text' must be non-empty text",
    ),
    "openers for a coach context that is gone": (
        "guidance.yaml",
        (DATA_DIR / "guidance.yaml")
        .read_text(encoding="utf-8")
        .replace("openers_es:\n", "openers_es:\n  vent: [Hola …, Dime …]\n"),
        load_guidance,
        RuleDataError,
        "'openers_es' may only hold",
    ),
    "a reply starter whose English is gone": (
        "reply-guidance.yaml",
        without_line(guidance_file(), '    label: "Say back what you heard"\n'),
        read_guidance,
        GuidanceDataError,
        "starter 'reflect': 'label' must be non-empty text",
    ),
}


@pytest.mark.parametrize("case", LEFT_BEHIND.values(), ids=LEFT_BEHIND.keys())
def test_a_translation_left_without_its_english_is_refused_naming_file_and_key(tmp_path, case):
    name, content, read, error, message = case
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as refused:
        read(path)
    assert name in str(refused.value)
    assert message in str(refused.value)
