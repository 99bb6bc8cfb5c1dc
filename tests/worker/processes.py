"""Running the real `hearthside` console script against the test database.

Only tests marked ``django_db(transaction=True)`` commit their rows, so only
they can share data with another process.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

CONSOLE_SCRIPT = Path(sys.executable).parent / "hearthside"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def database_url_of_this_test() -> str:
    """DATABASE_URL of the database this test runs on (the test copy)."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def hearthside_environment(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "HEARTHSIDE_DATA_DIR": str(settings.DATA_DIR),
        "DATABASE_URL": database_url_of_this_test(),
        "PYTHONPATH": str(PROJECT_ROOT),
        **extra,
    }


def run_hearthside(*arguments: str, timeout: float = 120, **env: str):
    return subprocess.run(  # noqa: S603 (our own console script)
        [str(CONSOLE_SCRIPT), *arguments],
        env=hearthside_environment(**env),
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
