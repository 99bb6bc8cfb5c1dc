"""A pair living through their days on a clock the test controls.

The pair's day comes from ``django.utils.timezone.now``; the clock replaces it,
so the real service ``todays_question`` decides what each day brings.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from unittest import mock

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from hearthside.pairs.services import forget_pair_context
from hearthside.questions import services
from hearthside.questions.models import Category, DailyQuestion, Question


class Clock:
    def __init__(self, day: date = date(2030, 3, 4)):
        self.now = datetime.combine(day, time(12, 0), tzinfo=UTC)

    def set_day(self, day: date) -> None:
        """Noon UTC: that date for both partners while they live near Europe."""
        self.now = datetime.combine(day, time(12, 0), tzinfo=UTC)

    @property
    def day(self) -> date:
        return self.now.date()


@contextmanager
def frozen(clock: Clock):
    with mock.patch("django.utils.timezone.now", lambda: clock.now):
        yield clock


@contextmanager
def rolled_back():
    """Each hypothesis example starts from the same database."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@dataclass
class Life:
    """What the pair was asked, day by day."""

    dailies: list[DailyQuestion] = field(default_factory=list)

    @property
    def questions(self) -> list[int]:
        return [daily.question_id for daily in self.dailies if daily.question_id]

    @property
    def categories(self) -> list[int]:
        return [daily.category.pk for daily in self.dailies]

    @property
    def depths(self) -> list[int]:
        return [daily.depth for daily in self.dailies]


def live(
    clock: Clock,
    first,
    second,
    days: list[date],
    *,
    both_answer=lambda day: False,
    each_morning=lambda day: None,
    each_evening=lambda day, daily: None,
) -> Life:
    """Open Today on each of ``days`` and do what the callbacks say."""
    life = Life()
    for day in days:
        clock.set_day(day)
        for person in (first, second):
            forget_pair_context(person)
        each_morning(day)
        daily = services.todays_question(first)
        life.dailies.append(daily)
        if both_answer(day):
            services.answer_question(first, daily.pk, f"{first} on {day}")
            services.answer_question(second, daily.pk, f"{second} on {day}")
        each_evening(day, daily)
    return life


def consecutive_days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(count)]


def switch_off_all_but(person, keep: list[Category]) -> None:
    for category in Category.objects.exclude(pk__in=[c.pk for c in keep]):
        services.set_category(person, category.slug, enabled=False)


def smallest_category() -> Category:
    return min(
        Category.objects.all(),
        key=lambda category: Question.objects.filter(category=category, active=True).count(),
    )


# Each example builds a pair and lives through weeks of days: few, slow examples.
SIMULATION_SETTINGS = settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def calendars(draw, *, min_days: int, max_days: int) -> list[date]:
    """Days a pair opens the app: mostly every day, now and then a few days off."""
    day = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)))
    gaps = draw(
        st.lists(
            st.sampled_from([1, 1, 1, 1, 2, 3, 9]), min_size=min_days - 1, max_size=max_days - 1
        )
    )
    days = [day]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    return days
