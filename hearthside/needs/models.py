"""Needs: "I need …" requests between partners.

Defaults: a need is for the partner (``Visibility.PARTNER``); there is no
"keep private" option, since a need kept to oneself asks nothing of anyone.
Answers take the visibility of the need. Only the asker marks a need as met.
"""

from django.db import models
from django.db.models import Q

from hearthside.privacy.fields import EncryptedTextField
from hearthside.privacy.models import PrivateContent, ThreadKey

NEED_MAX_CHARS = 300
NOTE_MAX_CHARS = 300


class Need(PrivateContent):
    text = EncryptedTextField()
    by_when = models.DateField(null=True, blank=True)
    met_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["pair", "met_at", "-id"])]

    @property
    def is_met(self) -> bool:
        return self.met_at is not None


class AnswerKind(models.TextChoices):
    ACKNOWLEDGEMENT = "ack", "You can count on me"
    NOTE = "note", "Note"


class NeedAnswer(PrivateContent):
    """The partner's answer to a need: a one-tap acknowledgement or a short note."""

    need = ThreadKey(Need, on_delete=models.CASCADE, related_name="answers")
    kind = models.CharField(max_length=10, choices=AnswerKind.choices)
    text = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            # However many devices tap at once, a need is acknowledged once.
            models.UniqueConstraint(
                fields=["need", "author"],
                condition=Q(kind="ack"),
                name="one_acknowledgement_per_need",
            )
        ]
        indexes = [models.Index(fields=["need", "created_at"])]
