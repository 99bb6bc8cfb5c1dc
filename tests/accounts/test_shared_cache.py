"""The cache that holds rate-limit counts is shared by every process: the
database by default, Redis when the operator names one."""

import sqlite3

from tests.accounts.test_check import check
from tests.worker.processes import run_hearthside


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
