"""Two-way balance: who shared what lately, side by side, with no score.

Counts come from the activity rows (events, never content) in one grouped
query through the privacy layer. When one partner has had far less room to
share over the last two weeks, that partner alone gets a kind invitation on
Today; the other partner is never told.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from django.db.models import Count, Q
from django.utils import timezone

from hearthside.activity.models import Activity, Verb
from hearthside.pairs.models import User
from hearthside.pairs.services import require_pair

BALANCE_WINDOW = timedelta(days=30)
QUIET_WINDOW = timedelta(days=14)
# "Far less" over QUIET_WINDOW: under a third of the partner's count AND at
# least QUIET_GAP fewer. The gap keeps two quiet weeks for both (say 1 and 4)
# from reading as an imbalance.
QUIET_RATIO = 3
QUIET_GAP = 6


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    verbs: tuple[Verb, ...]
    # Opening up about oneself. Only these decide whether someone has had far
    # less room to share: a partner who sends hearts but never says anything
    # of their own is the one the invitation is for.
    opens_up: bool = True


# What counts as sharing; replies belong to listening and are not counted.
SHARING_KINDS = (
    Kind("answers", "Daily answers", (Verb.ANSWERED,)),
    Kind("checkins", "Check-ins", (Verb.CHECKED_IN, Verb.WEEKLY_CHECKED_IN)),
    Kind("shares", "Shares", (Verb.SHARED,)),
    Kind("needs", "Needs", (Verb.NEEDED,)),
    Kind("appreciations", "Hearts and thanks", (Verb.HEARTED, Verb.THANKED), opens_up=False),
)
KIND_OF_VERB = {verb.value: kind for kind in SHARING_KINDS for verb in kind.verbs}


def is_far_quieter(mine: int, theirs: int) -> bool:
    """Whether someone who shared ``mine`` times shared far less than a
    partner who shared ``theirs`` times."""
    return mine * QUIET_RATIO < theirs and theirs - mine >= QUIET_GAP


Person = TypeVar("Person")


def quieter_partner(counts: Mapping[Person, int]) -> Person | None:
    """Of two partners and their counts, the one who shared far less, if any."""
    (first, first_count), (second, second_count) = counts.items()
    if is_far_quieter(first_count, second_count):
        return first
    if is_far_quieter(second_count, first_count):
        return second
    return None


def invitation_text(partner: User) -> str:
    return (
        f"Would you like to share something small with {partner} today? A few words about "
        "your day, an answer to the daily question or a quick check-in all count."
    )


@dataclass(frozen=True)
class Cell:
    count: int
    width: int  # 0–100: the bar's length against the larger count of the row


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, Cell]  # the viewer's, then the partner's


@dataclass(frozen=True)
class Balance:
    viewer: User
    partner: User
    since: datetime
    rows: tuple[Row, ...]
    totals: tuple[int, int]
    # The viewer has had far less room to share over the last two weeks.
    invite_viewer: bool

    @property
    def is_empty(self) -> bool:
        return not any(self.totals)


def _cells(mine: int, theirs: int) -> tuple[Cell, Cell]:
    largest = max(mine, theirs)

    def width(count: int) -> int:
        # A sliver for small non-zero counts, so "1" never looks like "0".
        return max(round(100 * count / largest), 3) if count else 0

    return Cell(mine, width(mine)), Cell(theirs, width(theirs))


def sharing_balance(viewer: User, *, now: datetime | None = None) -> Balance:
    """What each partner shared in the last BALANCE_WINDOW, in one query."""
    context = require_pair(viewer)
    now = now or timezone.now()
    since = now - BALANCE_WINDOW
    grouped = (
        Activity.objects.in_current_pair(viewer)
        .filter(
            verb__in=list(KIND_OF_VERB),
            created_at__gt=since,
            created_at__lte=now,
        )
        .values("author_id", "verb")
        .annotate(
            month=Count("id"),
            fortnight=Count("id", filter=Q(created_at__gt=now - QUIET_WINDOW)),
        )
        .order_by()
    )
    people = (viewer.pk, context.partner.pk)
    month = {(person, kind.key): 0 for person in people for kind in SHARING_KINDS}
    fortnight = dict.fromkeys(people, 0)
    for group in grouped:
        if group["author_id"] in fortnight:
            kind = KIND_OF_VERB[group["verb"]]
            month[group["author_id"], kind.key] += group["month"]
            if kind.opens_up:
                fortnight[group["author_id"]] += group["fortnight"]
    rows = tuple(
        Row(kind.key, kind.label, _cells(*(month[person, kind.key] for person in people)))
        for kind in SHARING_KINDS
    )
    paired_long_enough = context.pair.created_at <= now - QUIET_WINDOW
    return Balance(
        viewer=viewer,
        partner=context.partner,
        since=since,
        rows=rows,
        totals=tuple(sum(row.cells[side].count for row in rows) for side in (0, 1)),
        invite_viewer=paired_long_enough and quieter_partner(fortnight) == viewer.pk,
    )
