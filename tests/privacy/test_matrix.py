"""The authorization matrix: every page and API operation, for each of
Alex (the author), Sam (the partner, who has not answered today's question,
checked in or filled in the week yet), Kim (a person of another pair), an
anonymous visitor, and, once Alex and Sam have unpaired and Alex has paired
with Noor, Sam as her ex-partner and Noor as her new partner.

One row per method, route and object: how to build the object the route acts
on, and what each actor must get. Besides the status, every response body is
searched for everything Alex wrote (targets.py): what is not yet revealed to
Sam never reaches him unless the row reveals it, her private note never
reaches him at all, nothing of Alex's pair ever reaches Kim or an anonymous
visitor, and nothing she wrote in it ever reaches her ex-partner or her new
partner. A refused request changes nothing (row counts, names, answers and
every edit a request can make are compared).

To cover a new app: write a builder for its object in targets.py (a few lines
returning a Target) and add one row per page method and API operation. The
completeness test lists whatever is missing.
"""

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import PASSWORD

from .matrix import (
    ACCEPTED,
    ACTORS,
    AFTER_THE_UNPAIR,
    CONFLICT,
    CREATED,
    CREATED_SEES,
    FORBIDDEN,
    GONE,
    NO_CLAIM,
    NOT_FOUND,
    OK,
    REDIRECT,
    REDIRECT_UNCHANGED,
    REFUSED,
    REFUSED_SEES,
    SAVED,
    SEES,
    SEES_UNCHANGED,
    after_the_unpair,
    api,
    check_actor,
    page,
)
from .targets import (
    a_category,
    a_deck_card,
    alex_answer,
    alex_checked_in_yesterday,
    alex_checkin,
    alex_credentials,
    alex_drew_a_card,
    alex_favourite,
    alex_kept_share,
    alex_met_need,
    alex_need,
    alex_own_question,
    alex_private_note,
    alex_share,
    alex_shared_her_checkin,
    alex_weekly,
    alex_wrote_in_an_earlier_pair,
    both_checked_in_yesterday,
    both_weekly,
    last_week_alex_alone,
    last_week_both,
    nothing,
    robins_invitation,
    sam_checked_in_too,
    shared_past_day,
    todays_daily,
    unknown_path,
)

NEW_ANSWER = "A fresh answer for today"
COACHED_DRAFT = "You always overthink this, you should just relax"

MATRIX = [
    # method, route, object; then what Alex, Sam, Kim and (if not the default) anonymous get
    page("GET", "today", nothing, SEES, OK, OK, anonymous=OK, ex_partner=OK),
    page("GET", "history", shared_past_day, SEES, SEES, OK),
    page("GET", "history", nothing, OK, OK, OK),
    page("GET", "favourites", alex_favourite, SEES, OK, OK, ex_partner=OK),
    page("GET", "daily", todays_daily, SEES, OK, NOT_FOUND),
    page("GET", "daily", shared_past_day, SEES, SEES, NOT_FOUND),
    page("POST", "answer", todays_daily, REDIRECT, REDIRECT, NOT_FOUND, text=NEW_ANSWER),
    page("POST", "skip", todays_daily, REFUSED_SEES, REFUSED, NOT_FOUND, reason="not_today"),
    page("POST", "favourite", todays_daily, REDIRECT, REDIRECT, NOT_FOUND, favourite="1"),
    page(
        "POST",
        "respond",
        alex_answer,
        REDIRECT,
        NOT_FOUND,
        NOT_FOUND,
        kind="reply",
        text="x",
        ex_partner=NOT_FOUND,
    ),
    page("POST", "unheart", alex_answer, REDIRECT, NOT_FOUND, NOT_FOUND, ex_partner=NOT_FOUND),
    page("GET", "ask", alex_own_question, SEES, OK, OK, ex_partner=OK),
    page(
        "POST",
        "ask",
        nothing,
        REDIRECT,
        REDIRECT,
        REDIRECT,
        ex_partner=REFUSED,
        text="What made you laugh?",
        category="fun-and-playful",
        depth="1",
    ),
    page(
        "POST",
        "withdraw_question",
        alex_own_question,
        REDIRECT,
        REDIRECT_UNCHANGED,
        REDIRECT_UNCHANGED,
        ex_partner=REDIRECT_UNCHANGED,
    ),
    page("GET", "pair_settings", nothing, OK, OK, OK, ex_partner=OK),
    page(
        "POST",
        "pair_settings",
        nothing,
        REDIRECT,
        REDIRECT,
        REDIRECT,
        ex_partner=REDIRECT,
        form="person",
        display_name="Renamed",
        time_zone="Europe/Paris",
        language="en",
    ),
    page("GET", "unpair", nothing, OK, OK, OK),
    page("GET", "earlier_writing", alex_wrote_in_an_earlier_pair, SEES, OK, OK, ex_partner=OK),
    page("GET", "earlier_writing", nothing, OK, OK, OK, ex_partner=OK),
    page("GET", "delete_account", nothing, OK, OK, OK, ex_partner=OK),
    page("POST", "delete_account", nothing, *[REFUSED] * 3, ex_partner=REFUSED, password="wrong"),
    page(
        "POST", "delete_account", nothing, *[REDIRECT] * 3, ex_partner=REDIRECT, password=PASSWORD
    ),
    page(
        "GET",
        "goodbye",
        nothing,
        *[REDIRECT_UNCHANGED] * 3,
        anonymous=OK,
        ex_partner=REDIRECT_UNCHANGED,
    ),
    page("POST", "unpair", nothing, REDIRECT, REDIRECT, REDIRECT),
    page("GET", "categories", nothing, OK, OK, OK),
    # The design system's style page: debug or staff only, otherwise not there at all.
    page(
        "GET",
        "style",
        nothing,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        anonymous=NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    page(
        "POST",
        "categories",
        a_category,
        REDIRECT,
        REDIRECT,
        REDIRECT,
        enabled="0",
        ex_partner=REDIRECT_UNCHANGED,
    ),
    page(
        "GET",
        "invite",
        nothing,
        REDIRECT_UNCHANGED,
        REDIRECT_UNCHANGED,
        REDIRECT_UNCHANGED,
        ex_partner=OK,
    ),
    page(
        "POST",
        "invite",
        nothing,
        REDIRECT_UNCHANGED,
        REDIRECT_UNCHANGED,
        REDIRECT_UNCHANGED,
        ex_partner=REDIRECT,
    ),
    page("GET", "join", nothing, OK, OK, OK, anonymous=OK, ex_partner=OK),
    page(
        "POST",
        "join",
        robins_invitation,
        REFUSED,
        REFUSED,
        REFUSED,
        anonymous=OK,
        ex_partner=REDIRECT,
    ),
    page("GET", "join_with_code", robins_invitation, OK, OK, OK, anonymous=OK, ex_partner=OK),
    page(
        "POST",
        "join_with_code",
        robins_invitation,
        REFUSED,
        REFUSED,
        REFUSED,
        anonymous=OK,
        ex_partner=REDIRECT,
    ),
    page("GET", "api:openapi-json", nothing, OK, OK, OK, anonymous=OK, ex_partner=OK),
    page("GET", "api:openapi-view", nothing, OK, OK, OK, anonymous=OK, ex_partner=OK),
    page(
        "GET",
        "api:api-root",
        nothing,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        anonymous=NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    page(
        "GET",
        "api_unknown",
        unknown_path,
        NOT_FOUND,
        NOT_FOUND,
        NOT_FOUND,
        anonymous=NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    # The JSON API, with bearer tokens
    api(
        "POST",
        "/api/auth/signup",
        nothing,
        ACCEPTED,
        ACCEPTED,
        ACCEPTED,
        anonymous=ACCEPTED,
        ex_partner=ACCEPTED,
        email="newcomer@example.test",
        password=PASSWORD,
        display_name="Newcomer",
    ),
    api(
        "POST",
        "/api/auth/token",
        alex_credentials,
        CREATED,
        CREATED,
        CREATED,
        anonymous=CREATED,
        ex_partner=CREATED,
    ),
    api("DELETE", "/api/auth/token", nothing, GONE, GONE, GONE, ex_partner=GONE),
    api("GET", "/api/me", nothing, OK, OK, OK, ex_partner=OK),
    api("PATCH", "/api/me", nothing, OK, OK, OK, display_name="Renamed", ex_partner=OK),
    api("DELETE", "/api/me", nothing, *[FORBIDDEN] * 3, ex_partner=FORBIDDEN, password="wrong"),
    api("DELETE", "/api/me", nothing, GONE, GONE, GONE, ex_partner=GONE, password=PASSWORD),
    api("GET", "/api/pair", nothing, OK, OK, OK),
    api("PATCH", "/api/pair", nothing, OK, OK, OK, kind="married"),
    api("DELETE", "/api/pair", nothing, GONE, GONE, GONE),
    # What Alex wrote in a pair that ended is hers alone
    api(
        "GET", "/api/me/earlier-writing", alex_wrote_in_an_earlier_pair, SEES, OK, OK, ex_partner=OK
    ),
    api("GET", "/api/me/earlier-writing", nothing, OK, OK, OK, ex_partner=OK),
    api("POST", "/api/pair/invitations", nothing, CONFLICT, CONFLICT, CONFLICT, ex_partner=CREATED),
    api(
        "POST",
        "/api/pair/join",
        robins_invitation,
        CONFLICT,
        CONFLICT,
        CONFLICT,
        ex_partner=CREATED,
    ),
    api("GET", "/api/today", nothing, SEES, OK, OK, ex_partner=OK),
    api("GET", "/api/daily/{daily_id}", todays_daily, SEES, OK, NOT_FOUND),
    api("GET", "/api/daily/{daily_id}", shared_past_day, SEES, SEES, NOT_FOUND),
    api("PUT", "/api/daily/{daily_id}/answer", todays_daily, SAVED, SEES, NOT_FOUND, text="Mine"),
    api(
        "POST",
        "/api/daily/{daily_id}/skip",
        todays_daily,
        CONFLICT,
        CONFLICT,
        NOT_FOUND,
        reason="not_today",
    ),
    api("PUT", "/api/daily/{daily_id}/favourite", todays_daily, OK, OK, NOT_FOUND),
    api("DELETE", "/api/daily/{daily_id}/favourite", todays_daily, OK, OK, NOT_FOUND),
    api(
        "POST",
        "/api/answers/{answer_id}/responses",
        alex_answer,
        CREATED_SEES,
        NOT_FOUND,
        NOT_FOUND,
        ex_partner=NOT_FOUND,
        kind="reply",
        text="A note to myself",
    ),
    api(
        "DELETE",
        "/api/answers/{answer_id}/heart",
        alex_answer,
        SEES,
        NOT_FOUND,
        NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    api("GET", "/api/history", shared_past_day, SEES, SEES, OK),
    api("GET", "/api/history", nothing, OK, OK, OK),
    api("GET", "/api/favourites", alex_favourite, SEES, OK, OK, ex_partner=OK),
    api("GET", "/api/categories", nothing, OK, OK, OK),
    api("PUT", "/api/categories/{slug}", a_category, OK, OK, OK, enabled=False),
    api("GET", "/api/own-questions", alex_own_question, SEES, OK, OK, ex_partner=OK),
    api("POST", "/api/own-questions", nothing, CREATED, CREATED, CREATED, text="Tea or coffee?"),
    api(
        "DELETE",
        "/api/own-questions/{own_question_id}",
        alex_own_question,
        GONE,
        NOT_FOUND,
        NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    # Today, once Alex's check-in is revealed to Sam (never its private note)
    page("GET", "today", sam_checked_in_too, OK, OK, OK, anonymous=OK, ex_partner=OK),
    page("GET", "today", both_weekly, OK, OK, OK, anonymous=OK, ex_partner=OK),
    api("GET", "/api/today", sam_checked_in_too, SEES, SEES, OK, ex_partner=OK),
    # Daily check-ins
    page("GET", "checkins:checkin", alex_checkin, SEES, OK, OK),
    page("GET", "checkins:checkin", alex_private_note, SEES, OK, OK),
    page("GET", "checkins:checkin", sam_checked_in_too, SEES, SEES, OK),
    page("GET", "checkins:checkin", alex_shared_her_checkin, SEES, SEES, OK),
    page("GET", "checkins:checkin", alex_checked_in_yesterday, SEES, OK, OK),
    page("GET", "checkins:checkin", both_checked_in_yesterday, SEES, SEES, OK),
    page("POST", "checkins:checkin", alex_checkin, REDIRECT, REDIRECT, REDIRECT, mood="4"),
    page(
        "POST",
        "checkins:share",
        alex_checkin,
        REDIRECT,
        REDIRECT_UNCHANGED,
        REDIRECT_UNCHANGED,
        ex_partner=REDIRECT_UNCHANGED,
    ),
    api("GET", "/api/checkins/feelings", nothing, OK, OK, OK, ex_partner=OK),
    api("GET", "/api/checkins/today", alex_checkin, SEES, OK, OK),
    api("GET", "/api/checkins/today", alex_private_note, SEES, OK, OK),
    api("GET", "/api/checkins/today", sam_checked_in_too, SEES, SEES, OK),
    api("GET", "/api/checkins/today", alex_shared_her_checkin, SEES, SEES, OK),
    api("PUT", "/api/checkins/today", alex_checkin, SAVED, SEES, OK, mood=4),
    api("POST", "/api/checkins/today/share", alex_checkin, SEES, REFUSED, REFUSED),
    api("GET", "/api/checkins/recent", alex_checked_in_yesterday, SEES, OK, OK),
    api("GET", "/api/checkins/recent", both_checked_in_yesterday, SEES, SEES, OK),
    api(
        "GET",
        "/api/checkins/entries/{checkin_id}",
        alex_checkin,
        SEES,
        NOT_FOUND,
        NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    api(
        "GET",
        "/api/checkins/entries/{checkin_id}",
        sam_checked_in_too,
        SEES,
        SEES,
        NOT_FOUND,
        ex_partner=NOT_FOUND,
    ),
    # Weekly check-ins
    page("GET", "checkins:weekly", alex_weekly, SEES, OK, OK),
    page("GET", "checkins:weekly", both_weekly, SEES, SEES, OK),
    page("POST", "checkins:weekly", alex_weekly, REDIRECT, REDIRECT, REDIRECT, one_need="Tea"),
    page(
        "POST", "checkins:weekly", both_weekly, REFUSED_SEES, REFUSED_SEES, REDIRECT, one_need="x"
    ),
    page("GET", "checkins:schedule", nothing, OK, OK, OK),
    page(
        "POST", "checkins:schedule", nothing, REDIRECT, REDIRECT, REDIRECT, weekday="3", at="19:30"
    ),
    page("GET", "checkins:weekly_history", last_week_alex_alone, NO_CLAIM, OK, OK),
    page("GET", "checkins:weekly_history", last_week_both, SEES, SEES, OK),
    page("GET", "checkins:week", alex_weekly, *[REDIRECT_UNCHANGED] * 3),
    page("GET", "checkins:week", last_week_alex_alone, SEES, OK, NOT_FOUND),
    page("GET", "checkins:week", last_week_both, SEES, SEES, NOT_FOUND),
    page(
        "GET",
        "checkins:agenda",
        alex_weekly,
        *[REDIRECT_UNCHANGED] * 3,
        ex_partner=REDIRECT_UNCHANGED,
    ),
    page(
        "GET",
        "checkins:agenda",
        both_weekly,
        SEES,
        SEES,
        REDIRECT_UNCHANGED,
        ex_partner=REDIRECT_UNCHANGED,
    ),
    page(
        "GET",
        "checkins:agenda",
        last_week_both,
        SEES,
        SEES,
        NOT_FOUND,
        ex_partner=REDIRECT_UNCHANGED,
    ),
    api("GET", "/api/checkins/weekly/schedule", nothing, OK, OK, OK),
    api("PUT", "/api/checkins/weekly/schedule", nothing, OK, OK, OK, weekday=3, time="19:30"),
    api("GET", "/api/checkins/weekly/current", alex_weekly, SEES, OK, OK),
    api("GET", "/api/checkins/weekly/current", both_weekly, SEES, SEES, OK),
    api("PUT", "/api/checkins/weekly/current", alex_weekly, SAVED, SEES, OK, one_need="Tea"),
    api("PUT", "/api/checkins/weekly/current", both_weekly, CONFLICT, CONFLICT, OK, one_need="x"),
    api("GET", "/api/checkins/weekly/agenda", alex_weekly, CONFLICT, CONFLICT, CONFLICT),
    api("GET", "/api/checkins/weekly/agenda", both_weekly, SEES, SEES, CONFLICT),
    api("GET", "/api/checkins/weekly/agenda", last_week_both, SEES, SEES, NOT_FOUND),
    api("GET", "/api/checkins/weekly/history", last_week_alex_alone, SEES, OK, OK),
    api("GET", "/api/checkins/weekly/history", last_week_both, SEES, SEES, OK),
    api("GET", "/api/checkins/weekly/{week}", last_week_alex_alone, SEES, OK, NOT_FOUND),
    api("GET", "/api/checkins/weekly/{week}", last_week_both, SEES, SEES, NOT_FOUND),
    # Shares and the listening coach
    page("GET", "shares", alex_share, SEES, SEES, OK),
    page("GET", "shares", alex_kept_share, SEES, OK, OK),
    page("POST", "share_create", nothing, REDIRECT, REDIRECT, REDIRECT, text="Hi", mode="listen"),
    page(
        "POST",
        "share_coach",
        nothing,
        OK,
        OK,
        OK,
        text=COACHED_DRAFT,
        context="listen",
        ex_partner=OK,
    ),
    page("GET", "share_detail", alex_share, SEES, SEES, NOT_FOUND),
    page("GET", "share_detail", alex_kept_share, SEES, NOT_FOUND, NOT_FOUND),
    page("POST", "share_reply", alex_share, REDIRECT, REDIRECT, NOT_FOUND, text="I hear you"),
    page("POST", "share_reply", alex_kept_share, REFUSED_SEES, NOT_FOUND, NOT_FOUND, text="x"),
    page("POST", "share_felt_heard", alex_share, REDIRECT, REFUSED_SEES, NOT_FOUND),
    page("POST", "share_felt_heard", alex_kept_share, REFUSED_SEES, NOT_FOUND, NOT_FOUND),
    page("POST", "share_send", alex_kept_share, REDIRECT, NOT_FOUND, NOT_FOUND),
    page("POST", "share_send", alex_share, REDIRECT_UNCHANGED, NOT_FOUND, NOT_FOUND),
    api("GET", "/api/shares", alex_share, SEES, SEES, OK),
    api("GET", "/api/shares", alex_kept_share, SEES, OK, OK),
    api("POST", "/api/shares", nothing, CREATED, CREATED, CREATED, text="Hi", mode="think"),
    api(
        "POST",
        "/api/shares/coach",
        nothing,
        OK,
        OK,
        OK,
        text=COACHED_DRAFT,
        context="listen",
        ex_partner=OK,
    ),
    api("GET", "/api/shares/{share_id}", alex_share, SEES, SEES, NOT_FOUND),
    api("GET", "/api/shares/{share_id}", alex_kept_share, SEES, NOT_FOUND, NOT_FOUND),
    api(
        "POST",
        "/api/shares/{share_id}/replies",
        alex_share,
        CREATED_SEES,
        CREATED_SEES,
        NOT_FOUND,
        text="I hear you",
    ),
    api(
        "POST",
        "/api/shares/{share_id}/replies",
        alex_kept_share,
        CONFLICT,
        NOT_FOUND,
        NOT_FOUND,
        text="A note to myself",
    ),
    api("PUT", "/api/shares/{share_id}/felt-heard", alex_share, SEES, REFUSED, NOT_FOUND),
    api("PUT", "/api/shares/{share_id}/felt-heard", alex_kept_share, CONFLICT, *[NOT_FOUND] * 2),
    api("POST", "/api/shares/{share_id}/send", alex_kept_share, SEES, NOT_FOUND, NOT_FOUND),
    api("POST", "/api/shares/{share_id}/send", alex_share, SEES_UNCHANGED, *[NOT_FOUND] * 2),
    # Needs
    page("GET", "needs", alex_need, SEES, SEES, OK),
    page("POST", "needs", nothing, REDIRECT, REDIRECT, REDIRECT, text="A hug"),
    page("GET", "needs_met", alex_met_need, SEES, SEES, OK),
    page("GET", "need_detail", alex_need, SEES, SEES, NOT_FOUND),
    page("GET", "need_detail", alex_met_need, SEES, SEES, NOT_FOUND),
    page("POST", "need_acknowledge", alex_need, REFUSED_SEES, REDIRECT, NOT_FOUND),
    page("POST", "need_note", alex_need, REFUSED_SEES, REDIRECT, NOT_FOUND, text="On it"),
    page("POST", "need_met", alex_need, REDIRECT, REFUSED_SEES, NOT_FOUND),
    api("GET", "/api/needs", alex_need, SEES, SEES, OK),
    api("GET", "/api/needs", alex_met_need, SEES, SEES, OK),
    api("POST", "/api/needs", nothing, CREATED, CREATED, CREATED, text="A hug"),
    api("GET", "/api/needs/{need_id}", alex_need, SEES, SEES, NOT_FOUND),
    api(
        "POST", "/api/needs/{need_id}/acknowledgement", alex_need, REFUSED, CREATED_SEES, NOT_FOUND
    ),
    api(
        "POST", "/api/needs/{need_id}/acknowledgement", alex_met_need, REFUSED, CONFLICT, NOT_FOUND
    ),
    api(
        "POST",
        "/api/needs/{need_id}/notes",
        alex_need,
        REFUSED,
        CREATED_SEES,
        NOT_FOUND,
        text="Yes",
    ),
    api("PUT", "/api/needs/{need_id}/met", alex_need, SEES, REFUSED, NOT_FOUND),
    # The conversation deck
    page("GET", "deck:home", alex_drew_a_card, SEES, SEES, OK),
    page("GET", "deck:card", a_deck_card, OK, OK, OK),
    page("POST", "deck:draw", nothing, REDIRECT, REDIRECT, REDIRECT),
    api("GET", "/api/deck/options", nothing, OK, OK, OK, ex_partner=OK),
    api("POST", "/api/deck/draw", nothing, CREATED, CREATED, CREATED, categories=[]),
    api("GET", "/api/deck/resting", alex_drew_a_card, SEES, SEES, OK),
    # The two-way balance: counts, never content
    page("GET", "balance:page", nothing, OK, OK, OK),
    api("GET", "/api/balance", nothing, OK, OK, OK),
]


@pytest.mark.parametrize("row", MATRIX, ids=str)
def test_who_sees_and_does_what(row, everything_alex_wrote, client_for, api_client_for, subtests):
    world = everything_alex_wrote
    target = row.target(world)
    for actor in ACTORS:
        # Each actor acts on the same world; their changes are rolled back.
        with subtests.test(actor=actor), transaction.atomic():
            if actor in AFTER_THE_UNPAIR:
                after_the_unpair(world)
            check_actor(row, actor, target, world, client_for, api_client_for)
            transaction.set_rollback(True)


# --- Every route is in the table -----------------------------------------------------------


def _page_routes(patterns=None, namespace=""):
    """The name and view of every URL pattern that is not an API operation;
    allauth's pages and static files are left out (they are allauth's and Django's)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            module = getattr(pattern.urlconf_module, "__name__", "")
            if module.startswith("allauth") or str(pattern.pattern).startswith("accounts/"):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _page_routes(pattern.url_patterns, inner)
            continue
        assert isinstance(pattern, URLPattern)
        view = getattr(pattern.callback, "view_class", pattern.callback)
        module = getattr(view, "__module__", "") or ""
        if module == "ninja.operation" or module.startswith("django.contrib.staticfiles"):
            continue  # API operations are enumerated from the OpenAPI document
        yield f"{namespace}{pattern.name or pattern.pattern}", view


# Answers every method alike (404, in JSON), so one row stands for all.
ANY_METHOD_ALIKE = {"api_unknown"}


def _declared_methods(view) -> list[str] | None:
    """The methods a view takes, as declared with require_http_methods (or
    require_GET, require_POST), looked for through every decorator's wrapper."""
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and view.__closure__:
            cells = dict(zip(code.co_freevars, view.__closure__, strict=True))
            if "request_method_list" in cells:
                return list(cells["request_method_list"].cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


def _page_operations():
    """Every (method, page) a page view takes. Hearthside's own views must
    declare their methods, so a new POST branch on a page asks for a row; the
    API's documentation views (Django Ninja's) and its catch-all are read with GET."""
    undeclared = []
    for name, view in _page_routes():
        methods = _declared_methods(view)
        if methods is None:
            ours = (getattr(view, "__module__", "") or "").startswith("hearthside")
            if ours and name not in ANY_METHOD_ALIKE:
                undeclared.append(name)
            methods = ["GET"]
        for method in methods:
            yield f"{method} {name}"
    assert not undeclared, (
        "Declare the methods of these views with require_http_methods: " + ", ".join(undeclared)
    )


def _api_operations(client):
    document = client.get("/api/openapi.json").json()
    for path, operations in document["paths"].items():
        for method in operations:
            yield f"{method.upper()} {path}"


def test_every_route_is_in_the_matrix(client, db):
    in_matrix = {row.key for row in MATRIX}
    routes = {*_page_operations(), *_api_operations(client)}

    missing = sorted(routes - in_matrix)
    assert not missing, "Add rows to MATRIX for these routes:\n" + "\n".join(missing)
    stale = sorted(in_matrix - routes)
    assert not stale, "MATRIX rows for routes that no longer exist:\n" + "\n".join(stale)
