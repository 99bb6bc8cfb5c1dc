"""What a person can do with shares: share, reply, say "I feel heard", and
send a share they had kept to themselves."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from hearthside.activity.models import Verb
from hearthside.activity.services import record
from hearthside.errors import Conflict, NotFound, UserError
from hearthside.inputs import clean_text
from hearthside.pairs.models import User
from hearthside.pairs.services import require_pair
from hearthside.privacy.models import Visibility, visible_thread

from .models import REPLY_MAX_CHARS, SHARE_MAX_CHARS, Share, ShareMode, ShareReply

SHARES_PAGE = 20
WAITING_ON_TODAY = 3
# A share nobody answered leaves Today after two weeks (it stays on the
# shares page): Today is for now, not a list of what was missed.
WAITING_WINDOW = timedelta(days=14)


def _shares():
    return Share.objects.select_related("author")


def create_share(actor: User, text: str, mode: str, *, keep_private: bool = False) -> Share:
    context = require_pair(actor)
    if mode not in ShareMode.values:
        raise UserError("Please choose “just listen” or “help me think”.")
    text = clean_text(text, limit=SHARE_MAX_CHARS, what="share")
    with transaction.atomic():
        share = Share.objects.create(
            author=actor,
            pair=context.pair,
            visibility=Visibility.PRIVATE if keep_private else Visibility.PARTNER,
            mode=mode,
            text=text,
        )
        if not keep_private:
            record(actor, Verb.SHARED, share, day=context.today())
    return share


def share_for(actor: User, share_id: int) -> Share:
    require_pair(actor)
    return _shares().get_visible(actor, pk=share_id)


def share_thread(actor: User, share_id: int) -> Share:
    """The share with the replies the actor may see, oldest first."""
    require_pair(actor)
    replies = visible_thread("replies", ShareReply, actor)
    return _shares().prefetch_related(replies).get_visible(actor, pk=share_id)


def shares_page(actor: User, *, before: int | None = None) -> list[Share]:
    """Both partners' shares in the current pair, newest first, with their
    replies; pass the last id as ``before`` for the next page."""
    require_pair(actor)
    shares = (
        _shares()
        .in_current_pair(actor)
        .prefetch_related(visible_thread("replies", ShareReply, actor))
        .order_by("-pk")
    )
    if before is not None:
        shares = shares.filter(pk__lt=before)
    return list(shares[:SHARES_PAGE])


def waiting_for_reply(actor: User) -> list[Share]:
    """The partner's recent shares the actor has not answered yet, newest first."""
    require_pair(actor)
    my_replies = ShareReply.objects.authored_by(actor).filter(share=OuterRef("pk"))
    return list(
        _shares()
        .in_current_pair(actor)
        .filter(
            felt_heard_at__isnull=True,
            created_at__gte=timezone.now() - WAITING_WINDOW,
        )
        .exclude(author=actor.pk)
        .exclude(Exists(my_replies))
        .order_by("-pk")[: WAITING_ON_TODAY + 1]
    )


def coach_context_for(actor: User, share: Share) -> str:
    """The partner's reply is coached by the mode the sharer asked for; the
    sharer adding to their own thread is not listening, so advice is fine."""
    return share.mode if share.author_id != actor.pk else ShareMode.THINK.value


def reply_to_share(actor: User, share_id: int, text: str) -> ShareReply:
    context = require_pair(actor)
    share = share_for(actor, share_id)
    if share.is_private:
        raise Conflict(
            f"This share is still just for you. Send it to {context.partner} "
            "first if you'd like a reply."
        )
    text = clean_text(text, limit=REPLY_MAX_CHARS, what="reply")
    with transaction.atomic():
        reply = ShareReply.objects.create(
            share=share, author=actor, pair=share.pair, visibility=share.visibility, text=text
        )
        if share.author_id != actor.pk:
            record(actor, Verb.REPLIED_TO_SHARE, reply, opens=share, day=context.today())
    return reply


def mark_felt_heard(actor: User, share_id: int) -> Share:
    """The sharer says they feel heard; saying it twice counts once."""
    context = require_pair(actor)
    share = share_for(actor, share_id)
    if share.author_id != actor.pk:
        raise UserError(f"Only {share.author} can say whether they feel heard.")
    if share.is_private:
        raise Conflict(f"This share is still just for you. Send it to {context.partner} first.")
    with transaction.atomic():
        # Only the one update that finds the share not yet marked records news.
        marked = Share.objects.filter(pk=share.pk, felt_heard_at__isnull=True).update(
            felt_heard_at=timezone.now()
        )
        if marked:
            record(actor, Verb.FELT_HEARD, share, day=context.today())
    return share_for(actor, share.pk)


def send_kept_share(actor: User, share_id: int) -> Share:
    """Send a share the actor had kept to themselves to their partner."""
    context = require_pair(actor)
    share = share_for(actor, share_id)
    if share.author_id != actor.pk:
        raise NotFound()
    with transaction.atomic():
        sent = Share.objects.filter(pk=share.pk, visibility=Visibility.PRIVATE).update(
            visibility=Visibility.PARTNER
        )
        if sent:
            record(actor, Verb.SHARED, share, day=context.today())
    return share_for(actor, share.pk)
