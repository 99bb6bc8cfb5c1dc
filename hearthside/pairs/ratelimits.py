"""Limits on what a stranger can do with someone's email address.

Sign-in failures, sign-ups and password-reset requests are counted per client
(its IP address; an IPv6 address per /64; behind a trusted proxy, the address
the proxy saw) and per address *from that client*, never per address alone.
A limit on the address alone is one anyone who knows it can use up, and then
its owner is locked out everywhere, correct password and all. Per address and
client, one client cannot guess one person's password; per client, it cannot
work through many addresses either. A guesser spread over many clients is
held back by the slow password hash, the password rules and two-factor, not
by a lock the owner would share.

Counts live in the shared cache (settings.CACHES), so every web process and
machine sees the same ones. allauth's limiter does the counting; its limits
on the same actions are switched off in settings (ACCOUNT_RATE_LIMITS).
Addresses are hashed before they become cache keys: the cache is no place
for a list of who tried to sign in.
"""

import hashlib
import math
import time

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache

from hearthside.errors import TooManyAttempts

APP = "hearthside"
# allauth's notation: attempts/period/per, "ip" for the client, "key" for the
# address from that client.
RATES = {
    "sign_in_failed": "20/15m/ip,5/5m/key",
    "sign_up": "10/h/ip,3/10m/key",
    "password_reset": "10/h/ip,3/10m/key",
}

# Mails anyone can cause by typing someone's address into a form. Each reaches
# an address at most once per window, so the forms cannot flood an inbox; the
# mail sent first still holds what the owner needs.
UNASKED_MAILS = {
    "account/email/account_already_exists",
    "account/email/unknown_account",
    "account/email/password_reset_key",
}
UNASKED_MAIL_WINDOW = 15 * 60


def hashed(address: str) -> str:
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def count_attempt(request, action: str, address: str):
    """Count one attempt at ``action`` (a key of RATES) on ``address`` from
    this request's client, or raise TooManyAttempts. The usage returned can
    be rolled back, for attempts that turn out not to count."""
    key = f"{hashed(address)} from {allauth_ratelimit.get_ip(request)}"
    usage = allauth_ratelimit.consume(request, app=APP, action=action, config=RATES, key=key)
    if usage is None:
        raise TooManyAttempts(seconds_to_wait(request, action, key))
    return usage


def seconds_to_wait(request, action: str, key: str) -> int:
    """Until the fullest of the action's limits has room again."""
    now = time.time()
    waits = [1.0]
    for rate in allauth_ratelimit.get_rates(app=APP, action=action, config=RATES):
        cache_key = allauth_ratelimit.get_cache_key(
            request, app=APP, action=action, rate=rate, key=key
        )
        recent = [moment for moment in cache.get(cache_key, []) if moment > now - rate.duration]
        if len(recent) >= rate.amount:  # newest first: this one must expire first
            waits.append(recent[rate.amount - 1] + rate.duration - now)
    return math.ceil(max(waits))


def may_send_unasked_mail(template: str, address: str) -> bool:
    """True for the first mail of its kind to ``address`` in the window."""
    if template not in UNASKED_MAILS:
        return True
    key = f"hearthside:unasked-mail:{template}:{hashed(address)}"
    return cache.add(key, True, timeout=UNASKED_MAIL_WINDOW)
