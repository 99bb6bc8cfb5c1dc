"""The one authorization layer: who may see which piece of content.

Every row people write carries an author, the pair it was written in and a
visibility:

    private     the author alone
    partner     the author and their partner, while both are in the pair
    counsellor  as partner, and a counsellor both partners invited (later)

One rule decides every read: a viewer sees their own rows of every pair, and
what their current partner shared with them in their current pair while both
are its members; nothing else. So after an unpair neither reads the other's
words again, and nothing of an old pair ever reaches a new partner.

- ``visible_to``: the rule itself; a person's own history is made of it.
- ``in_current_pair``: the rule within the viewer's current pair, for every
  page and list of the pair. ``get_visible`` looks a row up the same way, so an
  id of another pair answers "not found", like an id that does not exist.
- ``revealed_to``: a partner's response to a paired prompt shows once the
  viewer has responded too (``PairedResponse``), and ``save_response`` keeps
  both final from then on.
- Threads (responses under an answer, replies under a share, answers under a
  need) hang on a ``ThreadKey``: read from their parent, they come only from a
  ``visible_thread`` prefetch; anything else raises ``UnfilteredThread``.
"""

from collections.abc import Callable
from typing import ClassVar

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.fields.related_descriptors import (
    ReverseManyToOneDescriptor,
    create_reverse_many_to_one_manager,
)
from django.utils import timezone
from django.utils.functional import cached_property

from hearthside.errors import Conflict, NotFound
from hearthside.pairs.models import Role
from hearthside.pairs.services import lock_pair, pair_context, require_pair


class Visibility(models.TextChoices):
    PRIVATE = "private", "Only me"
    PARTNER = "partner", "My partner"
    COUNSELLOR = "counsellor", "My partner and our counsellor"


# What a member of a pair sees of content others in the pair wrote.
VISIBILITIES_FOR_ROLE = {
    Role.PARTNER: (Visibility.PARTNER, Visibility.COUNSELLOR),
}


class PrivateContentQuerySet(models.QuerySet):
    # Whom the layer filtered this query for; None until it has.
    viewer = None

    def _clone(self):
        clone = super()._clone()
        clone.viewer = self.viewer
        return clone

    def _for(self, user, condition: Q):
        filtered = self.filter(condition) if user.is_authenticated else self.none()
        filtered.viewer = user
        return filtered

    def visible_to(self, user):
        context = pair_context(user) if user.is_authenticated else None
        condition = Q(author=user.pk)
        if context is not None and context.is_paired:
            condition |= Q(
                pair_id=context.pair.pk,
                author=context.partner.pk,
                visibility__in=VISIBILITIES_FOR_ROLE[context.membership.role],
            )
        return self._for(user, condition)

    def in_current_pair(self, user):
        context = pair_context(user) if user.is_authenticated else None
        if context is None or not context.is_paired:
            return self._for(user, Q(pk__in=[]))
        return self.visible_to(user).filter(pair_id=context.pair.pk)

    def authored_by(self, user):
        return self._for(user, Q(author=user.pk))

    def get_visible(self, user, **lookup):
        """The row, if ``user`` may see it in their current pair; NotFound
        otherwise, with no hint whether it exists."""
        try:
            return self.in_current_pair(user).get(**lookup)
        except (self.model.DoesNotExist, ValueError, TypeError) as missing:
            raise NotFound() from missing


class PrivateContent(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    pair = models.ForeignKey("pairs.Pair", on_delete=models.CASCADE, related_name="+")
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.PARTNER
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PrivateContentQuerySet.as_manager()

    class Meta:
        abstract = True


# --- Paired prompts ----------------------------------------------------------------


class PairedResponseQuerySet(PrivateContentQuerySet):
    def revealed_to(self, user):
        """What the viewer may read of the responses: their own, and their
        partner's once they have responded to the same prompt themselves (or
        when the model's ``revealed_early`` holds for the row)."""
        prompt = self.model.prompt_field
        own_response = self.model.objects.filter(
            author=user.pk, pair=OuterRef("pair"), **{prompt: OuterRef(prompt)}
        )
        condition = Q(author=user.pk) | Exists(own_response)
        if self.model.revealed_early is not None:
            condition |= self.model.revealed_early
        return self.in_current_pair(user).filter(condition)


class PairedResponse(PrivateContent):
    """A response to a paired prompt: a daily question, a day's check-in, a
    week's check-in. Each partner responds alone; the partner's response shows
    once one's own is in. From the moment both are in, each has seen the
    other's, so both are final: nobody can peek, then rewrite to match. What
    comes after belongs in a reply."""

    # The field naming the prompt (a daily question, a day, a week).
    prompt_field: ClassVar[str]
    # Rows the partner may read before responding (a check-in shared directly).
    revealed_early: ClassVar[Q | None] = None

    updated_at = models.DateTimeField(default=timezone.now)

    objects = PairedResponseQuerySet.as_manager()

    class Meta:
        abstract = True


def save_response(
    actor,
    model: type[PairedResponse],
    prompt,
    fields: dict,
    *,
    final: str,
    created_with: dict | None = None,
    on_create: Callable[[PairedResponse], object] | None = None,
) -> PairedResponse:
    """Create the actor's response to ``prompt`` (with ``fields`` and
    ``created_with``), or change its ``fields`` while the partner's is still
    to come; once both are in, refuse with ``final``. ``on_create`` runs in
    the same transaction, to record the news of it."""
    context = require_pair(actor)
    with transaction.atomic():
        lock_pair(context.pair)
        responses = model.objects.in_current_pair(actor).filter(**{model.prompt_field: prompt})
        mine = responses.filter(author=actor.pk).first()
        if mine is None:
            mine = model.objects.create(
                author=actor,
                pair=context.pair,
                **{model.prompt_field: prompt},
                **fields,
                **(created_with or {}),
            )
            if on_create is not None:
                on_create(mine)
            return mine
        if responses.filter(author=context.partner.pk).exists():
            raise Conflict(final)
        for name, value in fields.items():
            setattr(mine, name, value)
        mine.updated_at = timezone.now()
        mine.save(update_fields=[*fields, "updated_at"])
    return mine


# --- Threads -------------------------------------------------------------------------


class UnfilteredThread(RuntimeError):
    """A thread was about to be read around the privacy layer."""


class _ThreadAccessor(ReverseManyToOneDescriptor):
    @cached_property
    def related_manager_cls(self):
        rel = self.rel
        base = create_reverse_many_to_one_manager(rel.related_model._default_manager.__class__, rel)

        class ThreadManager(base):
            def get_queryset(self):
                try:
                    return self.instance._prefetched_objects_cache[
                        self.field.remote_field.cache_name
                    ]
                except (AttributeError, KeyError):
                    raise UnfilteredThread(
                        f"Read {rel.get_accessor_name()} through a visible_thread() prefetch."
                    ) from None

            def get_prefetch_querysets(self, instances, querysets=None):
                if not querysets or querysets[0].viewer is None:
                    raise UnfilteredThread(
                        f"Prefetch {rel.get_accessor_name()} with visible_thread()."
                    )
                return super().get_prefetch_querysets(instances, querysets)

        return ThreadManager


class ThreadKey(models.ForeignKey):
    """The parent a thread row hangs under. In the database a plain foreign
    key; in Python, reading the thread from its parent (``share.replies``)
    gives only what a ``visible_thread`` prefetch loaded for the viewer."""

    related_accessor_class = _ThreadAccessor

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


def visible_thread(relation: str, model, viewer) -> Prefetch:
    """Prefetch the rows under ``relation`` that ``viewer`` may see in their
    current pair, oldest first, with their authors."""
    return Prefetch(
        relation,
        queryset=model.objects.in_current_pair(viewer)
        .select_related("author")
        .order_by("created_at", "pk"),
    )
