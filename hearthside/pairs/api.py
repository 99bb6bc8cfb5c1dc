from datetime import date, datetime

from django.urls import reverse
from ninja import Field, Router, Schema, Status

from hearthside.earlier_writing import Position, earlier_writing_of
from hearthside.errors import NotPaired, UserError

from . import accounts, services
from .deletion import delete_account
from .models import RelationshipKind, format_code

accounts_router = Router(tags=["accounts"])
me_router = Router(tags=["accounts"])
pair_router = Router(tags=["pair"])


class DetailOut(Schema):
    detail: str


# Besides success, signing up and signing in answer {"detail": "..."} with 400
# (details to fix, a body that is not JSON), 401 (email and password or code do
# not match), 403 (address not confirmed yet; no client address from the server),
# 422 (fields missing or of the wrong type) or 429 (too many tries: wait
# Retry-After seconds; see pairs/ratelimits.py).
SIGN_UP_REFUSALS = frozenset({400, 403, 422, 429})
SIGN_IN_REFUSALS = frozenset({400, 401, 403, 422, 429})
RETRY_AFTER = {
    "responses": {
        429: {
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait before trying again.",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1},
                }
            }
        }
    }
}


# Besides success, a change to the pair answers {"detail": "..."} with 401
# without credentials, 403 from a browser session without its CSRF token and
# 409 when there is no pair to act on.
PAIR_REFUSALS = frozenset({401, 403, 409})


class SignUpIn(Schema):
    email: str
    password: str
    display_name: str
    time_zone: str = ""


class TokenIn(Schema):
    email: str
    password: str
    code: str = ""
    name: str = ""


class TokenOut(Schema):
    token: str


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    time_zone: str
    language: str
    paired: bool
    pairing_ended_at: datetime | None = Field(
        description="While you are unpaired after a pairing: when it ended, never who ended it."
    )


class WritingPartOut(Schema):
    label: str
    text: str


class WritingOut(Schema):
    kind: str = Field(description="answer, checkin, weekly, share, need, own_question, …")
    id: int
    written_at: datetime
    heading: str = Field(description="What it was: the question answered, the day, …")
    parts: list[WritingPartOut]


class EarlierWritingOut(Schema):
    items: list[WritingOut]
    next: str | None = Field(description="Pass as ?before= for the next, older page.")


class DeleteMeIn(Schema):
    password: str
    code: str = Field(
        "", description="When two-factor is on: a code from the app, or a recovery code."
    )


class PersonIn(Schema):
    display_name: str | None = None
    time_zone: str | None = None
    language: str | None = None


class PartnerOut(Schema):
    id: int
    display_name: str
    time_zone: str


class PairOut(Schema):
    kind: RelationshipKind
    together_since: date | None
    created_at: datetime
    today: date
    partner: PartnerOut


class PairIn(Schema):
    kind: RelationshipKind | None = None
    together_since: date | None = None


class InvitationOut(Schema):
    code: str
    link: str
    expires_at: datetime


class JoinIn(Schema):
    code: str


@accounts_router.post(
    "/signup",
    auth=None,
    response={202: DetailOut, SIGN_UP_REFUSALS: DetailOut},
    openapi_extra=RETRY_AFTER,
)
def sign_up(request, payload: SignUpIn):
    """Create an account. The answer is the same whether or not the address
    already had one. Open the link in the email to confirm the address, then
    ask for a token with the same email and password."""
    accounts.sign_up(
        request, payload.email, payload.password, payload.display_name, payload.time_zone
    )
    return Status(
        202, {"detail": "Welcome! We sent an email to that address: open the link in it."}
    )


@accounts_router.post(
    "/token",
    auth=None,
    response={201: TokenOut, SIGN_IN_REFUSALS: DetailOut},
    openapi_extra=RETRY_AFTER,
)
def create_token(request, payload: TokenIn):
    token = accounts.issue_token(
        request, payload.email, payload.password, payload.code, payload.name
    )
    return Status(201, {"token": token})


@accounts_router.delete("/token", response={204: None, 401: DetailOut})
def revoke_token(request):
    """Revoke the token this request was made with."""
    token = getattr(request, "api_token", None)
    if token is not None:
        token.delete()
    return Status(204, None)


def person_out(user) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "language": user.language,
        "paired": services.pair_context(user).is_paired,
        "pairing_ended_at": services.pairing_ended_at(user),
    }


@me_router.get("", response=MeOut)
def me(request):
    return person_out(request.user)


@me_router.patch("", response=MeOut)
def update_me(request, payload: PersonIn):
    services.update_person(request.user, **payload.dict(exclude_unset=True))
    return person_out(request.user)


@me_router.get(
    "/earlier-writing", response={200: EarlierWritingOut, frozenset({400, 401}): DetailOut}
)
def earlier_writing(request, before: str = ""):
    """What you wrote in pairings that have ended, newest first, a page at a
    time. It is yours alone: nobody else reads it."""
    try:
        start = Position.parse(before) if before else None
    except ValueError as malformed:
        raise UserError(
            "Please send as before the next of an earlier page, or nothing for the newest."
        ) from malformed
    page = earlier_writing_of(request.user, before=start)
    return {"items": page.items, "next": str(page.next) if page.next else None}


@me_router.delete(
    "",
    response={204: None, frozenset({400, 401, 403, 422, 429}): DetailOut},
    openapi_extra=RETRY_AFTER,
)
def delete_me(request, payload: DeleteMeIn):
    """Delete your account and everything you wrote, for real. Your pairing
    ends first: your partner keeps what they wrote and is told only that it
    ended. 403 when the password or code is not right (nothing is deleted),
    429 after too many tries."""
    delete_account(request.user, **payload.dict(), request=request)
    return Status(204, None)


def pair_out(user) -> dict:
    context = services.pair_context(user)
    if not context.is_paired:
        raise NotPaired("You're not paired yet. Create an invitation or join with a code.")
    partner = context.partner
    return {
        "kind": context.pair.kind,
        "together_since": context.pair.together_since,
        "created_at": context.pair.created_at,
        "today": context.today(),
        "partner": {
            "id": partner.pk,
            "display_name": partner.display_name,
            "time_zone": partner.time_zone,
        },
    }


@pair_router.get("", response=PairOut)
def get_pair(request):
    return pair_out(request.user)


@pair_router.patch("", response=PairOut)
def update_pair(request, payload: PairIn):
    changes = payload.dict(exclude_unset=True)
    services.update_pair_profile(
        request.user,
        kind=changes.get("kind"),
        together_since=changes.get("together_since"),
        clear_together_since="together_since" in changes and changes["together_since"] is None,
    )
    return pair_out(request.user)


@pair_router.post("/invitations", response={201: InvitationOut})
def create_invitation(request):
    """A single-use code for your partner; earlier open codes stop working."""
    invitation, code = services.create_invitation(request.user)
    link = request.build_absolute_uri(reverse("join_with_code", args=[format_code(code)]))
    return Status(
        201, {"code": format_code(code), "link": link, "expires_at": invitation.expires_at}
    )


@pair_router.post("/join", response={201: PairOut})
def join(request, payload: JoinIn):
    services.accept_invitation(request.user, payload.code)
    return Status(201, pair_out(request.user))


@pair_router.delete("", response={204: None, PAIR_REFUSALS: DetailOut})
def end_pairing(request):
    """End your pairing, without your partner's consent. You each keep what
    you wrote (GET /api/me/earlier-writing); nothing your partner wrote stays
    visible to you. Your partner is told only that the pairing ended."""
    services.end_pairing(request.user)
    return Status(204, None)
