import hashlib
import secrets
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .days import pair_day

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L to misread
CODE_LENGTH = 10


class PersonManager(UserManager):
    """Users sign in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=40)
    time_zone = models.CharField(max_length=64, default=settings.DEFAULT_TIME_ZONE)
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = PersonManager()

    def __str__(self):
        return self.display_name or self.email

    def get_short_name(self):
        return str(self)


class RelationshipKind(models.TextChoices):
    DATING = "dating", "Dating"
    ENGAGED = "engaged", "Engaged"
    MARRIED = "married", "Married"
    LONG_DISTANCE = "long_distance", "Long-distance"
    OTHER = "other", "Other"


class Pair(models.Model):
    kind = models.CharField(
        max_length=20, choices=RelationshipKind.choices, default=RelationshipKind.DATING
    )
    together_since = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Pair {self.pk}"


class Role(models.TextChoices):
    PARTNER = "partner", "Partner"


class Membership(models.Model):
    """A person's place in a pair; ``left_at`` is set when they leave."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PARTNER)
    # Partners take seat 1 or 2: with the constraint below a pair never has three.
    seat = models.PositiveSmallIntegerField()
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    # "Since your last visit" shows what arrived after the previous visit ended.
    last_seen_at = models.DateTimeField(null=True, blank=True)
    previous_visit_ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(left_at__isnull=True, role="partner"),
                name="one_active_pair_per_person",
            ),
            models.UniqueConstraint(
                fields=["pair", "seat"],
                condition=Q(left_at__isnull=True, role="partner"),
                name="two_partners_per_pair",
            ),
            models.CheckConstraint(condition=Q(seat__in=[1, 2]), name="partner_seat_is_1_or_2"),
        ]
        indexes = [models.Index(fields=["pair", "left_at"])]


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def code_digest(raw: str) -> str:
    return hashlib.sha256(normalise_code(raw).encode()).hexdigest()


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


class InvitationStatus(models.TextChoices):
    OPEN = "open", "Open"
    USED = "used", "Used"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Withdrawn or replaced by a newer invitation"


class Invitation(models.Model):
    """A single-use invitation. Only a digest of the code is stored, so a copy
    of the database does not let anyone join a pair."""

    inviter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    code_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    def status(self, now: datetime | None = None) -> InvitationStatus:
        now = now or timezone.now()
        if self.accepted_at:
            return InvitationStatus.USED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= now:
            return InvitationStatus.EXPIRED
        return InvitationStatus.OPEN


class PairContext:
    """Who the viewer is in relation to a pair: loaded once per request."""

    def __init__(self, user: User, memberships: list[Membership]):
        self.user = user
        mine = [m for m in memberships if m.user_id == user.pk]
        self.membership = mine[0] if mine else None
        self.pair = self.membership.pair if self.membership else None
        others = [m for m in memberships if m.user_id != user.pk and m.role == Role.PARTNER]
        self.partner = others[0].user if others else None

    @property
    def is_paired(self) -> bool:
        return self.partner is not None

    def today(self, now: datetime | None = None) -> date:
        now = now or timezone.now()
        zones = [self.user.time_zone] + ([self.partner.time_zone] if self.partner else [])
        return pair_day(now, zones)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the JSON API; only its digest is stored."""

    PREFIX = "hs_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=60, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    @classmethod
    def issue(cls, user: User, name: str = "") -> tuple["ApiToken", str]:
        token = cls.PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name[:60], digest=token_digest(token)), token
