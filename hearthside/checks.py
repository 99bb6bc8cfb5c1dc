"""`hearthside check`: refuses a deployment that still runs on local defaults."""

import os

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def unsafe_production_settings(app_configs, **kwargs):
    problems = []
    if settings.DEBUG:
        problems.append(
            Error(
                "DEBUG is on: error pages would show code and settings to visitors.",
                hint="Unset HEARTHSIDE_DEBUG.",
                id="hearthside.E001",
            )
        )
    if settings.SECRET_KEY == settings.INSECURE_DEFAULT_SECRET_KEY or len(settings.SECRET_KEY) < 40:
        problems.append(
            Error(
                "The secret key is the built-in default (or too short): anyone could forge "
                "sessions and password-reset links.",
                hint="Set HEARTHSIDE_SECRET_KEY to 50 random characters, e.g. from "
                '`python -c "import secrets; print(secrets.token_urlsafe(50))"`.',
                id="hearthside.E002",
            )
        )
    if not settings.ALLOWED_HOSTS_FROM_ENVIRONMENT or not settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "Allowed hosts are not set for this deployment.",
                hint="Set HEARTHSIDE_ALLOWED_HOSTS to your domain, e.g. hearth.example.org.",
                id="hearthside.E003",
            )
        )
    if "*" in settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "HEARTHSIDE_ALLOWED_HOSTS contains '*', which accepts any Host header.",
                hint="List the real host names.",
                id="hearthside.E004",
            )
        )
    if not os.environ.get("HEARTHSIDE_ENCRYPTION_KEYS"):
        problems.append(
            Warning(
                "The content encryption key is read from a file in the data directory; a "
                "backup that holds both the database and the key protects nothing.",
                hint="Set HEARTHSIDE_ENCRYPTION_KEYS and keep the key apart from backups.",
                id="hearthside.W001",
            )
        )
    return problems
