"""Content in the reader's language: the rule every content loader follows.

Content is data (hearthside/data/): the question bank and its tags, the
coach's texts, the feeling words, the weekly check-in and the reply guidance
of shares. Each data file keeps its English text, and every translation sits
right beside it, so a reviewer reads both together and a missing one shows
as a gap:

    text: "When do you most want to be held?"
    text_es: "¿En qué momentos tienes más ganas de que te abrace?"

A translatable field ``F`` may have a sibling ``F_<language>`` per language
(a code Django knows, such as ``es``), holding the same kind of value: a text,
or a list of texts. A list of stored values, such as the feeling words, is
translated by a mapping from each value to its text. Loaders refuse any
other field, and a translation for a key that does not exist, naming the file
and the key. A missing translation is shown in English, and
tests/content/test_translations.py fails until it is written.

What a person sees follows the language active for their request
(``django.utils.translation.get_language()``), so each partner of a pair may
read in a different one. Stable keys, slugs and stored values never change
with it; words people write themselves are never translated.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation

ENGLISH = "en"
T = TypeVar("T")


def translation_languages() -> tuple[str, ...]:
    """The languages the site offers besides English: content should be in each."""
    return tuple(code for code, _ in settings.LANGUAGES if code != ENGLISH)


def active_language() -> str:
    # The coach's accuracy bench runs without Django settings: English there.
    if not settings.configured:
        return ENGLISH
    return translation.get_language() or ENGLISH


def in_active_language(english: T, translations: Mapping[str, T]) -> T:
    """The translation for the active language ("es-mx" falls back to "es"),
    else the English."""
    language = active_language()
    if language == ENGLISH:
        return english
    return translations.get(language) or translations.get(language.split("-")[0]) or english


@dataclass(frozen=True)
class Translated(Generic[T]):
    """A content text (or list of texts) in English with its translations.

    Like Django's lazy translations, it is read when shown: ``shown`` (and
    ``str()``, which templates use) give the active language's version."""

    english: T
    translations: Mapping[str, T] = field(default_factory=dict)

    @property
    def shown(self) -> T:
        return in_active_language(self.english, self.translations)

    @property
    def versions(self) -> tuple[T, ...]:
        """The English and every translation."""
        return (self.english, *self.translations.values())

    def __str__(self) -> str:
        return str(self.shown)


def translation_field(name: str, translatable: Collection[str]) -> tuple[str, str] | None:
    """``(field, language)`` when ``name`` is ``<field>_<language>`` for one of
    the ``translatable`` fields, else None."""
    field_name, _, language = name.rpartition("_")
    if field_name in translatable and language in LANG_INFO and language != ENGLISH:
        return field_name, language
    return None


def unknown_fields(
    entry: Mapping, known: Collection[str], translatable: Collection[str] = ()
) -> list[str]:
    """The names in a data entry that are neither ``known`` nor a translation
    of one of the ``translatable`` fields, sorted for a stable message."""
    return sorted(
        str(name)
        for name in entry
        if name not in known and not translation_field(str(name), translatable)
    )


def translations_of(entry: Mapping, field_name: str) -> dict[str, object]:
    """``{language: value}`` of the ``<field_name>_<language>`` siblings in ``entry``."""
    found = {}
    for name, value in entry.items():
        sibling = translation_field(str(name), (field_name,))
        if sibling:
            found[sibling[1]] = value
    return found


def translated_text(
    entry: Mapping,
    name: str,
    where: str,
    error: type[Exception] = ValueError,
    *,
    tidy: bool = True,
) -> Translated[str]:
    """``entry[name]`` with its ``<name>_<language>`` siblings, each of them
    non-empty text (else ``error``, saying ``where``). ``tidy`` folds line
    breaks and runs of spaces, as YAML's folded blocks leave them."""
    texts = {ENGLISH: entry.get(name), **translations_of(entry, name)}
    for language, text in texts.items():
        if not isinstance(text, str) or not text.strip():
            written = name if language == ENGLISH else f"{name}_{language}"
            raise error(f"{where}: '{written}' must be non-empty text")
    if tidy:
        texts = {language: " ".join(text.split()) for language, text in texts.items()}
    english = texts.pop(ENGLISH)
    return Translated(english, texts)
