"""Deleting an account, for real.

The pairing ends first, as if the person had ended it, so the partner keeps
what they wrote and is told only that the pairing ended. Then the person and
every row that is theirs go in one transaction: what they wrote (and the news
of it), what hangs under it (replies under their shares, answers and needs,
the partner's included), their invitations, API tokens, email addresses and
two-factor authenticators. Then every session of theirs ends: the ones allauth
recorded at sign-in, and this one. An answer the partner gave to a question
the person wrote stays, without the question's words.
"""

from importlib import import_module

from allauth.account.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from hearthside.errors import UserError

from . import ratelimits
from .models import User
from .services import leave_pair


class IdentityNotConfirmed(UserError):
    status_code = 403


def confirm_identity(request, actor: User, password: str, code: str = "") -> None:
    """The actor's password, and a two-factor or recovery code when two-factor
    is on. A wrong one counts towards the limits on signing in (see
    ratelimits), which raise TooManyAttempts once reached."""
    confirmed = get_adapter(request).authenticate(request, email=actor.email, password=password)
    if confirmed is None or confirmed.pk != actor.pk:
        raise IdentityNotConfirmed("That password isn't right, so nothing was deleted.")
    authenticators = list(
        Authenticator.objects.filter(
            user=actor, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
        )
    )
    if not authenticators:
        return
    if not code:
        raise IdentityNotConfirmed(
            "Two-factor is on, so please enter a code from your app, or a recovery code."
        )
    # A recovery code is used up as it is checked, under a row lock.
    with transaction.atomic():
        confirmed = any(
            authenticator.wrap().validate_code(code) for authenticator in authenticators
        )
    if not confirmed:
        ratelimits.count_attempt(request, "sign_in_failed", actor.email)
        raise IdentityNotConfirmed("That code isn't right, so nothing was deleted.")


def delete_account(actor: User, *, password: str, code: str = "", request) -> None:
    """Delete the actor and everything they wrote, once they have confirmed
    who they are; ``request`` is the one they asked with, signed out after."""
    confirm_identity(request, actor, password, code)
    sessions = list(UserSession.objects.filter(user=actor).values_list("session_key", flat=True))
    with transaction.atomic():
        leave_pair(actor)
        actor.delete()
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    for session_key in sessions:
        store.delete(session_key)
    request.session.flush()
    request.user = AnonymousUser()
