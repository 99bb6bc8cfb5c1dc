"""Signing up and signing in outside allauth's pages: the API and the CLI."""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import has_verified_email
from allauth.core import ratelimit as allauth_ratelimit
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from hearthside.errors import Conflict, UserError

from . import ratelimits
from .days import is_known_time_zone
from .models import ApiToken, User
from .services import clean_display_name


class SignInRefused(UserError):
    status_code = 401


class AddressNotConfirmed(UserError):
    status_code = 403

    def __init__(self):
        super().__init__(
            "Please confirm your email address first: open the link in the email we sent you."
        )


def clean_email(raw: str) -> str:
    email = (raw or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as invalid:
        raise UserError("Please enter a valid email address.") from invalid
    return email


def check_password_strength(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as weak:
        raise UserError(" ".join(weak.messages)) from weak


def create_person(
    email: str,
    password: str,
    display_name: str,
    *,
    time_zone: str = "",
    verified: bool = False,
) -> User:
    """A new account with its email address recorded for allauth."""
    email = clean_email(email)
    user = User(
        email=email,
        display_name=clean_display_name(display_name),
        time_zone=time_zone if is_known_time_zone(time_zone) else settings.DEFAULT_TIME_ZONE,
    )
    check_password_strength(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    except IntegrityError as taken:
        raise Conflict("An account with this email address exists already.") from taken
    return user


def sign_up(request, email: str, password: str, display_name: str, time_zone: str = "") -> None:
    """Create an account and send the confirmation mail.

    An address that already has an account gets the same answer, so sign-up
    does not reveal who uses Hearthside; its owner is told by email instead
    (as allauth's sign-up page does). Every check runs before the address is
    looked up, so a refusal cannot tell either.
    """
    ratelimits.count_attempt(request, "sign_up", email or "")
    email = clean_email(email)
    display_name = clean_display_name(display_name)
    check_password_strength(password, User(email=email, display_name=display_name))
    if User.objects.filter(email__iexact=email).exists():
        get_adapter(request).send_account_already_exists_mail(email)
        User().set_password(password)  # spend the time a new account takes
        return
    try:
        user = create_person(email, password, display_name, time_zone=time_zone)
    except Conflict:
        return  # the same address signed up a moment ago
    EmailAddress.objects.get(user=user).send_confirmation(request, signup=True)


def issue_token(request, email: str, password: str, code: str = "", name: str = "") -> str:
    """A new API token for correct credentials (and a two-factor code when
    the person turned two-factor on). A failure counts towards the same
    limits as on the sign-in page (see ratelimits)."""
    email = (email or "").strip().lower()
    user = get_adapter(request).authenticate(request, email=email, password=password)
    if user is None or not user.is_active:
        raise SignInRefused("That email and password don't match an account.")
    if not has_verified_email(user, email):
        # As allauth's sign-in page does: a new link, at most one every few minutes.
        address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
        if address and allauth_ratelimit.consume(request, action="confirm_email", key=email):
            address.send_confirmation(request)
        raise AddressNotConfirmed()
    authenticators = Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    )
    if authenticators:
        if not code:
            raise SignInRefused("Two-factor is on for this account: send your code as well.")
        if not any(authenticator.wrap().validate_code(code) for authenticator in authenticators):
            ratelimits.count_attempt(request, "sign_in_failed", email)
            raise SignInRefused("That two-factor code is not right.")
    _, token = ApiToken.issue(user, name=name)
    return token
