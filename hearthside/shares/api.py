from datetime import datetime
from typing import Literal

from ninja import Field, Router, Schema, Status

from . import coaching, services
from .guidance import guidance_for
from .models import REPLY_MAX_CHARS, SHARE_MAX_CHARS

router = Router(tags=["shares"])

Mode = Literal["listen", "think"]
CoachContext = Literal["listen", "think", "complaint"]


class ShareReplyOut(Schema):
    id: int
    text: str
    by_me: bool
    author_name: str
    created_at: datetime


class ReplyStarterOut(Schema):
    key: str
    label: str
    text: str


class ShareOut(Schema):
    id: int
    mode: Mode
    text: str
    by_me: bool
    author_name: str
    private: bool = Field(description="Kept to yourself: your partner cannot see it yet.")
    created_at: datetime
    felt_heard_at: datetime | None
    replies: list[ShareReplyOut]
    coach_context: CoachContext = Field(
        description="The context to pass to POST /api/shares/coach when drafting a reply."
    )
    reply_starters: list[ReplyStarterOut] = Field(
        description="Ways to begin a reply that fit the mode; empty for your own shares."
    )


class ShareIn(Schema):
    text: str = Field(description=f"Up to {SHARE_MAX_CHARS:,} characters.")
    mode: Mode = Field(description="“listen”: just listen. “think”: help me think.")
    keep_private: bool = Field(False, description="Keep it to yourself until you send it.")


class ShareReplyIn(Schema):
    text: str = Field(description=f"Up to {REPLY_MAX_CHARS:,} characters.")


class CoachDraftIn(Schema):
    text: str = Field("", description=f"The draft, up to {coaching.COACH_MAX_CHARS:,} characters.")
    context: CoachContext = Field(
        description=(
            "“listen”: a reply to a just-listen share (advice is pointed out); “think”: a "
            "reply to a help-me-think share; “complaint”: raising something gently."
        )
    )


class CoachFindingOut(Schema):
    rule_id: str
    kind: Literal["advice", "criticism", "contempt", "defensiveness", "dismissal"]
    title: str
    explanation: str
    suggestion: str
    start: int = Field(description="Where the phrase starts in the draft (a character index).")
    end: int
    excerpt: str


class CoachReviewOut(Schema):
    ok: bool = Field(description="True when the coach has no hints for this draft.")
    findings: list[CoachFindingOut]
    gentler_pattern: str
    openers: list[str]
    limits: str = Field(description="What the coach can and cannot tell: a hint, not a judge.")


def share_out(share, viewer) -> dict:
    mine = share.author_id == viewer.pk
    return {
        "id": share.pk,
        "mode": share.mode,
        "text": share.text,
        "by_me": mine,
        "author_name": str(share.author),
        "private": share.is_private,
        "created_at": share.created_at,
        "felt_heard_at": share.felt_heard_at,
        "replies": [
            {
                "id": reply.pk,
                "text": reply.text,
                "by_me": reply.author_id == viewer.pk,
                "author_name": str(reply.author),
                "created_at": reply.created_at,
            }
            for reply in share.replies.all()
        ],
        "coach_context": services.coach_context_for(viewer, share),
        "reply_starters": [] if mine else list(guidance_for(share.mode).starters),
    }


def thread_out(request, share_id: int) -> dict:
    return share_out(services.share_thread(request.user, share_id), request.user)


@router.get("", response=list[ShareOut])
def list_shares(request, before: int | None = None):
    """Both partners' shares, newest first, with replies; pass the last id as
    ``before`` for the next page."""
    user = request.user
    return [share_out(share, user) for share in services.shares_page(user, before=before)]


@router.post("", response={201: ShareOut})
def create_share(request, payload: ShareIn):
    """Share what's on your heart, and say how you'd like your partner to respond."""
    share = services.create_share(
        request.user, payload.text, payload.mode, keep_private=payload.keep_private
    )
    return Status(201, thread_out(request, share.pk))


@router.post("/coach", response=CoachReviewOut)
def coach(request, payload: CoachDraftIn):
    """The listening coach's hints for a draft. It stores nothing and never
    stops a message from being sent; it is a hint, not a judge."""
    review = coaching.coach_draft(payload.text, payload.context)
    return {
        "ok": review.ok,
        "findings": list(review.findings),
        "gentler_pattern": review.gentler_pattern,
        "openers": list(review.openers),
        "limits": review.limits,
    }


@router.get("/{share_id}", response=ShareOut)
def get_share(request, share_id: int):
    return thread_out(request, share_id)


@router.post("/{share_id}/replies", response={201: ShareOut})
def reply(request, share_id: int, payload: ShareReplyIn):
    services.reply_to_share(request.user, share_id, payload.text)
    return Status(201, thread_out(request, share_id))


@router.put("/{share_id}/felt-heard", response=ShareOut)
def felt_heard(request, share_id: int):
    """Tell your partner you feel heard (your own shares only; once is enough)."""
    services.mark_felt_heard(request.user, share_id)
    return thread_out(request, share_id)


@router.post("/{share_id}/send", response=ShareOut)
def send(request, share_id: int):
    """Send a share you had kept to yourself to your partner."""
    services.send_kept_share(request.user, share_id)
    return thread_out(request, share_id)
