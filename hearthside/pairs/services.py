"""What a person can do about their account and their pair."""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from hearthside.errors import Conflict, NotFound, NotPaired, UserError

from .days import is_known_time_zone
from .models import (
    Invitation,
    InvitationStatus,
    Membership,
    Pair,
    PairContext,
    RelationshipKind,
    Role,
    User,
    code_digest,
    new_invitation_code,
    normalise_code,
)

DISPLAY_NAME_MAX = 40
# A fresh visit starts after this much quiet; "since your last visit" looks
# back to the end of the visit before.
VISIT_GAP = timedelta(minutes=30)
SEEN_WRITE_INTERVAL = timedelta(minutes=5)


# The one owner of the pair cache: a dictionary by person that lives for one
# request (``remembering_pairs``, opened by middleware), so every object that
# stands for the same person shares one entry and forgetting it works for all.
# Outside a request (commands, tasks) nothing is cached.
_remembered: ContextVar[dict[int, PairContext] | None] = ContextVar(
    "remembered_pairs", default=None
)


@contextmanager
def remembering_pairs():
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def pair_context(user: User) -> PairContext:
    """The viewer's pair and partner: asked of the database once a request."""
    remembered = _remembered.get()
    if remembered is not None and user.pk in remembered:
        return remembered[user.pk]
    memberships = list(
        Membership.objects.filter(
            left_at__isnull=True,
            pair__memberships__user=user,
            pair__memberships__left_at__isnull=True,
        ).select_related("pair", "user")
    )
    context = PairContext(user, memberships)
    if remembered is not None:
        remembered[user.pk] = context
    return context


def forget_pair_context(user: User) -> None:
    """After the person's pairing changed: the next question goes to the database."""
    remembered = _remembered.get()
    if remembered is not None:
        remembered.pop(user.pk, None)


def lock_pair(pair: Pair) -> None:
    """Serialise writes that must see each other within a pair (of two partners
    sending at the same instant, the second sees the first's row). On SQLite,
    whose transactions take the write lock when they begin, writes queue anyway."""
    list(Pair.objects.select_for_update().filter(pk=pair.pk).values_list("pk", flat=True))


def require_pair(user: User) -> PairContext:
    context = pair_context(user)
    if not context.is_paired:
        raise NotPaired()
    return context


# --- People -------------------------------------------------------------------


def clean_display_name(raw: str) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise UserError("Please tell us what to call you.")
    if len(name) > DISPLAY_NAME_MAX:
        raise UserError(f"Please keep your name to {DISPLAY_NAME_MAX} characters.")
    return name


def clean_time_zone(raw: str) -> str:
    if not is_known_time_zone(raw or ""):
        raise UserError("Please choose a time zone from the list, such as Europe/Berlin.")
    return raw


def clean_language(raw: str) -> str:
    if raw not in dict(settings.LANGUAGES):
        raise UserError("Please choose one of the offered languages.")
    return raw


def update_person(
    actor: User,
    *,
    display_name: str | None = None,
    time_zone: str | None = None,
    language: str | None = None,
) -> User:
    changes = {}
    if display_name is not None:
        changes["display_name"] = clean_display_name(display_name)
    if time_zone is not None:
        changes["time_zone"] = clean_time_zone(time_zone)
    if language is not None:
        changes["language"] = clean_language(language)
    for field, value in changes.items():
        setattr(actor, field, value)
    if changes:
        actor.save(update_fields=list(changes))
    return actor


# --- Pair profile ----------------------------------------------------------------


def update_pair_profile(
    actor: User,
    *,
    kind: str | None = None,
    together_since: date | None = None,
    clear_together_since: bool = False,
) -> Pair:
    pair = require_pair(actor).pair
    changes = {}
    if kind is not None:
        if kind not in RelationshipKind.values:
            raise UserError("Please choose one of the listed kinds of relationship.")
        changes["kind"] = kind
    if clear_together_since:
        changes["together_since"] = None
    elif together_since is not None:
        if together_since > timezone.localdate():
            raise UserError("“Together since” can't be in the future.")
        if together_since.year < 1900:
            raise UserError("Please check the year of “together since”.")
        changes["together_since"] = together_since
    for field, value in changes.items():
        setattr(pair, field, value)
    if changes:
        pair.save(update_fields=list(changes))
    return pair


# --- Invitations -----------------------------------------------------------------


def _withdraw_invitations(people: list[User], now) -> None:
    """The open codes of ``people`` stop working: when one makes a newer code,
    and when their pairing is made or ends (a code made before pairing must not
    bring anyone in after an unpair)."""
    Invitation.objects.filter(
        inviter__in=people, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)


def create_invitation(actor: User) -> tuple[Invitation, str]:
    """A new single-use code for the actor's partner-to-be. Earlier open
    codes of the actor stop working, so only the newest one is in circulation."""
    if pair_context(actor).is_paired:
        raise Conflict("You're already paired, so there is nobody left to invite.")
    now = timezone.now()
    code = new_invitation_code()
    with transaction.atomic():
        _withdraw_invitations([actor], now)
        invitation = Invitation.objects.create(
            inviter=actor,
            code_digest=code_digest(code),
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
    return invitation, code


def open_invitation(actor: User) -> Invitation | None:
    return (
        Invitation.objects.filter(
            inviter=actor,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )


def find_invitation(raw_code: str) -> Invitation:
    code = normalise_code(raw_code or "")
    if not code:
        raise UserError("Please enter the code your partner gave you.")
    invitation = (
        Invitation.objects.select_related("inviter").filter(code_digest=code_digest(code)).first()
    )
    if invitation is None:
        raise NotFound(
            "We couldn't find that code. Please check it for typos: "
            "codes have ten letters and digits, like ABCDE-23456."
        )
    return invitation


def explain_unusable(invitation: Invitation, actor: User | None) -> str | None:
    status = invitation.status()
    if status == InvitationStatus.USED:
        return "This invitation has already been used. Ask your partner for a new one."
    if status == InvitationStatus.REVOKED:
        return (
            "This code was withdrawn or replaced by a newer one. "
            "Ask your partner for the latest code."
        )
    if status == InvitationStatus.EXPIRED:
        expired_on = date_format(timezone.localtime(invitation.expires_at), "j F Y")
        return f"This invitation expired on {expired_on}. Ask your partner for a new one."
    if actor is not None and invitation.inviter_id == actor.pk:
        return "This is your own invitation. Send it to your partner so they can join you."
    return None


def accept_invitation(actor: User, raw_code: str) -> Pair:
    invitation = find_invitation(raw_code)
    problem = explain_unusable(invitation, actor)
    if problem:
        raise Conflict(problem)
    if pair_context(actor).is_paired:
        raise Conflict("You're already in a pair, and a person can be in one pair at a time.")
    now = timezone.now()
    try:
        with transaction.atomic():
            # The conditional update is the single-use guarantee: of two people
            # racing for one code, exactly one changes the row.
            claimed = Invitation.objects.filter(
                pk=invitation.pk,
                accepted_at__isnull=True,
                revoked_at__isnull=True,
                expires_at__gt=now,
            ).update(accepted_at=now, accepted_by=actor)
            if not claimed:
                raise Conflict(
                    "This invitation has just been used. Ask your partner for a new one."
                )
            pair = Pair.objects.create(created_at=now)
            # The unique constraints refuse a person who is in a pair already.
            Membership.objects.create(
                pair=pair, user=invitation.inviter, role=Role.PARTNER, seat=1, joined_at=now
            )
            Membership.objects.create(
                pair=pair, user=actor, role=Role.PARTNER, seat=2, joined_at=now
            )
            _withdraw_invitations([invitation.inviter, actor], now)
    except IntegrityError as clash:
        # Someone joined a pair a moment ago: the actor or the inviter.
        forget_pair_context(actor)
        if pair_context(actor).is_paired:
            raise Conflict(
                "You're already in a pair, and a person can be in one pair at a time."
            ) from clash
        raise Conflict(
            f"{invitation.inviter} is already in a pair, so this invitation can't be used."
        ) from clash
    forget_pair_context(actor)
    forget_pair_context(invitation.inviter)
    return pair


# --- Ending a pairing -----------------------------------------------------------------


def end_pairing(actor: User) -> Pair:
    """End the actor's pairing, at any time and without the partner's consent.

    Both memberships end at the same instant, so from then on the privacy
    layer shows neither person the other's words, and each keeps their own.
    Open invitations of both stop working. Of two partners ending it at the
    same instant, one ends it and the other is told they are not paired."""
    pair = leave_pair(actor)
    if pair is None:
        raise NotPaired("You're not paired, so there is no pairing to end.")
    return pair


def leave_pair(actor: User) -> Pair | None:
    """As ``end_pairing``; None when the actor is in no pair."""
    membership = (
        Membership.objects.filter(user=actor, left_at__isnull=True, role=Role.PARTNER)
        .select_related("pair")
        .first()
    )
    if membership is None:
        return None
    pair = membership.pair
    with transaction.atomic():
        lock_pair(pair)
        # Read again under the lock: the partner may have ended it a moment ago.
        members = list(
            Membership.objects.filter(pair=pair, left_at__isnull=True).select_related("user")
        )
        if all(member.user_id != actor.pk for member in members):
            return None
        now = timezone.now()
        Membership.objects.filter(pk__in=[member.pk for member in members]).update(left_at=now)
        Pair.objects.filter(pk=pair.pk).update(ended_at=now)
        _withdraw_invitations([member.user for member in members], now)
    for member in members:
        forget_pair_context(member.user)
    pair.ended_at = now
    return pair


def pairing_ended_at(actor: User) -> datetime | None:
    """When the actor's last pairing ended, while they are not in a new one.
    The same for both people: it never says who ended it, or why."""
    if pair_context(actor).membership is not None:
        return None
    return (
        Membership.objects.filter(user=actor, left_at__isnull=False)
        .order_by("-left_at")
        .values_list("left_at", flat=True)
        .first()
    )


# --- Visits ------------------------------------------------------------------------


def note_visit(actor: User) -> None:
    """Remember when the person was last here. Written at most every few
    minutes, so reading Today stays read-only almost always."""
    membership = pair_context(actor).membership
    if membership is None:
        return
    now = timezone.now()
    last_seen = membership.last_seen_at
    if last_seen and now - last_seen < SEEN_WRITE_INTERVAL:
        return
    fields = ["last_seen_at"]
    if last_seen is None or now - last_seen >= VISIT_GAP:
        membership.previous_visit_ended_at = last_seen or membership.joined_at
        fields.append("previous_visit_ended_at")
    membership.last_seen_at = now
    membership.save(update_fields=fields)


def previous_visit_ended(actor: User):
    membership = pair_context(actor).membership
    return membership.previous_visit_ended_at or membership.joined_at
