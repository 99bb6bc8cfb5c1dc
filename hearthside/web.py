"""Small helpers the HTML views share."""

from django.http import Http404
from django.shortcuts import redirect, render

from hearthside.errors import NotFound, NotPaired, UnstorableText, UserError, refuse_unstorable_text

# Which tab of the main navigation a page belongs to, by URL namespace or name.
NAV_SECTIONS = {
    "today": {"today"},
    "checkins": {"checkins"},
    "share": {"shares", "share_create", "share_detail", "needs", "needs_met", "need_detail"},
    "together": {"history", "daily", "favourites", "ask", "deck", "balance"},
    "settings": {"pair_settings", "categories", "invite", "join", "join_with_code"},
}


def navigation(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return {}
    keys = {match.namespace, match.url_name}
    for section, members in NAV_SECTIONS.items():
        if keys & members:
            return {"nav_section": section}
    if (match.url_name or "").startswith(("account_", "mfa_", "usersessions_")):
        return {"nav_section": "settings"}
    return {}


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def status_for(request, problem: str) -> int:
    """A page showing a problem answers 400 so nothing treats the failure as
    success; htmx fragments answer 200 so htmx swaps the message into place."""
    return 400 if problem and not is_htmx(request) else 200


def render_with_problem(request, template: str, context: dict, problem: str):
    """Show a form again with what went wrong."""
    context = {**context, "problem": problem}
    return render(request, template, context, status=status_for(request, problem))


class UserErrorMiddleware:
    """Turn a service's UserError that a page did not handle itself into the
    matching page: not found, "invite your partner first", or the message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UserError) or request.path.startswith("/api/"):
            return None
        if isinstance(exception, NotFound):
            raise Http404(exception.message) from exception
        if isinstance(exception, NotPaired):
            return redirect("today")
        return render(
            request, "problem.html", {"problem": exception.message}, status=exception.status_code
        )


class RefuseUnstorableText:
    """Form fields and query strings with a NUL character would crash
    PostgreSQL deep inside a query: refuse them at the door, clearly."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            try:
                for values in (request.GET, request.POST):
                    for key, items in values.lists():
                        refuse_unstorable_text([key, *items])
            except UnstorableText as refused:
                return render(request, "problem.html", {"problem": refused.message}, status=400)
        return self.get_response(request)
