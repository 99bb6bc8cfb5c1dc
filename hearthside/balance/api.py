"""The two-way balance as JSON, mounted at /api/balance."""

from datetime import datetime

from ninja import Field, Router, Schema

from .services import BALANCE_WINDOW, SHARING_KINDS, invitation_text, sharing_balance

router = Router(tags=["balance"])


class KindOut(Schema):
    key: str
    label: str


class PersonOut(Schema):
    name: str
    is_me: bool
    total: int
    counts: dict[str, int] = Field(description="Per kind key, such as answers or shares.")


class BalanceOut(Schema):
    window_days: int
    since: datetime
    kinds: list[KindOut]
    people: list[PersonOut] = Field(description="You first, then your partner.")
    invitation: str | None = Field(
        description=(
            "A kind nudge, present only when you have had far less room to share than "
            "your partner over the last two weeks. Your partner never sees it."
        )
    )


@router.get("", response=BalanceOut)
def balance(request):
    """What each of you shared in the last 30 days: counts, not content, and no score."""
    found = sharing_balance(request.user)
    people = [
        {
            "name": str(person),
            "is_me": side == 0,
            "total": found.totals[side],
            "counts": {row.key: row.cells[side].count for row in found.rows},
        }
        for side, person in enumerate((found.viewer, found.partner))
    ]
    return {
        "window_days": BALANCE_WINDOW.days,
        "since": found.since,
        "kinds": [{"key": kind.key, "label": kind.label} for kind in SHARING_KINDS],
        "people": people,
        "invitation": invitation_text(found.partner) if found.invite_viewer else None,
    }
