"""The day a person, and a pair, are living in.

Each person's day begins at ``DAY_STARTS_AT_HOUR`` local time, so an answer
written at 1 am still counts for the evening before. A pair's day is the
*earlier* of the two partners' days: a new daily question arrives once the
day has begun for both of them, so neither partner ever meets a question that
belongs to a date the other has not reached yet.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@lru_cache(maxsize=1)
def known_time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_known_time_zone(name: str) -> bool:
    return name in known_time_zones()


def person_day(moment: datetime, time_zone: str) -> date:
    local = moment.astimezone(zone(time_zone))
    return (local - timedelta(hours=settings.DAY_STARTS_AT_HOUR)).date()


def pair_day(moment: datetime, time_zones: Iterable[str]) -> date:
    return min(person_day(moment, name) for name in time_zones)
