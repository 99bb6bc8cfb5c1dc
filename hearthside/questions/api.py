from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema, Status

from . import services
from .models import ANSWER_MAX_CHARS, OWN_QUESTION_MAX_CHARS, REPLY_MAX_CHARS

router = Router(tags=["questions"])


class QuestionCategoryOut(Schema):
    slug: str
    name: str


class ResponseOut(Schema):
    id: int
    kind: Literal["heart", "thanks", "reply"]
    text: str
    by_me: bool
    author_name: str
    created_at: datetime


class AnswerOut(Schema):
    id: int
    text: str
    by_me: bool
    author_name: str
    written_on: date
    created_at: datetime
    updated_at: datetime
    responses: list[ResponseOut]


class DailyOut(Schema):
    id: int
    day: date
    text: str
    category: QuestionCategoryOut
    depth: int
    asked_by: str | None = Field(description="Set when a partner wrote this question.")
    my_answer: AnswerOut | None
    partner_has_answered: bool
    partner_answer: AnswerOut | None = Field(
        description="Present only once your own answer is saved."
    )
    favourite: bool
    can_edit: bool = Field(
        description="Whether you can answer, or change your answer: only today's question, "
        "and only until your partner's answer is in. From then on both answers are final."
    )
    can_skip: bool


class AnswerIn(Schema):
    text: str = Field(description=f"Up to {ANSWER_MAX_CHARS:,} characters.")


class ResponseIn(Schema):
    kind: Literal["heart", "thanks", "reply"]
    text: str = Field("", description=f"For replies: up to {REPLY_MAX_CHARS} characters.")


class SkipIn(Schema):
    reason: Literal["not_today", "not_for_us"]


class FavouriteOut(Schema):
    favourite: bool


class CategorySettingOut(Schema):
    slug: str
    name: str
    description: str
    enabled: bool


class CategorySettingIn(Schema):
    enabled: bool


class OwnQuestionIn(Schema):
    text: str = Field(description=f"Up to {OWN_QUESTION_MAX_CHARS} characters.")
    category: str = "our-relationship"
    depth: int = 2


class OwnQuestionOut(Schema):
    id: int
    text: str
    category: QuestionCategoryOut
    depth: int
    created_at: datetime


def answer_out(answer, viewer) -> dict | None:
    if answer is None:
        return None
    return {
        "id": answer.pk,
        "text": answer.text,
        "by_me": answer.author_id == viewer.pk,
        "author_name": str(answer.author),
        "written_on": answer.written_on,
        "created_at": answer.created_at,
        "updated_at": answer.updated_at,
        "responses": [
            {
                "id": response.pk,
                "kind": response.kind,
                "text": response.text,
                "by_me": response.author_id == viewer.pk,
                "author_name": str(response.author),
                "created_at": response.created_at,
            }
            for response in answer.responses.all()
        ],
    }


def daily_out(view, viewer) -> dict:
    daily = view.daily
    asked_by = daily.asked_by
    return {
        "id": daily.pk,
        "day": daily.day,
        "text": daily.text,
        "category": {"slug": daily.category.slug, "name": daily.category.name},
        "depth": daily.depth,
        "asked_by": str(asked_by) if asked_by else None,
        "my_answer": answer_out(view.my_answer, viewer),
        "partner_has_answered": view.partner_has_answered,
        "partner_answer": answer_out(view.partner_answer, viewer),
        "favourite": view.favourite,
        "can_edit": view.can_edit,
        "can_skip": view.can_skip,
    }


def current_daily_out(request, daily_id: int) -> dict:
    daily = services.daily_for(request.user, daily_id)
    return daily_out(services.view_daily(request.user, daily), request.user)


@router.get("/daily/{daily_id}", response=DailyOut)
def get_daily(request, daily_id: int):
    return current_daily_out(request, daily_id)


@router.put("/daily/{daily_id}/answer", response=DailyOut)
def put_answer(request, daily_id: int, payload: AnswerIn):
    """Save your answer to today's question; sending again edits it until your
    partner's answer is in. From then on both are final: what comes after
    goes in a reply."""
    services.answer_question(request.user, daily_id, payload.text)
    return current_daily_out(request, daily_id)


@router.post("/daily/{daily_id}/skip", response=DailyOut)
def skip(request, daily_id: int, payload: SkipIn):
    """Set today's question aside; another one takes its place."""
    daily = services.skip_question(request.user, daily_id, payload.reason)
    return current_daily_out(request, daily.pk)


@router.put("/daily/{daily_id}/favourite", response=FavouriteOut)
def add_favourite(request, daily_id: int):
    return {"favourite": services.set_favourite(request.user, daily_id, True)}


@router.delete("/daily/{daily_id}/favourite", response=FavouriteOut)
def remove_favourite(request, daily_id: int):
    return {"favourite": services.set_favourite(request.user, daily_id, False)}


@router.post("/answers/{answer_id}/responses", response={201: DailyOut})
def add_response(request, answer_id: int, payload: ResponseIn):
    """A heart, a thank-you for sharing, or a short reply."""
    services.respond(request.user, answer_id, payload.kind, payload.text)
    answer = services.answer_for(request.user, answer_id)
    return Status(201, current_daily_out(request, answer.daily_id))


@router.delete("/answers/{answer_id}/heart", response=DailyOut)
def remove_heart(request, answer_id: int):
    services.take_back_heart(request.user, answer_id)
    answer = services.answer_for(request.user, answer_id)
    return current_daily_out(request, answer.daily_id)


@router.get("/history", response=list[DailyOut])
def history(request, before: date | None = None):
    """Questions you both answered, newest first; pass the last day as
    ``before`` for the next page."""
    user = request.user
    return [daily_out(view, user) for view in services.shared_history(user, before=before)]


class FavouriteItemOut(Schema):
    daily_id: int
    day: date
    text: str
    category: QuestionCategoryOut


@router.get("/favourites", response=list[FavouriteItemOut])
def favourites(request):
    """Questions you marked as favourites (only you see this list)."""
    return [
        {
            "daily_id": daily.pk,
            "day": daily.day,
            "text": daily.text,
            "category": {"slug": daily.category.slug, "name": daily.category.name},
        }
        for daily in services.favourites(request.user)
    ]


@router.get("/categories", response=list[CategorySettingOut])
def categories(request):
    return [
        {
            "slug": category.slug,
            "name": category.name,
            "description": category.description,
            "enabled": enabled,
        }
        for category, enabled in services.category_settings(request.user)
    ]


@router.put("/categories/{slug}", response=list[CategorySettingOut])
def set_category(request, slug: str, payload: CategorySettingIn):
    services.set_category(request.user, slug, payload.enabled)
    return categories(request)


@router.get("/own-questions", response=list[OwnQuestionOut])
def waiting_questions(request):
    """Questions you wrote that have not been asked yet (only you see them)."""
    return services.my_waiting_questions(request.user)


@router.post("/own-questions", response={201: OwnQuestionOut})
def ask(request, payload: OwnQuestionIn):
    own = services.ask_own_question(request.user, payload.text, payload.category, payload.depth)
    return Status(201, own)


@router.delete("/own-questions/{own_question_id}", response={204: None})
def withdraw(request, own_question_id: int):
    services.withdraw_own_question(request.user, own_question_id)
    return Status(204, None)
