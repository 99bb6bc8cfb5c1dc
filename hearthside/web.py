"""Small helpers the HTML views share."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hearthside.errors import NotFound, NotPaired, UnstorableText, UserError, refuse_unstorable_text


@dataclass(frozen=True)
class Page:
    """One page of a section's sub-navigation, and the views that belong to it
    (by view name, "namespace:name"; or by a prefix of the name)."""

    label: str
    view: str
    members: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    def owns(self, view_name: str) -> bool:
        if view_name == self.view or view_name in self.members:
            return True
        return bool(self.prefixes) and view_name.startswith(self.prefixes)


@dataclass(frozen=True)
class Section:
    """A destination of the main navigation: the bottom bar on a phone, the
    side bar on a desktop. A section with several pages shows them as a
    segmented sub-navigation, so every page is at most two taps away."""

    key: str
    label: str
    icon: str
    view: str
    pages: tuple[Page, ...] = ()

    def owns(self, view_name: str) -> bool:
        return view_name == self.view or any(page.owns(view_name) for page in self.pages)


# The one table that decides where every page lives and which tab it lights up.
NAVIGATION = (
    Section("today", _("Today"), "sun", "today"),
    Section(
        "checkins",
        _("Check in"),
        "smile",
        "checkins:checkin",
        (
            Page(_("Daily"), "checkins:checkin", frozenset({"checkins:share"})),
            Page(
                _("Weekly"),
                "checkins:weekly",
                frozenset({"checkins:week", "checkins:agenda", "checkins:schedule"}),
            ),
            Page(_("Past weeks"), "checkins:weekly_history"),
        ),
    ),
    Section(
        "share",
        _("Share"),
        "message-circle-heart",
        "shares",
        (
            Page(_("Shares"), "shares", frozenset({"share_create", "share_detail"})),
            Page(_("Needs"), "needs", frozenset({"needs_met", "need_detail"})),
        ),
    ),
    Section(
        "together",
        _("Together"),
        "heart-handshake",
        "history",
        (
            Page(_("Answers"), "history", frozenset({"daily"})),
            Page(_("Deck"), "deck:home", frozenset({"deck:card", "deck:draw"})),
            Page(_("Balance"), "balance:page"),
            Page(_("Favourites"), "favourites"),
            Page(_("Ask"), "ask"),
        ),
    ),
    Section(
        "settings",
        _("Settings"),
        "settings",
        "pair_settings",
        (
            Page(
                _("You"),
                "pair_settings",
                frozenset({"invite", "join", "join_with_code", "unpair", "earlier_writing"}),
            ),
            Page(_("Questions"), "categories"),
            Page(
                _("Account"),
                "account_email",
                frozenset({"delete_account"}),
                prefixes=("account_", "mfa_", "usersessions_"),
            ),
        ),
    ),
)


def section_for(view_name: str) -> Section | None:
    return next((section for section in NAVIGATION if section.owns(view_name)), None)


def navigation(request):
    """The main navigation and the current section's pages, for base.html."""
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    view_name = (match.view_name if match else "") or ""
    current = section_for(view_name)
    context = {"nav_section": current.key if current else ""}
    if user is None or not user.is_authenticated:
        return context
    context["nav"] = [
        {
            "key": section.key,
            "label": section.label,
            "icon": section.icon,
            "url": reverse(section.view),
            # "page" on the section's own page, "true" on its other pages.
            "current": ("page" if view_name == section.view else "true")
            if section is current
            else "",
        }
        for section in NAVIGATION
    ]
    if current is not None and current.pages:
        context["subnav"] = {
            "label": current.label,
            "pages": [
                {"label": page.label, "url": reverse(page.view), "current": page.owns(view_name)}
                for page in current.pages
            ],
        }
    return context


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
