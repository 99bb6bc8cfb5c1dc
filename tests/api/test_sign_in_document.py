"""Signing up and signing in, fuzzed with every schemathesis check: whatever
arrives, the answer is one the OpenAPI document states, 429 and its
Retry-After header included."""

import itertools

import pytest
import schemathesis
from django.test import RequestFactory
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from hearthside.errors import TooManyAttempts
from hearthside.pairs import ratelimits
from hearthside.pairs.models import ApiToken
from hearthside.wsgi import application

from .test_fuzz import keep_the_test_database_connection  # noqa: F401 (a fixture)

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application).include(
    path_regex="^/api/auth/"
)


# Valid JSON may still be refused, with 400 and the reason: text holding a
# character no database can store (errors.refuse_unstorable_text), a password
# the password rules refuse, an email address that is not one. A JSON schema
# states none of that, so "schema-valid data is accepted" cannot hold here.
REFUSES_SOME_VALID_JSON = [positive_data_acceptance]


@pytest.fixture
def client_addresses(db):
    """Requests alternate between a client that has used up every limit and
    one that has not, so the fuzzing meets 429 as often as the rest."""
    made_to_wait = "203.0.113.99"
    request = RequestFactory().post("/", REMOTE_ADDR=made_to_wait)
    for action in ratelimits.RATES:
        with pytest.raises(TooManyAttempts):
            for number in range(100):
                ratelimits.count_attempt(request, action, f"person{number}@example.test")
    return itertools.cycle([made_to_wait, "127.0.0.1"])


@settings(
    max_examples=40,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@schema.parametrize()
def test_signing_up_and_in_answers_only_what_the_document_says(
    case,
    make_person,
    client_addresses,
    keep_the_test_database_connection,  # noqa: F811
):
    _, token = ApiToken.issue(make_person(), name="fuzzing")
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        environ_base={"REMOTE_ADDR": next(client_addresses)},
        excluded_checks=REFUSES_SOME_VALID_JSON,
    )
