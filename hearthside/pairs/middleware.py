from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control

from hearthside.errors import TooManyAttempts

from . import ratelimits
from .days import is_known_time_zone
from .services import remembering_pairs


class PersonalTimeZoneMiddleware:
    """Show times in the viewer's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_known_time_zone(user.time_zone):
            timezone.activate(user.time_zone)
        else:
            timezone.deactivate()
        return self.get_response(request)


class RememberPairsForTheRequest:
    """Who is paired with whom is read once a request, however many services
    ask (see ``services.pair_context``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with remembering_pairs():
            return self.get_response(request)


class SignedInResponsesNotStored:
    """What a signed-in person is shown, page or API answer, by session or by
    bearer token, is theirs alone: no browser cache, shared proxy or back
    button on a shared computer may keep a copy.

    Listed before WhiteNoise, whose static files (answered before anyone is
    known) keep their long caching, and before the middleware that rewrites
    API errors, so that its answers are covered too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class AccountAttemptLimits:
    """Too many sign-in, sign-up or password-reset attempts from one client get
    a page saying when to try again, with status 429 and Retry-After.

    Sign-up and reset forms are counted here, before allauth's view runs;
    sign-in failures where allauth checks the password
    (AccountAdapter.authenticate), which raises TooManyAttempts. Listed after
    hearthside.web.UserErrorMiddleware, so Django asks this one first."""

    COUNTED_FORMS = {"account_signup": "sign_up", "account_reset_password": "password_reset"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, view_args, view_kwargs):
        action = self.COUNTED_FORMS.get(request.resolver_match.url_name)
        if action is None or request.method != "POST":
            return None
        try:
            ratelimits.count_attempt(request, action, request.POST.get("email", ""))
        except TooManyAttempts as refused:
            return too_many_attempts_page(request, refused)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, TooManyAttempts):
            return too_many_attempts_page(request, exception)
        return None


def too_many_attempts_page(request, refused: TooManyAttempts):
    response = render(request, "problem.html", {"problem": refused.message}, status=429)
    response["Retry-After"] = str(refused.retry_after)
    return response
