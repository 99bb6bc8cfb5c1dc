"""The JSON API: one Ninja object, each app contributes a router.

Every endpoint calls the same services as the web pages, so the privacy layer
and every rule apply unchanged. Errors are JSON ``{"detail": "..."}``.
"""

import logging
from datetime import timedelta

from django.http import Http404, JsonResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyCookie, HttpBearer, django_auth

from hearthside.checkins.api import router as checkins_router
from hearthside.deck.api import router as deck_router
from hearthside.errors import UserError
from hearthside.needs.api import router as needs_router
from hearthside.pairs.api import accounts_router, me_router, pair_router
from hearthside.pairs.models import ApiToken, token_digest
from hearthside.questions.api import router as questions_router
from hearthside.shares.api import router as shares_router

logger = logging.getLogger(__name__)


class BearerToken(HttpBearer):
    """``Authorization: Bearer hs_…`` with a token from POST /api/auth/token."""

    def authenticate(self, request, token):
        row = (
            ApiToken.objects.select_related("user")
            .filter(digest=token_digest(token), user__is_active=True)
            .first()
        )
        if row is None:
            return None
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > timedelta(hours=1):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        request.api_token = row
        return row.user


session_auth: APIKeyCookie = django_auth

api = NinjaAPI(
    title="Hearthside API",
    version="1",
    description=(
        "Everything the Hearthside web app does, as JSON. Authenticate with the browser "
        "session (and its CSRF token) or with `Authorization: Bearer <token>` from "
        "`POST /api/auth/token`. A partner's answer appears only once your own is saved; "
        "ids of other pairs answer 404, exactly like ids that do not exist."
    ),
    auth=[BearerToken(), session_auth],
    urls_namespace="api",
)


def problem(request, message: str, status: int, **extra):
    return api.create_response(request, {"detail": message, **extra}, status=status)


@api.exception_handler(UserError)
def on_user_error(request, error: UserError):
    return problem(request, error.message, error.status_code)


@api.exception_handler(Http404)
def on_not_found(request, error):
    return problem(request, "We couldn't find that.", 404)


@api.exception_handler(ValidationError)
def on_invalid(request, error: ValidationError):
    fields = [
        ".".join(str(part) for part in item.get("loc", ()) if part not in ("body", "payload"))
        for item in error.errors
    ]
    readable = ", ".join(field for field in fields if field) or "the request"
    return problem(request, f"Please check {readable}.", 422, errors=error.errors)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, error):
    return problem(request, "Please sign in: send a bearer token or a session cookie.", 401)


@api.exception_handler(HttpError)
def on_http_error(request, error: HttpError):
    return problem(request, str(error.message), error.status_code)


@api.exception_handler(Exception)
def on_unexpected(request, error):
    logger.exception("API error at %s", request.path)
    return problem(request, "Something went wrong on our side. Please try again.", 500)


def unknown_endpoint(request, rest=""):
    return JsonResponse({"detail": "There is no such API endpoint."}, status=404)


api.add_router("/auth", accounts_router)
api.add_router("/me", me_router)
api.add_router("/pair", pair_router)
api.add_router("/", questions_router)
api.add_router("/checkins", checkins_router)
api.add_router("/shares", shares_router)
api.add_router("/needs", needs_router)
api.add_router("/deck", deck_router)
