"""The weekly check-in and its schedule, through the services."""

from datetime import time, timedelta

import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.checkins import weekly
from hearthside.checkins.models import WEEKLY_ANSWER_MAX_CHARS, WeeklyCheckIn, WeeklySchedule
from hearthside.errors import Conflict, NotFound, UserError
from hearthside.pairs.services import update_person

from .conftest import checkin_snapshot

ANSWERS = {
    "went_well": "We cooked together twice.",
    "appreciation": "You picked me up from the station in the rain.",
    "on_my_mind": "My sister's visit.",
    "one_need": "An evening just for us.",
    "how_to_help": "Remind me to stop working at seven.",
}


def test_the_week_is_named_by_its_monday(couple):
    alex, _ = couple
    week = weekly.this_week(alex)
    assert week.weekday() == 0
    assert (weekly.view_week(alex).week_ends - week).days == 6


def test_filling_in_the_weekly_check_in_saves_every_answer(couple):
    alex, _ = couple
    weekly.submit_weekly(alex, **ANSWERS)
    saved = WeeklyCheckIn.objects.get(author=alex)
    assert {name: getattr(saved, name) for name in ANSWERS} == ANSWERS
    assert saved.week == weekly.this_week(alex)


def test_sending_again_before_the_partner_edits_rather_than_duplicates(couple):
    alex, _ = couple
    weekly.submit_weekly(alex, appreciation="first")
    weekly.submit_weekly(alex, appreciation="second")
    assert WeeklyCheckIn.objects.count() == 1
    assert WeeklyCheckIn.objects.get().appreciation == "second"


def test_activity_is_recorded_on_the_first_submit_only(couple):
    alex, _ = couple
    weekly.submit_weekly(alex, appreciation="first")
    weekly.submit_weekly(alex, appreciation="second")
    assert list(Activity.objects.values_list("verb", flat=True)) == [Verb.WEEKLY_CHECKED_IN]


def test_once_both_are_in_the_week_is_settled(couple):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="as revealed")
    weekly.submit_weekly(sam, appreciation="Sam's")
    before = checkin_snapshot()
    with pytest.raises(Conflict, match="both shared this week's check-in"):
        weekly.submit_weekly(alex, appreciation="changed after the reveal")
    assert checkin_snapshot() == before
    assert not weekly.view_week(alex).can_edit


def test_the_second_to_submit_cannot_edit_either(couple):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="Alex's")
    weekly.submit_weekly(sam, appreciation="Sam's")
    with pytest.raises(Conflict):
        weekly.submit_weekly(sam, appreciation="Sam changes their mind")
    assert WeeklyCheckIn.objects.get(author=sam).appreciation == "Sam's"


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({}, "is empty"),
        ({"went_well": "  ", "one_need": "\n"}, "is empty"),
        ({"appreciation": "x" * (WEEKLY_ANSWER_MAX_CHARS + 1)}, "1,000 characters"),
        ({"mood": "5"}, "five questions"),
    ],
)
def test_bad_weekly_check_in_gets_a_clear_message_and_changes_nothing(couple, answers, message):
    alex, _ = couple
    weekly.submit_weekly(alex, appreciation="as it was")
    before = checkin_snapshot()
    with pytest.raises(UserError) as refused:
        weekly.submit_weekly(alex, **answers)
    assert message in refused.value.message
    assert checkin_snapshot() == before


def test_agenda_puts_appreciations_first_then_needs_then_minds(couple):
    alex, sam = couple
    weekly.submit_weekly(alex, **ANSWERS)
    weekly.submit_weekly(sam, appreciation="Your patience", one_need="Sleep", on_my_mind="Work")
    _, steps = weekly.agenda(sam)
    assert [step.key for step in steps] == ["appreciation", "one_need", "on_my_mind"]
    assert [(str(item.who), item.text) for item in steps[0].items] == [
        ("Alex", ANSWERS["appreciation"]),
        ("Sam", "Your patience"),
    ]
    assert [item.text for item in steps[1].items] == [ANSWERS["one_need"], "Sleep"]


def test_both_partners_see_the_agenda_in_the_same_order(couple):
    alex, sam = couple
    weekly.submit_weekly(sam, appreciation="Sam first")
    weekly.submit_weekly(alex, appreciation="Alex second")
    orders = [[item.text for item in weekly.agenda(person)[1][0].items] for person in couple]
    assert orders[0] == orders[1] == ["Sam first", "Alex second"]


def test_agenda_leaves_out_questions_both_left_blank(couple):
    alex, sam = couple
    weekly.submit_weekly(alex, appreciation="Thanks")
    weekly.submit_weekly(sam, appreciation="Thanks too")
    _, steps = weekly.agenda(alex)
    assert [step.key for step in steps] == ["appreciation"]


def test_agenda_waits_until_both_are_in(couple):
    alex, _ = couple
    weekly.submit_weekly(alex, **ANSWERS)
    with pytest.raises(Conflict, match="once you have both"):
        weekly.agenda(alex)


def test_history_lists_past_weeks_with_both_check_ins(couple, long_history):
    alex, sam = couple
    long_history(alex, sam, days=7 * 12)
    page = weekly.weekly_history(alex)
    assert len(page) == weekly.HISTORY_PAGE
    assert page[0].week == weekly.this_week(alex) - timedelta(weeks=1)
    assert all(view.revealed for view in page)
    older = weekly.weekly_history(alex, before=page[-1].week)
    assert [view.week for view in older] == [page[-1].week - timedelta(weeks=n) for n in (1, 2)]


def test_history_leaves_out_the_current_week(couple):
    alex, _ = couple
    weekly.submit_weekly(alex, appreciation="now")
    assert weekly.weekly_history(alex) == []


def test_a_week_that_is_not_a_monday_is_not_found(couple):
    alex, _ = couple
    tuesday = weekly.this_week(alex) + timedelta(days=1)
    with pytest.raises(NotFound):
        weekly.view_week(alex, tuesday)


def test_either_partner_can_set_the_schedule(couple):
    alex, sam = couple
    weekly.set_schedule(alex, 6, "19:30")
    weekly.set_schedule(sam, "2", "08:15")
    schedule = WeeklySchedule.objects.get()
    assert (schedule.weekday, schedule.at, schedule.updated_by) == (2, time(8, 15), sam)


def test_schedule_time_is_read_in_the_time_zone_of_whoever_set_it(couple):
    _, sam = couple
    update_person(sam, time_zone="Asia/Tokyo")
    schedule = weekly.set_schedule(sam, 6, "20:00")
    meeting = weekly.next_meeting(schedule)
    assert schedule.time_zone == "Asia/Tokyo"
    assert (meeting.weekday(), meeting.hour, meeting.minute) == (6, 20, 0)
    assert str(meeting.tzinfo) == "Asia/Tokyo"


@pytest.mark.parametrize(
    ("weekday", "at", "message"),
    [
        (7, "19:00", "day of the week"),
        (-1, "19:00", "day of the week"),
        ("sunday", "19:00", "day of the week"),
        (None, "19:00", "day of the week"),
        (6, "25:00", "like 19:30"),
        (6, "7pm", "like 19:30"),
        (6, "", "like 19:30"),
        (6, "19:00:00<script>", "like 19:30"),
    ],
)
def test_invalid_schedule_gets_a_clear_message_and_changes_nothing(couple, weekday, at, message):
    alex, _ = couple
    weekly.set_schedule(alex, 6, "19:00")
    before = checkin_snapshot()
    with pytest.raises(UserError, match=message):
        weekly.set_schedule(alex, weekday, at)
    assert checkin_snapshot() == before
