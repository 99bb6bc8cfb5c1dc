"""A record of what each partner shared, without what they wrote.

Rows say *that* something happened ("answered today's question"), never its
content, so the Today page can tell a partner news without revealing anything
the privacy layer would hide. The same rows feed the sharing balance and,
later, the activity heatmap.
"""

from django.db import models

from hearthside.privacy.models import PrivateContent


class Verb(models.TextChoices):
    JOINED = "joined", "joined you on Hearthside"
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


class Activity(PrivateContent):
    verb = models.CharField(max_length=30, choices=Verb.choices)
    # The day of the pair the event belongs to (a daily question's day, say).
    day = models.DateField(null=True, blank=True)
    target_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["pair", "-created_at"])]
        verbose_name_plural = "activities"

    def link(self) -> str | None:
        return link_for(self)


# Where a piece of news links to: apps register a function per verb that
# turns the activity into a URL (or None for no link).
_links = {}


def register_link(verb: Verb, to_url):
    _links[verb] = to_url


def link_for(activity: Activity) -> str | None:
    to_url = _links.get(activity.verb)
    return to_url(activity) if to_url else None
