"""The daily check-in, through its services."""

import pytest

from hearthside.activity.models import Activity, Verb
from hearthside.checkins import services
from hearthside.checkins.feelings import (
    FeelingsDataError,
    feeling_groups,
    feeling_words,
    read_feelings,
)
from hearthside.checkins.models import (
    FREE_FEELING_MAX_CHARS,
    NOTE_MAX_CHARS,
    PRIVATE_NOTE_MAX_CHARS,
    CheckIn,
    CheckInPrivateNote,
)
from hearthside.errors import UserError

from .conftest import checkin_snapshot


def test_the_curated_list_has_about_forty_words_in_groups():
    assert len(feeling_groups()) >= 4
    assert 35 <= len(feeling_words()) <= 50


def test_checking_in_saves_mood_feelings_need_and_note(couple):
    alex, _ = couple
    services.check_in(
        alex,
        mood=4,
        feelings=["calm", "Grateful"],
        own_feelings=["a bit wobbly"],
        need="closeness",
        note="Long day, good ending.",
    )
    checkin = CheckIn.objects.get(author=alex)
    assert checkin.mood == 4
    assert checkin.feelings == ["calm", "grateful"]
    assert checkin.own_feeling_list == ["a bit wobbly"]
    assert checkin.need == "closeness"
    assert checkin.note == "Long day, good ending."


def test_a_mood_alone_is_a_whole_check_in(couple):
    alex, _ = couple
    services.check_in(alex, mood=2)
    assert CheckIn.objects.get(author=alex).mood == 2


def test_feeling_words_alone_are_a_whole_check_in(couple):
    alex, _ = couple
    services.check_in(alex, feelings=["tired"])
    assert CheckIn.objects.get(author=alex).mood is None


def test_a_listed_word_typed_by_hand_counts_as_chosen_from_the_list(couple):
    alex, _ = couple
    services.check_in(alex, own_feelings=["Hopeful", "fizzy"])
    checkin = CheckIn.objects.get(author=alex)
    assert checkin.feelings == ["hopeful"]
    assert checkin.own_feeling_list == ["fizzy"]


def test_checking_in_again_the_same_day_edits_it(couple):
    alex, _ = couple
    services.check_in(alex, mood=2, note="first")
    services.check_in(alex, mood=4, note="second")
    assert CheckIn.objects.count() == 1
    checkin = CheckIn.objects.get()
    assert (checkin.mood, checkin.note) == (4, "second")


def test_first_check_in_of_the_day_is_recorded_once_as_activity(couple):
    alex, _ = couple
    services.check_in(alex, mood=3)
    services.check_in(alex, mood=4)
    assert list(Activity.objects.filter(author=alex).values_list("verb", flat=True)) == [
        Verb.CHECKED_IN
    ]


def test_private_note_is_kept_apart_and_can_be_cleared(couple):
    alex, _ = couple
    services.check_in(alex, mood=3, private_note="Worried about work, not ready to say.")
    assert CheckInPrivateNote.objects.get(author=alex).text.startswith("Worried")
    assert services.today(alex).my_private_note.startswith("Worried")
    services.check_in(alex, mood=3, private_note="")
    assert not CheckInPrivateNote.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "nothing in this check-in"),
        ({"note": "   ", "own_feelings": ["", " "]}, "nothing in this check-in"),
        ({"private_note": "only this"}, "nothing in this check-in"),
        ({"mood": 0}, "1 (really low) to 5"),
        ({"mood": 6}, "1 (really low) to 5"),
        ({"mood": "great"}, "1 (really low) to 5"),
        ({"mood": 3, "feelings": ["hangry"]}, "“hangry” isn't one of the listed"),
        ({"mood": 3, "feelings": ["<script>alert(1)</script>"]}, "isn't one of the listed"),
        ({"mood": 3, "own_feelings": ["x" * (FREE_FEELING_MAX_CHARS + 1)]}, "a word or two"),
        ({"mood": 3, "own_feelings": ["<b>bold</b>"]}, "letters, spaces, hyphens"),
        ({"mood": 3, "own_feelings": ["🥲"]}, "letters, spaces, hyphens"),
        ({"mood": 3, "own_feelings": ["one", "two", "three", "four"]}, "up to 3"),
        ({"mood": 3, "feelings": sorted(feeling_words())[:9]}, "up to 8"),
        ({"mood": 3, "need": "money"}, "listed needs"),
        ({"mood": 3, "note": "x" * (NOTE_MAX_CHARS + 1)}, f"{NOTE_MAX_CHARS} characters"),
        (
            {"mood": 3, "private_note": "x" * (PRIVATE_NOTE_MAX_CHARS + 1)},
            "private note to 1,000",
        ),
    ],
)
def test_bad_check_in_gets_a_clear_message_and_changes_nothing(couple, fields, message):
    alex, _ = couple
    services.check_in(alex, mood=4, note="as it was", private_note="mine")
    before = checkin_snapshot()
    with pytest.raises(UserError) as refused:
        services.check_in(alex, **fields)
    assert message in refused.value.message
    assert checkin_snapshot() == before


def test_emoji_and_markup_in_the_note_are_kept_as_written(couple):
    alex, _ = couple
    services.check_in(alex, mood=5, note="🥳 <b>we did it</b>")
    assert CheckIn.objects.get().note == "🥳 <b>we did it</b>"


def test_sharing_directly_needs_a_check_in_first(couple):
    alex, _ = couple
    with pytest.raises(UserError, match="Check in first"):
        services.share_directly(alex)
    assert not CheckIn.objects.exists()


def test_recent_days_are_newest_first_and_leave_out_today(couple, long_history):
    alex, sam = couple
    long_history(alex, sam, days=20)
    services.check_in(alex, mood=3)
    days, older_before = services.recent_days(alex)
    assert len(days) == services.RECENT_DAYS
    assert [view.day for view in days] == sorted((view.day for view in days), reverse=True)
    assert days[0].day < services.today(alex).day
    assert older_before == days[-1].day


def test_older_page_continues_where_the_first_ended(couple, long_history):
    alex, sam = couple
    long_history(alex, sam, days=20)
    first, older_before = services.recent_days(alex)
    second, none_older = services.recent_days(alex, before=older_before)
    assert len(second) == 20 - services.RECENT_DAYS
    assert second[0].day < first[-1].day
    assert none_older is None


def test_the_feelings_file_refuses_a_word_listed_twice(tmp_path):
    data = tmp_path / "feelings.yaml"
    data.write_text("groups:\n  - name: A\n    words: [calm]\n  - name: B\n    words: [calm]\n")
    with pytest.raises(FeelingsDataError, match="listed twice"):
        read_feelings(data)
