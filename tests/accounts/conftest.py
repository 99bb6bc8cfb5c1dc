import re
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail


def sign_in(client, email: str, password: str):
    return client.post("/accounts/login/", {"login": email, "password": password})


def link_in_last_mail(path_start: str) -> str:
    """The path of the first link in the newest email that starts with ``path_start``."""
    body = mail.outbox[-1].body
    match = re.search(rf"https?://[^/\s]+({re.escape(path_start)}\S*)", body)
    assert match, f"no {path_start} link in:\n{body}"
    return match.group(1)


def totp_code(secret: str, steps_from_now: int = 0) -> str:
    """The code an authenticator app would show, computed with allauth's own helpers."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + steps_from_now
    return format_hotp_value(hotp_value(secret, counter))


def wrong_code(secret: str) -> str:
    """A code no nearby time period would accept."""
    valid = {totp_code(secret, steps) for steps in range(-2, 3)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)
