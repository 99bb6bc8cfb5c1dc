"""Daily and weekly check-ins.

A daily check-in belongs to one person and one of the pair's days; the partner
sees it once they have checked in that day too, or when its author shares it
directly. A weekly check-in belongs to a person and a week (the Monday the
pair's ISO week starts on); the two of a week are revealed together.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hearthside.privacy.fields import EncryptedTextField
from hearthside.privacy.models import PairedResponse, PrivateContent

from .feelings import feeling_label

NOTE_MAX_CHARS = 500
PRIVATE_NOTE_MAX_CHARS = 1000
FREE_FEELING_MAX_CHARS = 30
FREE_FEELINGS_MAX = 3
FEELINGS_MAX = 8
WEEKLY_ANSWER_MAX_CHARS = 1000


class Mood(models.IntegerChoices):
    VERY_LOW = 1, "Really low"
    LOW = 2, "Low"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Really good"


# Faces from the icon sprite ({% icon %}), the same on every device.
MOOD_FACES = {1: "frown", 2: "annoyed", 3: "meh", 4: "smile", 5: "laugh"}
# (value, label, face) for the mood chips of the forms.
MOOD_OPTIONS = [(value, label, MOOD_FACES[value]) for value, label in Mood.choices]


class Need(models.TextChoices):
    HEARD = "heard", "To be heard"
    HELP = "help", "Some help"
    SPACE = "space", "Some space"
    CLOSENESS = "closeness", "Closeness"
    NOTHING = "nothing", "Nothing in particular"


class CheckIn(PairedResponse):
    # A partner's check-in shows once the viewer has checked in the same day,
    # or as soon as its author chose to share it directly.
    prompt_field = "day"
    revealed_early = Q(shared_directly=True)

    day = models.DateField()
    mood = models.PositiveSmallIntegerField(choices=Mood.choices, null=True, blank=True)
    # Words from data/checkins/feelings.yaml, as written there.
    feelings = models.JSONField(default=list, blank=True)
    # A few words of the author's own, one a line: they are what they wrote.
    own_feelings = EncryptedTextField(blank=True, default="")
    need = models.CharField(max_length=20, choices=Need.choices, blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    shared_directly = models.BooleanField(default=False)

    class Meta:
        constraints = [
            # One per person per pair-day, however often the form is sent.
            models.UniqueConstraint(fields=["pair", "author", "day"], name="one_checkin_per_day"),
            models.CheckConstraint(
                condition=Q(mood__isnull=True) | Q(mood__gte=1, mood__lte=5),
                name="checkin_mood_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["pair", "-day"])]

    @property
    def own_feeling_list(self) -> list[str]:
        return [word for word in self.own_feelings.split("\n") if word]

    @property
    def feeling_labels(self) -> list[str]:
        """The curated words as the reader sees them, in their language."""
        return [feeling_label(word) for word in self.feelings]

    @property
    def all_feelings(self) -> list[str]:
        """Every feeling to show: curated words in the reader's language, then
        the author's own words as written."""
        return [*self.feeling_labels, *self.own_feeling_list]

    @property
    def mood_face(self) -> str:
        return MOOD_FACES.get(self.mood, "")


class CheckInPrivateNote(PrivateContent):
    """A line for the author alone. It lives in its own row, always private, so
    the privacy layer itself keeps it from the partner, whatever reads the check-in."""

    checkin = models.OneToOneField(CheckIn, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField()


def week_starting(day: date) -> date:
    """The Monday of the ISO week ``day`` is in: it names the week."""
    return day - timedelta(days=day.weekday())


class WeeklyCheckIn(PairedResponse):
    prompt_field = "week"

    week = models.DateField(help_text="The Monday the week starts on.")
    went_well = EncryptedTextField(blank=True, default="")
    appreciation = EncryptedTextField(blank=True, default="")
    on_my_mind = EncryptedTextField(blank=True, default="")
    one_need = EncryptedTextField(blank=True, default="")
    how_to_help = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair", "author", "week"], name="one_weekly_per_week"),
        ]
        indexes = [models.Index(fields=["pair", "-week"])]


# The answers of a weekly check-in, in the order they are asked. Their
# questions are content: data/checkins/weekly.yaml (see prompts.py).
WEEKLY_ANSWERS = tuple(
    field.name for field in WeeklyCheckIn._meta.fields if isinstance(field, EncryptedTextField)
)


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class WeeklySchedule(models.Model):
    """When the pair means to sit down for their weekly check-in. Either
    partner can change it; the time is read in the time zone of whoever set it."""

    pair = models.OneToOneField("pairs.Pair", on_delete=models.CASCADE, related_name="+")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    at = models.TimeField()
    time_zone = models.CharField(max_length=64)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="schedule_weekday_0_to_6"
            )
        ]

    @property
    def weekday_name(self) -> str:
        return Weekday(self.weekday).label
