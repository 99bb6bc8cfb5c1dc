from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema, Status

from . import services
from .models import NEED_MAX_CHARS, NOTE_MAX_CHARS

router = Router(tags=["needs"])


class NeedAnswerOut(Schema):
    id: int
    kind: Literal["ack", "note"] = Field(
        description="“ack”: the one-tap “you can count on me”; “note”: a short note."
    )
    text: str
    by_me: bool
    author_name: str
    created_at: datetime


class NeedOut(Schema):
    id: int
    text: str
    by_when: date | None
    by_me: bool
    author_name: str
    created_at: datetime
    met_at: datetime | None
    acknowledged_by_me: bool
    answers: list[NeedAnswerOut]


class NeedIn(Schema):
    text: str = Field(description=f"What you need, up to {NEED_MAX_CHARS} characters.")
    by_when: date | None = Field(None, description="Optional; today or later, within a year.")


class NeedNoteIn(Schema):
    text: str = Field(description=f"Up to {NOTE_MAX_CHARS} characters.")


def need_out(need, viewer) -> dict:
    return {
        "id": need.pk,
        "text": need.text,
        "by_when": need.by_when,
        "by_me": need.author_id == viewer.pk,
        "author_name": str(need.author),
        "created_at": need.created_at,
        "met_at": need.met_at,
        "acknowledged_by_me": need.acknowledged_by_me,
        "answers": [
            {
                "id": answer.pk,
                "kind": answer.kind,
                "text": answer.text or answer.get_kind_display(),
                "by_me": answer.author_id == viewer.pk,
                "author_name": str(answer.author),
                "created_at": answer.created_at,
            }
            for answer in need.answers.all()
        ],
    }


def current_need_out(request, need_id: int) -> dict:
    return need_out(services.need_for(request.user, need_id), request.user)


@router.get("", response=list[NeedOut])
def list_needs(request, met: bool = False, before: int | None = None):
    """Both partners' open needs (or, with ``met=true``, the needs met),
    newest first; pass the last id as ``before`` for the next page."""
    user = request.user
    return [need_out(need, user) for need in services.needs_page(user, met=met, before=before)]


@router.post("", response={201: NeedOut})
def ask(request, payload: NeedIn):
    """Tell your partner about something you need."""
    need = services.ask_for(request.user, payload.text, payload.by_when)
    return Status(201, current_need_out(request, need.pk))


@router.get("/{need_id}", response=NeedOut)
def get_need(request, need_id: int):
    return current_need_out(request, need_id)


@router.post("/{need_id}/acknowledgement", response={201: NeedOut})
def acknowledge(request, need_id: int):
    """The one-tap “you can count on me” to your partner's need (once per need)."""
    services.acknowledge(request.user, need_id)
    return Status(201, current_need_out(request, need_id))


@router.post("/{need_id}/notes", response={201: NeedOut})
def note(request, need_id: int, payload: NeedNoteIn):
    """Answer your partner's need with a short note."""
    services.answer_with_note(request.user, need_id, payload.text)
    return Status(201, current_need_out(request, need_id))


@router.put("/{need_id}/met", response=NeedOut)
def mark_met(request, need_id: int):
    """Mark your own need as met (only the one who asked can)."""
    services.mark_met(request.user, need_id)
    return current_need_out(request, need_id)
