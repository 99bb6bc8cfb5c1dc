"""Which conversation-deck cards a pair drew, and nothing else.

The deck is for talking in person, so what was said stays in the room. A row
only remembers that a card came up, so the daily question can give that card
a rest for a while. Rows belong to the pair, like its daily questions, and
carry no words of anyone's.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class DeckDraw(models.Model):
    pair = models.ForeignKey("pairs.Pair", on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey("questions.Question", on_delete=models.CASCADE, related_name="+")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drawn_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["pair", "-drawn_at"])]
