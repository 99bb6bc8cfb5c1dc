"""The JSON API: one Ninja object, each app contributes a router.

Every endpoint calls the same services as the web pages, so the privacy layer
and every rule apply unchanged. Errors are JSON ``{"detail": "..."}``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.security import HttpBearer, SessionAuth

from hearthside.checkins.api import router as checkins_router
from hearthside.deck.api import router as deck_router
from hearthside.errors import TooManyAttempts, UserError, refuse_unstorable_text
from hearthside.needs.api import router as needs_router
from hearthside.pairs.api import accounts_router, me_router, pair_router
from hearthside.pairs.models import ApiToken, token_digest
from hearthside.questions.api import router as questions_router
from hearthside.shares.api import router as shares_router
from hearthside.today.api import router as today_router

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


class CsrfRefused(UserError):
    status_code = 403

    def __init__(self):
        super().__init__(
            "A request signed in by session cookie needs the CSRF token: send the csrftoken "
            "cookie's value in the X-CSRFToken header. Scripts can use a bearer token instead."
        )


class BrowserSession(SessionAuth):
    """The browser's session cookie; a change must carry the CSRF token. Without
    a signed-in session it does not apply, so a request with no credentials at
    all is told to sign in (401), not about CSRF."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        try:
            return super().__call__(request)
        except HttpError as refused:
            raise CsrfRefused() from refused


session_auth = BrowserSession()


class StorableTextParser(Parser):
    def parse_body(self, request):
        data = super().parse_body(request)
        refuse_unstorable_text(data)
        return data

    def parse_querydict(self, data, list_fields, request):
        parsed = super().parse_querydict(data, list_fields, request)
        refuse_unstorable_text(parsed)
        return parsed


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
    parser=StorableTextParser(),
    urls_namespace="api",
)


def problem(request, message: str, status: int, **extra):
    return api.create_response(request, {"detail": message, **extra}, status=status)


@api.exception_handler(UserError)
def on_user_error(request, error: UserError):
    return problem(request, error.message, error.status_code)


@api.exception_handler(TooManyAttempts)
def on_too_many_attempts(request, error: TooManyAttempts):
    response = on_user_error(request, error)
    response["Retry-After"] = str(error.retry_after)
    return response


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
    if isinstance(error.__cause__, UserError):  # raised while Ninja parsed the body
        return on_user_error(request, error.__cause__)
    if error.status_code == 400 and isinstance(error.__cause__, ValueError):
        # Ninja could not decode the body (its own message does not say why).
        return problem(request, "The request body is not valid JSON. Send a JSON object.", 400)
    return problem(request, str(error.message), error.status_code)


@api.exception_handler(PermissionDenied)
def on_forbidden(request, error):
    return problem(request, str(error) or "You may not do that.", 403)


@api.exception_handler(RequestDataTooBig)
def on_too_large(request, error):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1000
    return problem(request, f"That request is too large: please send less than {limit} kB.", 413)


@api.exception_handler(Exception)
def on_unexpected(request, error):
    logger.exception("API error at %s", request.path)
    return problem(request, "Something went wrong on our side. Please try again.", 500)


NO_SUCH_ENDPOINT = "There is no such API endpoint. The documentation is at /api/docs."


def unknown_endpoint(request, rest=""):
    return JsonResponse({"detail": NO_SUCH_ENDPOINT}, status=404)


class JsonErrorsUnderApi:
    """Some errors under /api/ are answered before our handlers run: Ninja's
    plain-text 405 for a method an endpoint does not take, its HTML 404 for the
    bare /api/ root, Django's HTML pages. Scripts get JSON from every error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not request.path_info.startswith("/api/")
            or response.status_code < 400
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        if response.status_code == 405:
            message = f"This endpoint doesn't take {request.method}. It takes {response['Allow']}."
        elif response.status_code == 404:
            message = NO_SUCH_ENDPOINT
        elif response.status_code >= 500:
            message = "Something went wrong on our side. Please try again."
        else:
            message = f"{response.reason_phrase}."
        rewritten = JsonResponse({"detail": message}, status=response.status_code)
        if response.has_header("Allow"):
            rewritten["Allow"] = response["Allow"]
        return rewritten


api.add_router("/auth", accounts_router)
api.add_router("/today", today_router)
api.add_router("/me", me_router)
api.add_router("/pair", pair_router)
api.add_router("/", questions_router)
api.add_router("/checkins", checkins_router)
api.add_router("/shares", shares_router)
api.add_router("/needs", needs_router)
api.add_router("/deck", deck_router)
api.add_router("/balance", "hearthside.balance.api.router")
