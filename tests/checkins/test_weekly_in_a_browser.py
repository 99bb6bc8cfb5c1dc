"""The weekly check-in in a real browser: the pair picks a time, each fills in
the guided form on their own phone, and only once both are in do they see each
other's answers and the agenda for talking."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import chromium, fresh_rate_limits, visit  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALEX = {
    "What went well for us this week?": "Cooking together on Wednesday.",
    "Something I appreciated about you": "You picked me up from the station in the rain.",
    "What's on my mind": "Work deadlines are piling up.",
    "One thing I need": "An evening without screens.",
    "How can I help you this week?": "Tell me when you need quiet.",
}
SAM = {
    "What went well for us this week?": "The long walk on Sunday.",
    "Something I appreciated about you": "You listened when I was upset about my sister.",
    "What's on my mind": "Whether to visit my parents next month.",
    "One thing I need": "A lie-in on Saturday.",
    "How can I help you this week?": "Remind me to take breaks.",
}


def fill_in(page, answers: dict[str, str]) -> None:
    for prompt, text in answers.items():
        page.get_by_label(prompt).fill(text)
    page.get_by_role("button", name="Save my check-in").click()


def test_two_partners_fill_in_the_weekly_check_in_and_meet_over_the_agenda(couple, visit):  # noqa: F811
    alex_person, sam_person = couple
    alex, sam = visit(), visit()
    alex.sign_in(alex_person)
    sam.sign_in(sam_person)

    page = alex.open("/checkins/weekly/schedule/")
    page.get_by_text("Sunday").click()
    page.get_by_label("Time").fill("19:30")
    page.get_by_role("button", name="Save").click()

    page = alex.open("/checkins/weekly/")
    expect(page.get_by_text("You talk on Sundays at 19:30")).to_be_visible()
    fill_in(page, ALEX)
    expect(page.get_by_text("Sam hasn't filled in theirs yet")).to_be_visible()

    page = sam.open("/checkins/weekly/")
    expect(page.get_by_text("Alex has filled in theirs")).to_be_visible()
    for text in ALEX.values():
        expect(page.get_by_text(text)).to_have_count(0)
    fill_in(page, SAM)
    for text in [*ALEX.values(), *SAM.values()]:
        expect(page.get_by_text(text)).to_be_visible()

    page.get_by_role("link", name="Your agenda for talking").click()
    headings = page.get_by_role("heading", level=2)
    expect(headings.first).to_contain_text("1.")
    steps = headings.all_inner_texts()
    appreciations = next(i for i, step in enumerate(steps) if "ppreciat" in step)
    needs = next(i for i, step in enumerate(steps) if "need" in step.lower())
    assert appreciations < needs, steps
    expect(page.get_by_text(ALEX["Something I appreciated about you"])).to_be_visible()
    expect(page.get_by_text(SAM["One thing I need"])).to_be_visible()

    page = alex.open("/checkins/weekly/")
    expect(page.get_by_text(SAM["What's on my mind"])).to_be_visible()
    assert alex.console_errors == [] and sam.console_errors == []
