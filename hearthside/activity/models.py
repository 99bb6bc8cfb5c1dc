"""News: a record of what each partner did, without what they wrote.

A row says *that* something happened ("answered today's question"), never its
content, so Today can tell a partner news without revealing anything. Each
row announces one row of content and takes its visibility and its lifetime:
the partner sees the news exactly when the privacy layer lets them see what
it announces, and the news goes when that row goes (a heart taken back, a
question withdrawn). The same rows feed the sharing balance.

Apps declare what their news announces with ``announce`` in their
AppConfig.ready(); ``record`` writes a row in the transaction of the write it
announces.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete

from hearthside.privacy.models import PrivateContent, PrivateContentQuerySet


class Verb(models.TextChoices):
    ANSWERED = "answered", "answered a daily question"
    HEARTED = "hearted", "sent a heart for your answer"
    THANKED = "thanked", "thanked you for sharing"
    REPLIED = "replied", "replied to an answer"
    ASKED = "asked", "asked you a question of their own"
    CHECKED_IN = "checked_in", "checked in today"
    WEEKLY_CHECKED_IN = "weekly_checked_in", "filled in the weekly check-in"
    SHARED = "shared", "shared what's on their heart"
    REPLIED_TO_SHARE = "replied_to_share", "replied to your share"
    FELT_HEARD = "felt_heard", "felt heard by you"
    NEEDED = "needed", "told you about something they need"
    ACKNOWLEDGED_NEED = "acknowledged_need", "answered your need"
    NEED_MET = "need_met", "marked a need as met"


@dataclass(frozen=True)
class NewsKind:
    """What the news of some verbs announces, and what it opens."""

    model: type[PrivateContent]  # the row announced
    verbs: tuple[Verb, ...]
    opens: str  # the kind of object the news opens: "daily", "share", "need" …
    link: Callable[["Activity"], str | None]


_kinds: dict[str, NewsKind] = {}


def announce(model, verbs, *, opens: str, link: Callable[["Activity"], str | None]) -> None:
    kind = NewsKind(model, tuple(verbs), opens, link)
    for verb in kind.verbs:
        _kinds[verb] = kind

    def forget_news(sender, instance, **kwargs):
        Activity.objects.filter(verb__in=kind.verbs, announced_id=instance.pk).delete()

    post_delete.connect(forget_news, sender=model, weak=False, dispatch_uid=f"news:{opens}:{verbs}")


def kind_of(verb: str) -> NewsKind | None:
    return _kinds.get(verb)


def what_news_opens() -> list[str]:
    """Every kind of object news can open ("daily", "share" …), in a stable order."""
    return sorted({kind.opens for kind in _kinds.values()})


class ActivityQuerySet(PrivateContentQuerySet):
    def visible_to(self, user):
        """News the viewer may see: the layer's rule for the news row itself,
        and for the row it announces."""
        by_model: dict[type, list[str]] = {}
        for verb, kind in _kinds.items():
            by_model.setdefault(kind.model, []).append(verb)
        announced_visible = Q(pk__in=[])
        for model, verbs in by_model.items():
            row = model.objects.visible_to(user).filter(pk=OuterRef("announced_id"))
            announced_visible |= Q(verb__in=verbs) & Exists(row)
        return super().visible_to(user).filter(announced_visible)


class Activity(PrivateContent):
    verb = models.CharField(max_length=30, choices=Verb.choices)
    # The day of the pair the event belongs to (a daily question's day, say).
    day = models.DateField(null=True, blank=True)
    # The row of content this news announces (see NewsKind.model).
    announced_id = models.BigIntegerField()
    # What the news opens: a daily question, a share, a need (NewsKind.opens).
    target_id = models.BigIntegerField()

    objects = ActivityQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["pair", "-created_at"]),
            models.Index(fields=["announced_id"]),
        ]
        verbose_name_plural = "activities"

    @property
    def opens(self) -> str | None:
        kind = kind_of(self.verb)
        return kind.opens if kind else None

    def link(self) -> str | None:
        kind = kind_of(self.verb)
        return kind.link(self) if kind else None
