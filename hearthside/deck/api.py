"""The conversation deck as JSON. The client keeps the session: send the ids
of the cards drawn so far as ``exclude_ids`` and none of them comes back."""

from datetime import datetime

from ninja import Field, Router, Schema, Status

from . import services
from .session import SESSION_CARDS_MAX

router = Router(tags=["deck"])


class CategoryOut(Schema):
    slug: str
    name: str


class CategoryOptionOut(CategoryOut):
    description: str
    cards: int = Field(description="How many cards the category holds.")


class DepthOut(Schema):
    value: int
    label: str


class TagOut(Schema):
    slug: str
    label: str


class OptionsOut(Schema):
    categories: list[CategoryOptionOut]
    depths: list[DepthOut]
    tags: list[TagOut]
    rest_days: int = Field(description="How long a drawn card stays out of daily questions.")


class DrawIn(Schema):
    categories: list[str] = Field([], description="Category slugs; empty means all.")
    depths: list[int] = Field([], description="1 light, 2 personal, 3 deep; empty means all.")
    tag: str | None = Field(None, description="One tag, such as date-night.")
    exclude_ids: list[int] = Field(
        [], description=f"Cards drawn so far in this session (at most {SESSION_CARDS_MAX})."
    )


class CardOut(Schema):
    id: int
    text: str
    category: CategoryOut
    depth: int
    depth_label: str
    tags: list[str]


class DrawnOut(Schema):
    card: CardOut
    remaining: int = Field(description="Cards still left to draw with these choices.")


class RestingOut(Schema):
    card: CardOut
    drawn_at: datetime
    drawn_by_me: bool


def card_out(question) -> dict:
    return {
        "id": question.pk,
        "text": question.text,
        "category": {"slug": question.category.slug, "name": question.category.name},
        "depth": question.depth,
        "depth_label": question.get_depth_display(),
        "tags": question.tags,
    }


@router.get("/options", response=OptionsOut)
def options(request):
    """What the deck can draw from: categories, depths and tags."""
    found = services.deck_options()
    return {
        "categories": [
            {
                "slug": category.slug,
                "name": category.name,
                "description": category.description,
                "cards": category.cards,
            }
            for category in found.categories
        ],
        "depths": [{"value": value, "label": label} for value, label in found.depths],
        "tags": [{"slug": tag.slug, "label": tag.label} for tag in found.tags],
        "rest_days": services.DECK_REST.days,
    }


@router.post("/draw", response={201: DrawnOut})
def draw(request, payload: DrawIn):
    """Draw a random card that fits the choices and is not in ``exclude_ids``.
    Only the fact that your pair drew it is kept; 409 once nothing is left."""
    choice = services.clean_choice(payload.categories, payload.depths, payload.tag)
    drawn = services.draw_card(request.user, choice, payload.exclude_ids)
    return Status(201, {"card": card_out(drawn.card), "remaining": drawn.remaining})


@router.get("/resting", response=list[RestingOut])
def resting(request):
    """Your pair's latest draws still resting from daily questions, newest first."""
    return [
        {
            "card": card_out(draw.question),
            "drawn_at": draw.drawn_at,
            "drawn_by_me": draw.drawn_by_id == request.user.pk,
        }
        for draw in services.resting_cards(request.user)
    ]
