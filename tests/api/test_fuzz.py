"""Schema-driven fuzzing: schemathesis reads /api/openapi.json and sends every
operation generated input, valid and invalid, in-process through WSGI, as a
signed-in person of a pair. Whatever arrives, the API answers without a
server error, and what it documents is what it sends."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from hearthside.pairs.models import ApiToken
from hearthside.questions import services
from hearthside.wsgi import application

EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def keep_the_test_database_connection():
    """Django closes the connection after each request, which would end the
    test's transaction; the test client avoids that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Ids of rows that exist in the test's database, filled by the fixture below.
REAL_IDS: dict[str, int] = {}
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@schema.hook("flatmap_path_parameters")
def sometimes_real_ids(context, path_parameters):
    # Random ids almost never exist; real ones reach the code behind the lookup.
    if not path_parameters:
        return st.just(path_parameters)
    known = {name: REAL_IDS.get(name, value) for name, value in path_parameters.items()}
    return st.sampled_from([path_parameters, known])


@pytest.fixture
def alex_with_content(couple, keep_the_test_database_connection):
    alex, sam = couple
    daily = services.todays_question(alex)
    answer = services.answer_question(sam, daily.pk, "Sam's answer")
    own = services.ask_own_question(alex, "What made you smile today?")
    REAL_IDS.update(daily_id=daily.pk, answer_id=answer.pk, own_question_id=own.pk)
    yield alex
    REAL_IDS.clear()


@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    phases=[Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@schema.parametrize()
def test_no_input_makes_the_api_fail(case, alex_with_content):
    _, token = ApiToken.issue(alex_with_content, name="fuzzing")
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"},
        checks=[not_a_server_error, response_schema_conformance],
        environ_base={"REMOTE_ADDR": "127.0.0.1"},  # as any real server sets it
    )
