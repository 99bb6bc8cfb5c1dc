"""How a row of the authorization matrix is written and checked: what each
actor must get (Expect), the row itself, and the check of one actor's
response: its status, the secrets searched for in its body, the sign-in
redirect, JSON errors from the API, and that a refusal changed nothing.

Two actors act once Alex and Sam have unpaired and Alex has paired with Noor
(``after_the_unpair``): the ex-partner, Sam, who stays unpaired, and the new
partner, Noor. By default Sam is sent to Today by pages that need a partner
and told 409 by the API, and Noor gets what Kim, of another pair, gets; rows
say where they differ. Nothing Alex wrote in the old pair may reach either."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.test import Client
from django.urls import reverse
from django.urls.exceptions import NoReverseMatch

from hearthside.pairs import services as pair_services

from .snapshot import content_snapshot
from .targets import (
    EVERYTHING_ALEX_WROTE,
    HIDDEN_FROM_PARTNER,
    NEVER_FOR_PARTNER,
    NEVER_OUTSIDE_THE_PAIR,
    MatrixWorld,
    Target,
)

# --- What each actor gets ----------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    status: int
    # True: the target's secret is in the body; False: it is not; None: no claim.
    shows_secret: bool | None = False
    to_login: bool = False
    # Sent back to Today, as a page that needs a partner sends someone unpaired.
    to_today: bool = False
    # None: a refusal (4xx, sign-in redirect, back to Today) changes nothing, a success may.
    changes_nothing: bool | None = None

    @property
    def must_change_nothing(self) -> bool:
        if self.changes_nothing is not None:
            return self.changes_nothing
        return self.status >= 400 or self.to_login or self.to_today


OK = Expect(200)
SEES = Expect(200, shows_secret=True)
SAVED = Expect(200, shows_secret=None)
NO_CLAIM = Expect(200, shows_secret=None)  # what the page shows of it is a design choice
CREATED = Expect(201, shows_secret=None)
CREATED_SEES = Expect(201, shows_secret=True)
ACCEPTED = Expect(202)
GONE = Expect(204)
REDIRECT = Expect(302)
REDIRECT_UNCHANGED = Expect(302, changes_nothing=True)
SEES_UNCHANGED = Expect(200, shows_secret=True, changes_nothing=True)
REFUSED = Expect(400)
REFUSED_SEES = Expect(400, shows_secret=True)
UNAUTHORIZED = Expect(401)
FORBIDDEN = Expect(403)
NOT_FOUND = Expect(404)
CONFLICT = Expect(409)
LOGIN = Expect(302, to_login=True)
TO_TODAY = Expect(302, to_today=True)


@dataclass(frozen=True)
class Row:
    method: str
    route: str  # a URL name for pages; the path of the OpenAPI document for the API
    target: Callable[[MatrixWorld], Target]
    author: Expect
    partner: Expect
    stranger: Expect
    anonymous: Expect
    ex_partner: Expect
    new_partner: Expect
    body: dict = field(default_factory=dict)

    @property
    def is_api(self) -> bool:
        return self.route.startswith("/api/")

    @property
    def key(self) -> str:
        return f"{self.method} {self.route}"

    def __str__(self):
        return f"{self.method} {self.route} [{self.target.__name__}]"

    def url(self, target: Target) -> str:
        query = f"?{urlencode(target.query)}" if target.query else ""
        if self.is_api:
            return self.route.format(**target.url) + query
        try:
            return reverse(self.route, kwargs=target.url) + query
        except NoReverseMatch:
            return reverse(self.route) + query


def page(
    method,
    name,
    target,
    author,
    partner,
    stranger,
    anonymous=LOGIN,
    ex_partner=TO_TODAY,
    new_partner=None,
    **body,
) -> Row:
    new_partner = new_partner or stranger
    return Row(
        method, name, target, author, partner, stranger, anonymous, ex_partner, new_partner, body
    )


def api(
    method,
    path,
    target,
    author,
    partner,
    stranger,
    anonymous=UNAUTHORIZED,
    ex_partner=CONFLICT,
    new_partner=None,
    **body,
) -> Row:
    new_partner = new_partner or stranger
    return Row(
        method, path, target, author, partner, stranger, anonymous, ex_partner, new_partner, body
    )


ACTORS = ["author", "partner", "stranger", "anonymous", "ex_partner", "new_partner"]
AFTER_THE_UNPAIR = {"ex_partner", "new_partner"}


def after_the_unpair(world: MatrixWorld) -> None:
    """Alex and Sam unpair, and Alex pairs with Noor."""
    pair_services.end_pairing(world.alex)
    _, code = pair_services.create_invitation(world.alex)
    pair_services.accept_invitation(world.noor, code)


def person(world: MatrixWorld, actor: str):
    return {
        "author": world.alex,
        "partner": world.sam,
        "stranger": world.kim,
        "ex_partner": world.sam,
        "new_partner": world.noor,
    }.get(actor)


def send(row: Row, client, target: Target):
    url = row.url(target)
    body = {**target.body, **row.body}
    if row.is_api:
        payload = json.dumps(body) if body else ""
        return client.generic(row.method, url, payload, content_type="application/json")
    if row.method == "GET":
        return client.get(url)
    return client.post(url, body)


def signed_in(row: Row, user, client_for, api_client_for) -> Client:
    """Pages by session, the API by bearer token, as people and scripts do."""
    if user is None:
        return Client()
    return api_client_for(user) if row.is_api else client_for(user)


def check_actor(
    row: Row, actor: str, target: Target, world: MatrixWorld, client_for, api_client_for
):
    expect: Expect = getattr(row, actor)
    user = person(world, actor)
    client = signed_in(row, user, client_for, api_client_for)
    people = (world.alex, world.sam, world.kim, world.noor)
    before = content_snapshot(*people)

    response = send(row, client, target)

    body = response.content.decode()
    assert response.status_code == expect.status, body[:500]
    if expect.shows_secret:
        assert target.secret in body
    elif expect.shows_secret is False:
        assert target.secret not in body
    if actor in ("stranger", "anonymous"):
        for secret in (*NEVER_OUTSIDE_THE_PAIR, *target.revealed):
            assert secret not in body
    if actor == "partner":
        revealed_here = target.revealed if expect.shows_secret else ()
        for secret in HIDDEN_FROM_PARTNER:
            # Only answering, checking in or filling in the week reveals these.
            assert secret in revealed_here or secret not in body
        for secret in NEVER_FOR_PARTNER:
            assert secret not in body
    if actor in AFTER_THE_UNPAIR:
        for secret in EVERYTHING_ALEX_WROTE:
            assert secret not in body
    if expect.to_login:
        assert response["Location"].startswith(reverse("account_login") + "?next=")
    if expect.to_today:
        assert response["Location"] == reverse("today")
    if response.status_code >= 400 and row.route.startswith(("/api/", "api")):
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"]
    if expect.must_change_nothing:
        assert content_snapshot(*people) == before
