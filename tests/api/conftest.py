"""People who use Hearthside only through its JSON API, the way a script
written against the OpenAPI document would: sign up, take a bearer token,
pair with a code, and call the documented paths."""

import json

import pytest
from django.test import Client

from tests.accounts.conftest import link_in_last_mail
from tests.conftest import PASSWORD


class ApiPerson:
    def __init__(self, email: str, name: str):
        self.email = email
        self.name = name
        self.client = Client()
        self.token = ""

    def call(self, method: str, path: str, body=None, *, raw: str | None = None, **headers):
        if self.token:
            headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {self.token}")
        payload = raw if raw is not None else ("" if body is None else json.dumps(body))
        response = self.client.generic(
            method, path, payload, content_type="application/json", **headers
        )
        if response.status_code != 204:
            # Every answer of the API is JSON, errors included.
            assert response["Content-Type"].startswith("application/json"), response.content[:300]
        return response

    def get(self, path, **headers):
        return self.call("GET", path, **headers)

    def post(self, path, body=None, **headers):
        return self.call("POST", path, body, **headers)

    def put(self, path, body=None, **headers):
        return self.call("PUT", path, body, **headers)

    def patch(self, path, body=None, **headers):
        return self.call("PATCH", path, body, **headers)

    def delete(self, path, **headers):
        return self.call("DELETE", path, **headers)

    def sign_up_and_sign_in(self) -> "ApiPerson":
        signup = {"email": self.email, "password": PASSWORD, "display_name": self.name}
        assert self.post("/api/auth/signup", signup).status_code == 202
        self.client.post(link_in_last_mail("/accounts/confirm-email/"))
        response = self.post("/api/auth/token", {"email": self.email, "password": PASSWORD})
        assert response.status_code == 201, response.content
        self.token = response.json()["token"]
        return self

    def pair_with(self, partner: "ApiPerson") -> None:
        response = self.post("/api/pair/invitations")
        assert response.status_code == 201, response.content
        joined = partner.post("/api/pair/join", {"code": response.json()["code"]})
        assert joined.status_code == 201, joined.content


@pytest.fixture
def api_person(db):
    def make(name: str) -> ApiPerson:
        return ApiPerson(f"{name.lower()}@example.test", name).sign_up_and_sign_in()

    return make


@pytest.fixture
def api_pairs(api_person, bank):
    """Alex and Sam, Kim and Lee: two pairs made through the API alone."""
    alex, sam, kim, lee = (api_person(name) for name in ("Alex", "Sam", "Kim", "Lee"))
    alex.pair_with(sam)
    kim.pair_with(lee)
    return alex, sam, kim, lee
