from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hearthside.content import in_active_language
from hearthside.privacy.fields import EncryptedTextField
from hearthside.privacy.models import PairedResponse, PrivateContent, ThreadKey

ANSWER_MAX_CHARS = 2000
REPLY_MAX_CHARS = 500
OWN_QUESTION_MAX_CHARS = 200


class Depth(models.IntegerChoices):
    LIGHT = 1, "Light"
    PERSONAL = 2, "Personal"
    DEEP = 3, "Deep"


class InReadersLanguage:
    """A bank text as the reader sees it: ``name = InReadersLanguage()`` reads
    the English column ``name_en``, or the row's translation for the active
    language (``translations == {"es": {"name": …}}``), so pages and the API
    show each person their own language without asking for it."""

    def __set_name__(self, owner, name):
        self.field = name

    def __get__(self, row, owner=None):
        if row is None:
            return self
        translated = {
            language: texts.get(self.field) for language, texts in row.translations.items()
        }
        return in_active_language(getattr(row, f"{self.field}_en"), translated)


class BankContent(models.Model):
    """Content of the bank, written in English and translated in its data files
    (see hearthside/content.py). ``load-questions`` fills the English columns and
    the translations."""

    # {language: {field: text}}, e.g. {"es": {"text": "¿…?"}}; English is in the *_en columns.
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True


class Category(BankContent):
    slug = models.SlugField(unique=True)
    name_en = models.CharField(max_length=60)
    description_en = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    name = InReadersLanguage()
    description = InReadersLanguage()

    class Meta:
        ordering = ["order", "name_en"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class Question(BankContent):
    """A question of the bank, loaded from data files by `load-questions`."""

    key = models.CharField(max_length=40, unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="questions")
    depth = models.PositiveSmallIntegerField(choices=Depth.choices)
    text_en = models.CharField(max_length=300)
    tags = models.JSONField(default=list, blank=True)
    # Questions dropped from the data files stay for history, but are not asked again.
    active = models.BooleanField(default=True)

    text = InReadersLanguage()

    class Meta:
        indexes = [models.Index(fields=["active", "category", "depth"])]

    def __str__(self):
        return self.text


class OwnQuestion(PrivateContent):
    """A question one partner wrote for the pair. It stays with its author
    until it is served as a daily question, which is when the partner meets it."""

    text = EncryptedTextField()
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="+")
    depth = models.PositiveSmallIntegerField(choices=Depth.choices, default=Depth.PERSONAL)


class DailyQuestion(models.Model):
    """The question a pair is asked on one of their days. A row never changes
    its question: skipping sets the row aside and a new one takes its place,
    so an answer always answers the question its author was shown.

    An own question leaves with its author when they delete their account:
    the day stays, with the partner's answer, and no question."""

    pair = models.ForeignKey("pairs.Pair", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    own_question = models.OneToOneField(
        OwnQuestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="daily"
    )
    # Once a pair has been asked every eligible bank question, a new round
    # begins and questions may return; within a round none repeats.
    round = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    skipped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One question per pair per day, however many requests race for it.
            models.UniqueConstraint(
                fields=["pair", "day"],
                condition=Q(skipped_at__isnull=True),
                name="one_question_per_pair_day",
            ),
            models.UniqueConstraint(
                fields=["pair", "question", "round"],
                condition=Q(skipped_at__isnull=True),
                name="no_repeat_within_a_round",
            ),
            models.CheckConstraint(
                condition=Q(question__isnull=True) | Q(own_question__isnull=True),
                name="daily_question_has_one_source_at_most",
            ),
        ]
        indexes = [models.Index(fields=["pair", "-day"])]

    def is_open_on(self, day) -> bool:
        """Whether this is still the pair's question of ``day``, to be answered."""
        return self.day == day and self.skipped_at is None

    @property
    def text(self) -> str:
        return self.own_question.text if self.own_question_id else self.question.text

    @property
    def category(self) -> Category:
        return self.own_question.category if self.own_question_id else self.question.category

    @property
    def depth(self) -> int:
        return self.own_question.depth if self.own_question_id else self.question.depth

    @property
    def depth_label(self) -> str:
        return Depth(self.depth).label

    @property
    def asked_by(self):
        return self.own_question.author if self.own_question_id else None


class Answer(PairedResponse):
    prompt_field = "daily"

    daily = ThreadKey(DailyQuestion, on_delete=models.CASCADE, related_name="answers")
    text = EncryptedTextField()
    # The pair's day the answer was first written.
    written_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["daily", "author"], name="one_answer_per_person")
        ]


class ResponseKind(models.TextChoices):
    HEART = "heart", "Heart"
    THANKS = "thanks", "Thank you for sharing"
    REPLY = "reply", "Reply"


class AnswerResponse(PrivateContent):
    """A heart, a thank-you or a short reply, attached to an answer."""

    answer = ThreadKey(Answer, on_delete=models.CASCADE, related_name="responses")
    kind = models.CharField(max_length=10, choices=ResponseKind.choices)
    text = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "author", "kind"],
                condition=Q(kind__in=["heart", "thanks"]),
                name="one_heart_and_one_thanks_per_person",
            )
        ]
        indexes = [models.Index(fields=["answer", "created_at"])]


class SkipReason(models.TextChoices):
    NOT_TODAY = "not_today", "Not today"
    NOT_FOR_US = "not_for_us", "Not for us"


class Skip(PrivateContent):
    """A bank question set aside: for a while (not today) or for good (not for us)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=SkipReason.choices)
    day = models.DateField()


class Favourite(PrivateContent):
    daily = models.ForeignKey(DailyQuestion, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["daily", "author"], name="one_favourite_per_person")
        ]


class SwitchedOffCategory(models.Model):
    """A category the pair asked not to receive daily questions from."""

    pair = models.ForeignKey("pairs.Pair", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+")
    switched_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    switched_off_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair", "category"], name="category_off_once")
        ]
