"""What a person wrote in pairs that have ended: theirs to keep, and theirs alone.

When a pairing ends each person keeps what they wrote. Apps register the
kinds of writing they hold with ``earlier_writing`` in their
AppConfig.ready(); the page and the API list a person's own rows of every
kind from every pair but the current one, newest first, a page at a time.

Rows are read with ``authored_by``, so only the person's own words come
back. A kind's ``describe`` may add more of the person's own words (a
check-in's private note), never the other's: a question the other wrote is
named, not quoted. It reads what it needs for all its rows of a page at once,
so a page costs the same few queries whatever the length of the history.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q, QuerySet

from hearthside.pairs.models import User
from hearthside.pairs.services import pair_context

PAGE = 20
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(frozen=True)
class Part:
    label: str
    text: str


@dataclass(frozen=True)
class Writing:
    kind: str
    id: int
    written_at: datetime
    heading: str  # what it was: a check-in of a day, the question an answer answers
    parts: tuple[Part, ...]


Describe = Callable[[User, Sequence], list[Writing]]


@dataclass(frozen=True)
class Kind:
    key: str
    model: type  # a PrivateContent model
    describe: Describe  # the rows, in the order given, as Writing
    narrow: Callable[[QuerySet], QuerySet]  # which of the person's rows, with what joined


_kinds: dict[str, Kind] = {}


def earlier_writing(key: str, model, *, narrow: Callable[[QuerySet], QuerySet] | None = None):
    """Register ``describe`` for the rows of ``model`` a person wrote;
    ``narrow`` picks which (only replies that have words, say)."""
    if "-" in key:
        raise ValueError(f"{key!r}: a kind's key names it in page links, which use '-'.")

    def register(describe: Describe) -> Describe:
        _kinds[key] = Kind(key, model, describe, narrow or (lambda rows: rows))
        return describe

    return register


@dataclass(frozen=True)
class Position:
    """Where a page of earlier writing starts: just after this item, in the
    order newest first (then by kind and id, for items of the same instant)."""

    written_at: datetime
    kind: str
    id: int

    def __str__(self):
        return f"{(self.written_at - _EPOCH) // _MICROSECOND}-{self.kind}-{self.id}"

    @classmethod
    def parse(cls, raw: str) -> "Position":
        """The position ``str`` wrote; ValueError for anything else."""
        micros, kind, row_id = raw.split("-")
        if kind not in _kinds:
            raise ValueError(f"No kind of earlier writing is called {kind!r}.")
        try:
            return cls(_EPOCH + int(micros) * _MICROSECOND, kind, int(row_id))
        except OverflowError as beyond:
            raise ValueError("That instant is out of range.") from beyond


@dataclass(frozen=True)
class EarlierWriting:
    items: list[Writing]
    next: Position | None  # where the next, older page starts


def _after(rows: QuerySet, key: str, start: Position) -> QuerySet:
    if key > start.kind:
        return rows.filter(created_at__lt=start.written_at)
    if key < start.kind:
        return rows.filter(created_at__lte=start.written_at)
    return rows.filter(
        Q(created_at__lt=start.written_at) | Q(created_at=start.written_at, pk__lt=start.id)
    )


def earlier_writing_of(viewer: User, *, before: Position | None = None) -> EarlierWriting:
    """The viewer's own writing from pairs other than their current one,
    newest first, PAGE items from ``before`` on."""
    current = pair_context(viewer).pair
    found = []
    for kind in _kinds.values():
        rows = kind.model.objects.authored_by(viewer)
        if current is not None:
            rows = rows.exclude(pair_id=current.pk)
        rows = kind.narrow(rows)
        if before is not None:
            rows = _after(rows, kind.key, before)
        rows = rows.order_by("-created_at", "-pk")[: PAGE + 1]
        found += [(row.created_at, kind.key, row.pk, row) for row in rows]
    found.sort(key=lambda entry: entry[:3], reverse=True)
    page = found[:PAGE]
    described = {}
    for kind in _kinds.values():
        rows = [row for _, key, _, row in page if key == kind.key]
        if rows:
            described.update(((kind.key, item.id), item) for item in kind.describe(viewer, rows))
    items = [described[key, pk] for _, key, pk, _ in page]
    last = page[-1] if len(found) > PAGE else None
    return EarlierWriting(items, Position(*last[:3]) if last else None)
