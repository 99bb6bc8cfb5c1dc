"""What people send, read the same way everywhere: where to go next, whole
numbers, the day or id a page of a list starts at, dates, and text.

Views parse requests with these and services clean text with these; a second
copy of any of them is a bug waiting to happen (an unchecked ``next`` was one).
"""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from django.contrib import messages
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

from hearthside.errors import UserError

T = TypeVar("T")


def safe_next(request, fallback: str) -> str:
    """Where the form asked to go next, if that stays on this site; otherwise
    ``fallback`` (a URL name or a path). ``https://evil.example``,
    ``//evil.example`` and ``/\\evil.example`` all lead to the fallback."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(fallback)


def whole_number(raw) -> int | None:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def optional_date(raw: str | None, *, problem: str) -> date | None:
    """A date as ISO ``YYYY-MM-DD``, or None for nothing; ``problem`` for anything else."""
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as bad:
        raise UserError(problem) from bad


def page_start(request, parse: Callable[[str], T], problem: str) -> T | None:
    """Where a paged list continues: its ``before``, read by ``parse``. One
    that ``parse`` refuses (with a ValueError) shows the first page, with
    ``problem`` as a message, instead of failing."""
    raw = request.GET.get("before")
    if not raw:
        return None
    try:
        return parse(raw)
    except ValueError:
        messages.error(request, problem)
        return None


def page_day(request, problem: str) -> date | None:
    """The ``before`` day of a paged list (see ``page_start``)."""
    return page_start(request, date.fromisoformat, problem)


def page_id(request) -> int | None:
    """The ``before`` id of a list paged by id; anything else shows the first page."""
    return whole_number(request.GET.get("before"))


def clean_optional_text(raw: str | None, *, limit: int, what: str) -> str:
    text = (raw or "").strip()
    if len(text) > limit:
        raise UserError(
            f"Please keep your {what} to {limit:,} characters; this one has {len(text):,}."
        )
    return text


def clean_text(raw: str | None, *, limit: int, what: str) -> str:
    text = clean_optional_text(raw, limit=limit, what=what)
    if not text:
        raise UserError(f"Your {what} is empty. Write a few words first.")
    return text
