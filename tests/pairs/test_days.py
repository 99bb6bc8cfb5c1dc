"""The day a person lives in, and the day a pair shares."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from hypothesis import assume, given
from hypothesis import strategies as st

from hearthside.pairs.days import known_time_zones, pair_day, person_day

ALL_ZONES = sorted(known_time_zones())
# Zones with daylight saving time, north and south, with odd offsets too.
DST_ZONES = [
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "America/Santiago",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Pacific/Chatham",
]

zones = st.sampled_from(ALL_ZONES)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31), timezones=st.just(UTC)
)
ordinary_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


def local(day: date, at: time, zone: str) -> datetime:
    return datetime.combine(day, at, tzinfo=ZoneInfo(zone))


def exists_once(moment: datetime) -> bool:
    """False for a wall-clock time skipped or repeated by a clock change."""
    round_trip = moment.astimezone(UTC).astimezone(moment.tzinfo)
    other_fold = moment.replace(fold=1 - moment.fold)
    return round_trip.replace(tzinfo=None) == moment.replace(tzinfo=None) and (
        other_fold.utcoffset() == moment.utcoffset()
    )


@given(moments, zones, zones)
def test_the_pair_day_is_the_earlier_of_the_two_persons_days(moment, first, second):
    days = {person_day(moment, first), person_day(moment, second)}
    assert pair_day(moment, [first, second]) == min(days)
    assert pair_day(moment, [second, first]) == min(days)


@given(moments, zones)
def test_partners_in_the_same_zone_share_their_personal_day(moment, zone):
    assert pair_day(moment, [zone, zone]) == person_day(moment, zone)


@given(moments, zones, zones)
def test_partners_days_are_at_most_one_date_apart(moment, first, second):
    gap = abs(person_day(moment, first) - person_day(moment, second))
    assert gap <= timedelta(days=1)


@given(ordinary_days, zones)
def test_a_persons_day_begins_at_four_in_the_morning_local_time(day, zone):
    start = local(day, time(settings.DAY_STARTS_AT_HOUR), zone)
    just_before = local(day, time(settings.DAY_STARTS_AT_HOUR - 1, 59, 59, 999999), zone)
    assume(exists_once(start) and exists_once(just_before))
    assert person_day(start, zone) == day
    assert person_day(just_before, zone) == day - timedelta(days=1)


@given(ordinary_days, zones)
def test_one_in_the_morning_still_belongs_to_the_evening_before(day, zone):
    late = local(day, time(1, 0), zone)
    assume(exists_once(late))
    assert person_day(late, zone) == day - timedelta(days=1)


@given(moments, zones)
def test_an_hour_later_is_the_same_day_or_the_next(moment, zone):
    step = person_day(moment + timedelta(hours=1), zone) - person_day(moment, zone)
    assert step in (timedelta(0), timedelta(days=1))


@pytest.mark.parametrize("zone", DST_ZONES)
@pytest.mark.parametrize("year", [2025, 2038])
def test_clock_changes_neither_skip_nor_repeat_a_day(zone, year):
    """Hour by hour through a year with two clock changes: every date comes
    once, in order, and lasts 23 to 25 hours."""
    moment = datetime(year, 1, 1, 12, tzinfo=UTC)
    hours_per_day: dict[date, int] = {}
    while moment.year == year:
        day = person_day(moment, zone)
        hours_per_day[day] = hours_per_day.get(day, 0) + 1
        moment += timedelta(hours=1)

    days = list(hours_per_day)
    assert days == [days[0] + timedelta(days=n) for n in range(len(days))]
    lengths = set(list(hours_per_day.values())[1:-1])
    assert lengths <= {23, 24, 25}
    assert {23, 25} <= lengths, "this zone changes its clocks twice a year"


def test_partners_on_either_side_of_the_date_line_share_the_earlier_day():
    # 05:00 on 2 June in Tokyo, 13:00 on 1 June in Los Angeles.
    moment = datetime(2025, 6, 1, 20, tzinfo=UTC)
    assert person_day(moment, "Asia/Tokyo") == date(2025, 6, 2)
    assert pair_day(moment, ["Asia/Tokyo", "America/Los_Angeles"]) == date(2025, 6, 1)
