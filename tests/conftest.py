"""Shared fixtures: people, pairs and the question bank, built through the
same services the app uses."""

import itertools

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from hearthside.pairs import services as pair_services
from hearthside.pairs.accounts import create_person
from hearthside.pairs.models import ApiToken, User
from hearthside.questions.bank import load_bank

PASSWORD = "a-long-test-password-41"

# A machine busy with other work must not turn a slow example into a failure:
# properties are about results, never about how long an example took.
hypothesis_settings.register_profile(
    "hearthside", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
hypothesis_settings.load_profile("hearthside")
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def run_tasks_immediately(settings):
    """Background tasks run inline in tests, unless a test asks for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def fresh_cache(request):
    """Rate-limit counts and used two-factor codes live in the cache, a table of
    the test database. A test in a transaction rolls its entries back; a test
    that commits starts from an empty cache instead of its predecessor's."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        cache.clear()


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def make_person(db):
    def make(name: str | None = None, time_zone: str = "Europe/London", **extra):
        number = next(_numbers)
        name = name or f"Person {number}"
        return create_person(
            extra.pop("email", f"person{number}@example.test"),
            PASSWORD,
            name,
            time_zone=time_zone,
            verified=True,
        )

    return make


@pytest.fixture
def pair_up():
    def pair(first, second):
        _, code = pair_services.create_invitation(first)
        created = pair_services.accept_invitation(second, code)
        for person in (first, second):
            pair_services.forget_pair_context(person)
        return created

    return pair


@pytest.fixture
def bank(db):
    return load_bank()


@pytest.fixture
def couple(make_person, pair_up, bank):
    """Alex and Sam, paired, with the question bank loaded."""
    alex = make_person("Alex")
    sam = make_person("Sam")
    pair_up(alex, sam)
    return alex, sam


@pytest.fixture
def other_couple(make_person, pair_up, bank):
    kim = make_person("Kim")
    lee = make_person("Lee")
    pair_up(kim, lee)
    return kim, lee


@pytest.fixture
def client_for():
    def login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is deliberately slow; the tests check behaviour, not hashing cost."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_client_for():
    """A client that speaks to the API as a script would: with a bearer token."""

    def client(user: User | None) -> Client:
        if user is None:
            return Client()
        _, token = ApiToken.issue(user, name="tests")
        return Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    return client
