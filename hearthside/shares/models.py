"""Shares: what is on one partner's heart, and the partner's replies.

Defaults (through the privacy layer, like all content):
- A share is visible to the partner (``Visibility.PARTNER``) unless the author
  keeps it to themselves for now (``Visibility.PRIVATE``): writing something
  out can be worth it before one is ready to send it. A private share can be
  sent later; it cannot be taken back once the partner may have read it.
- Replies take the visibility of the thread: the two partners.
"""

from django.db import models

from hearthside.privacy.fields import EncryptedTextField
from hearthside.privacy.models import PrivateContent, ThreadKey, Visibility

SHARE_MAX_CHARS = 4000
REPLY_MAX_CHARS = 2000


class ShareMode(models.TextChoices):
    LISTEN = "listen", "Just listen"
    THINK = "think", "Help me think"


class Share(PrivateContent):
    mode = models.CharField(max_length=10, choices=ShareMode.choices)
    text = EncryptedTextField()
    # Set once, by the sharer; a conditional update keeps a double tap from
    # counting twice.
    felt_heard_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["pair", "-id"])]

    @property
    def is_private(self) -> bool:
        return self.visibility == Visibility.PRIVATE


class ShareReply(PrivateContent):
    share = ThreadKey(Share, on_delete=models.CASCADE, related_name="replies")
    text = EncryptedTextField()

    class Meta:
        indexes = [models.Index(fields=["share", "created_at"])]
