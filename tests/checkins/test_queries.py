"""Pages and endpoints cost the same number of queries with one week of
history as with two years."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearthside.checkins import services, weekly
from hearthside.checkins.today import checkins_section
from hearthside.pairs.models import User
from hearthside.pairs.services import remembering_pairs


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


@pytest.fixture
def busy_week(couple, long_history):
    """Alex and Sam with a week of history, both checked in today and this week."""
    alex, sam = couple
    long_history(alex, sam, days=7)
    for person in couple:
        services.check_in(person, mood=4, feelings=["calm"], private_note="mine")
        weekly.submit_weekly(person, appreciation="thanks", one_need="rest")
    weekly.set_schedule(alex, 6, "19:00")
    return alex, sam


def two_more_years(long_history, alex, sam):
    long_history(alex, sam, days=730, older_than=7)


def test_today_section_costs_the_same_with_two_years_of_history(busy_week, long_history):
    alex, sam = busy_week

    def section():
        with remembering_pairs():  # as in a request
            checkins_section(User.objects.get(pk=alex.pk))

    short = queries(section)
    two_more_years(long_history, alex, sam)
    assert queries(section) == short <= 6


# Every signed-in request pays a few queries before a view runs (the session,
# the user, the pair); the limits include them.
@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/", 30),
        ("/checkins/", 14),
        ("/checkins/weekly/", 12),
        ("/checkins/weekly/history/", 11),
        ("/checkins/weekly/{week}/agenda/", 11),
        ("/api/checkins/today", 11),
        ("/api/checkins/recent", 12),
        ("/api/checkins/weekly/current", 11),
        ("/api/checkins/weekly/history", 11),
        ("/api/checkins/weekly/agenda", 11),
    ],
)
def test_page_costs_the_same_with_two_years_of_history(
    busy_week, long_history, client_for, django_assert_max_num_queries, path, limit
):
    alex, sam = busy_week
    path = path.format(week=weekly.this_week(alex).isoformat())
    client = client_for(alex)
    assert client.get(path).status_code == 200  # the first visit writes: a session, a question
    short = queries(lambda: client.get(path))
    two_more_years(long_history, alex, sam)
    with django_assert_max_num_queries(limit):
        response = client.get(path)
    assert response.status_code == 200
    assert queries(lambda: client.get(path)) == short
