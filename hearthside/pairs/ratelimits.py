"""Limits on what a stranger can do with someone's email address.

Every count lives in the shared cache (settings.CACHES), so all web processes
and machines see the same ones. Addresses are hashed before they become cache
keys: the cache is no place for a list of who tried to sign in.
"""

import hashlib

from django.core.cache import cache

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


def may_send_unasked_mail(template: str, address: str) -> bool:
    """True for the first mail of its kind to ``address`` in the window."""
    if template not in UNASKED_MAILS:
        return True
    key = f"hearthside:unasked-mail:{template}:{hashed(address)}"
    return cache.add(key, True, timeout=UNASKED_MAIL_WINDOW)
