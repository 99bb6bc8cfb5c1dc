"""The cache that holds rate-limit counts is shared by every process: the
database by default, Redis when the operator names one."""

import json
import os
import secrets
import sqlite3

import pytest
import redis

from hearthside import settings as hearthside_settings
from tests.accounts.test_check import check
from tests.conftest import PASSWORD
from tests.worker.processes import run_hearthside

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def test_migrate_creates_the_cache_table_of_a_new_database(tmp_path):
    database = tmp_path / "new.sqlite3"

    result = run_hearthside("migrate", DATABASE_URL=f"sqlite:///{database}")

    assert result.returncode == 0, result.stderr
    tables = {row[0] for row in sqlite3.connect(database).execute("SELECT name FROM sqlite_master")}
    assert "hearthside_cache" in tables


def test_a_redis_url_that_is_not_one_is_refused_with_a_clear_message(tmp_path):
    result = check(tmp_path, HEARTHSIDE_REDIS_URL="127.0.0.1:6379")

    assert result.returncode != 0
    assert "HEARTHSIDE_REDIS_URL must be a redis://" in result.stderr


def redis_if_reachable():
    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=3).ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not reachable at {TEST_REDIS_URL} (set TEST_REDIS_URL)")
    return {"HEARTHSIDE_REDIS_URL": TEST_REDIS_URL}


def token_requests(*attempts: tuple[str, str, str], **environment: str) -> list[int]:
    """API sign-ins (client address, email, password) in a `hearthside` process
    of their own, as another web worker would serve them; their status codes."""
    code = (
        "from django.test import Client\n"
        "print([\n"
        "    Client(REMOTE_ADDR=client, HTTP_HOST='localhost').post(\n"
        "        '/api/auth/token', {'email': email, 'password': password},\n"
        "        content_type='application/json',\n"
        "    ).status_code\n"
        f"    for client, email, password in {list(attempts)!r}\n"
        "])"
    )
    result = run_hearthside("shell", "-c", code, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("cache", ["database", "redis"])
def test_sign_in_failures_counted_by_one_process_hold_in_another(make_person, settings, cache):
    environment = redis_if_reachable() if cache == "redis" else {}
    settings.PASSWORD_HASHERS = hearthside_settings.PASSWORD_HASHERS  # the other process's
    ash = make_person("Ash").email
    # Clients of their own, so that counts left in Redis by an earlier run don't count.
    stranger, owner = (f"2001:db8:{secrets.token_hex(2)}:{secrets.token_hex(2)}::1" for _ in "ab")

    first = token_requests(*[(stranger, ash, "wrong-password")] * 5, **environment)
    second = token_requests((stranger, ash, PASSWORD), (owner, ash, PASSWORD), **environment)

    assert first == [401] * 5
    assert second == [429, 201]
