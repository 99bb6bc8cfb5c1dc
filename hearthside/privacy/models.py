"""The one authorization layer: who may see which piece of content.

Every row people write carries an author, the pair it was written in and a
visibility. Reads go through ``visible_to`` (or ``revealed_to`` for paired
prompts); views and API endpoints never filter content by hand.

    private     the author alone
    partner     the author and their partner, while both are in the pair
    counsellor  as partner, and a counsellor both partners invited (later)
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from hearthside.errors import NotFound
from hearthside.pairs.models import Role
from hearthside.pairs.services import pair_context


class Visibility(models.TextChoices):
    PRIVATE = "private", "Only me"
    PARTNER = "partner", "My partner"
    COUNSELLOR = "counsellor", "My partner and our counsellor"


# What a member of a pair sees of content others in the pair wrote.
VISIBILITIES_FOR_ROLE = {
    Role.PARTNER: (Visibility.PARTNER, Visibility.COUNSELLOR),
}


class PrivateContentQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        condition = Q(author=user)
        membership = pair_context(user).membership
        if membership is not None:
            condition |= Q(
                pair_id=membership.pair_id,
                visibility__in=VISIBILITIES_FOR_ROLE[membership.role],
            )
        return self.filter(condition)

    def revealed_to(self, user, *, prompt: str, unless: Q | None = None):
        """Visible content of a paired prompt (a daily question, a weekly
        check-in): someone else's response shows only once the viewer has
        responded to the same prompt in the same pair (a day or a week is a
        prompt of every pair), or when ``unless`` holds for the row."""
        own_response = self.model.objects.filter(
            author=user, pair=OuterRef("pair"), **{prompt: OuterRef(prompt)}
        )
        condition = Q(author=user) | Exists(own_response)
        if unless is not None:
            condition |= unless
        return self.visible_to(user).filter(condition)

    def authored_by(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(author=user)

    def get_visible(self, user, **lookup):
        """The row, if ``user`` may see it; NotFound otherwise, with no hint
        whether it exists."""
        try:
            return self.visible_to(user).get(**lookup)
        except (self.model.DoesNotExist, ValueError, TypeError) as missing:
            raise NotFound() from missing


def visible_thread(relation: str, model, viewer) -> Prefetch:
    """Prefetch the rows under ``relation`` (replies, responses, answers to a
    need) that ``viewer`` may see, oldest first, with their authors."""
    return Prefetch(
        relation,
        queryset=model.objects.visible_to(viewer)
        .select_related("author")
        .order_by("created_at", "pk"),
    )


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
