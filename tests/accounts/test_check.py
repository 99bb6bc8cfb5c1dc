"""`hearthside check` refuses unsafe production settings, loudly and clearly."""

import os
import secrets
import subprocess

import pytest

from tests.worker.processes import CONSOLE_SCRIPT, PROJECT_ROOT

SAFE = {
    "HEARTHSIDE_SECRET_KEY": secrets.token_urlsafe(50),
    "HEARTHSIDE_ALLOWED_HOSTS": "hearth.example.org",
    "HEARTHSIDE_SITE_URL": "https://hearth.example.org",
}


def check(tmp_path, **settings: str) -> subprocess.CompletedProcess:
    """The real console script, with only the given HEARTHSIDE_ settings."""
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("HEARTHSIDE_")
    }
    environment.pop("DATABASE_URL", None)
    environment.update(HEARTHSIDE_DATA_DIR=str(tmp_path), **settings)
    return subprocess.run(  # noqa: S603 (our own console script)
        [str(CONSOLE_SCRIPT), "check"],
        env=environment,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_safe_settings_pass(tmp_path):
    result = check(tmp_path, **SAFE)
    assert result.returncode == 0, result.stderr
    assert "ERRORS" not in result.stderr


UNSAFE = {
    "debug on": ({"HEARTHSIDE_DEBUG": "1"}, "hearthside.E001", "DEBUG is on"),
    "default secret key": (
        {"HEARTHSIDE_SECRET_KEY": None},
        "hearthside.E002",
        "The secret key is the built-in default",
    ),
    "short secret key": ({"HEARTHSIDE_SECRET_KEY": "too-short"}, "hearthside.E002", "too short"),
    "no allowed hosts": (
        {"HEARTHSIDE_ALLOWED_HOSTS": None},
        "hearthside.E003",
        "Allowed hosts are not set",
    ),
    "any host allowed": ({"HEARTHSIDE_ALLOWED_HOSTS": "*"}, "hearthside.E004", "'*'"),
}


@pytest.mark.parametrize("change, code, message", UNSAFE.values(), ids=UNSAFE.keys())
def test_an_unsafe_setting_is_refused_with_a_clear_message(tmp_path, change, code, message):
    settings = {**SAFE, **change}
    result = check(tmp_path, **{name: value for name, value in settings.items() if value})

    assert result.returncode != 0
    assert code in result.stderr
    assert message in result.stderr
    assert "HINT" in result.stderr


def test_every_local_default_is_reported_at_once(tmp_path):
    result = check(tmp_path, HEARTHSIDE_DEBUG="1")
    assert result.returncode != 0
    for code in ("hearthside.E001", "hearthside.E002", "hearthside.E003"):
        assert code in result.stderr
