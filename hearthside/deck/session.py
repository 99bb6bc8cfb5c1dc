"""A deck session, carried in the URL rather than stored.

The choices (categories, depths, tag), the cards drawn so far in the order
they came (``cards``), the cards shuffled away (``passed``) and the card on
screen (``at``) all live in the query string of ``/deck/card/``. So:

- Back and Next along cards already drawn are plain links that change nothing,
  and reloading shows the same card;
- only drawing a new card is a POST, and it writes one DeckDraw row;
- no card comes back within a session, because every drawn or passed card is
  excluded from the next draw;
- a session ends when the tab is closed; nothing of it stays on the server.

A session holds at most SESSION_CARDS_MAX cards, which keeps links short.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from hearthside.errors import UserError

SESSION_CARDS_MAX = 100
SEPARATOR = "-"
DAMAGED = "This deck link looks damaged. Please start a fresh deck from your choices."


@dataclass(frozen=True)
class DeckChoice:
    """What to draw from. Empty categories or depths mean all of them."""

    categories: tuple[str, ...] = ()
    depths: tuple[int, ...] = ()
    tag: str = ""

    def params(self) -> dict[str, list[str]]:
        params = {"category": list(self.categories), "depth": [str(d) for d in self.depths]}
        if self.tag:
            params["tag"] = [self.tag]
        return params

    def query(self) -> str:
        return urlencode(self.params(), doseq=True)


@dataclass(frozen=True)
class DeckSession:
    choice: DeckChoice
    cards: tuple[int, ...] = ()
    passed: tuple[int, ...] = ()
    at: int = 0

    @property
    def current(self) -> int | None:
        return self.cards[self.at] if self.cards else None

    @property
    def seen(self) -> tuple[int, ...]:
        """Every card this session has shown, so none of them is drawn again."""
        return self.cards + self.passed

    @property
    def is_full(self) -> bool:
        return len(self.seen) >= SESSION_CARDS_MAX

    @property
    def can_go_back(self) -> bool:
        return self.at > 0

    @property
    def can_go_forward(self) -> bool:
        return self.at < len(self.cards) - 1

    def drawn(self, card_id: int) -> "DeckSession":
        """A new card at the end of the session, shown now."""
        cards = (*self.cards, card_id)
        return replace(self, cards=cards, at=len(cards) - 1)

    def swapped(self, card_id: int) -> "DeckSession":
        """The card on screen shuffled away and another in its place."""
        if not self.cards:
            return self.drawn(card_id)
        cards = list(self.cards)
        passed = (*self.passed, cards[self.at])
        cards[self.at] = card_id
        return replace(self, cards=tuple(cards), passed=passed)

    def moved(self, step: int) -> "DeckSession":
        return replace(self, at=min(max(self.at + step, 0), max(len(self.cards) - 1, 0)))

    def params(self) -> dict[str, list[str]]:
        params = self.choice.params()
        if self.cards:
            params["cards"] = [SEPARATOR.join(map(str, self.cards))]
            params["at"] = [str(self.at)]
        if self.passed:
            params["passed"] = [SEPARATOR.join(map(str, self.passed))]
        return params

    def query(self) -> str:
        return urlencode(self.params(), doseq=True)


def parse_ids(raw: str | None) -> tuple[int, ...]:
    """Card ids as written in a deck link: ``12-45-67``."""
    if not raw:
        return ()
    parts = raw.split(SEPARATOR)
    well_formed = all(part.isascii() and part.isdigit() for part in parts)
    if len(parts) > SESSION_CARDS_MAX or not well_formed:
        raise UserError(DAMAGED)
    return tuple(int(part) for part in parts)


def parse_position(raw: str | None, cards: Iterable[int]) -> int:
    count = len(tuple(cards))
    if raw in (None, ""):
        return max(count - 1, 0)
    if not (raw.isascii() and raw.isdigit()) or (count and int(raw) >= count):
        raise UserError(DAMAGED)
    return int(raw) if count else 0


def read_trail(params) -> tuple[tuple[int, ...], tuple[int, ...], int]:
    """The cards, passed cards and position of a deck link's query ``params``
    (a QueryDict). Raises UserError for anything that is not a deck link."""
    cards = parse_ids(params.get("cards"))
    passed = parse_ids(params.get("passed"))
    if len(cards) + len(passed) > SESSION_CARDS_MAX or len(set(cards + passed)) < len(
        cards + passed
    ):
        raise UserError(DAMAGED)
    return cards, passed, parse_position(params.get("at"), cards)
