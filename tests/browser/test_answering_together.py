"""The first loop a couple lives in, in a real browser: two people sign up,
pair with a code and answer today's question, and neither sees the other's
answer before sharing their own."""

import re

import pytest
from playwright.sync_api import expect

from tests.accounts.conftest import link_in_last_mail
from tests.conftest import PASSWORD

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIGN_UP_PASSWORD = "a-long-browser-password-57"
ALEX_ANSWER = "The walk along the canal when it started to snow."
SAM_ANSWER = "Breakfast on the balcony, before the street woke up."


def sign_up(visitor, email: str, name: str):
    page = visitor.open("/accounts/signup/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("What should your partner see as your name?").fill(name)
    page.get_by_label(re.compile(r"^Password:?$")).fill(SIGN_UP_PASSWORD)
    page.get_by_label("Password (again)").fill(SIGN_UP_PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    visitor.open(link_in_last_mail("/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name=f"Welcome, {name}")).to_be_visible()
    return page


def question_card(page):
    return page.locator("article[id^='daily-']")


def answer_without_reload(page, text: str):
    """Answer through htmx and prove the page was not reloaded: a value set on
    the window survives only if the form was swapped in place."""
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Your answer, just for the two of you").fill(text)
    page.get_by_role("button", name="Share my answer").click()
    expect(page.get_by_role("region", name="Your answer")).to_contain_text(text)
    assert page.evaluate("window.stillTheSamePage === true"), "the answer reloaded the page"


def test_two_people_pair_by_code_and_see_each_others_answer_only_after_answering(
    visit, bank, output_dir
):
    alex, sam = visit(), visit()

    alex_page = sign_up(alex, "alex@example.test", "Alex")
    alex_page.get_by_role("link", name="Invite my partner").click()
    alex_page.get_by_role("button", name="Make an invitation code").click()
    code = alex_page.locator("#invitation-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)

    sam_page = sign_up(sam, "sam@example.test", "Sam")
    sam_page.get_by_role("link", name="I have a code").click()
    sam_page.get_by_label("Invitation code").fill(code.lower().replace("-", " "))
    sam_page.get_by_role("button", name="Join").click()
    expect(sam_page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(question_card(sam_page)).to_contain_text("Alex hasn't answered yet")

    alex_page = alex.open("/")
    question = alex_page.locator(".question-text").inner_text()
    assert SAM_ANSWER not in alex_page.content()
    answer_without_reload(alex_page, ALEX_ANSWER)
    expect(question_card(alex_page)).to_contain_text("Sam hasn't answered yet")

    sam_page.reload()
    assert sam_page.locator(".question-text").inner_text() == question
    expect(question_card(sam_page)).to_contain_text("Alex has answered")
    assert ALEX_ANSWER not in sam_page.content()

    answer_without_reload(sam_page, SAM_ANSWER)
    expect(sam_page.get_by_role("region", name="Alex's answer")).to_contain_text(ALEX_ANSWER)

    alex_page.reload()
    expect(alex_page.get_by_role("region", name="Sam's answer")).to_contain_text(SAM_ANSWER)

    sam_page.reload()
    sam_page.screenshot(path=str(output_dir / "today.png"))
    assert alex.console_errors == [] and sam.console_errors == []


def test_on_a_desktop_the_page_is_styled_and_the_counter_and_htmx_work(visit, couple, output_dir):
    alex_person, _ = couple
    alex = visit(DESKTOP)
    page = alex.open("/accounts/login/")
    page.get_by_label("Email").fill(alex_person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    card = question_card(page)
    assert card.evaluate("card => getComputedStyle(card).borderRadius") != "0px"
    # On a desktop the navigation is a side bar, beside the page rather than under it.
    navigation = page.get_by_role("navigation", name="Main").bounding_box()
    assert navigation["x"] + navigation["width"] <= card.bounding_box()["x"]

    answer_box = page.get_by_label("Your answer, just for the two of you")
    answer_box.fill("Twelve")
    expect(page.locator(".counter")).to_contain_text("6 /")
    answer_without_reload(page, "Twelve letters")
    # The card swapped in by htmx still knows it is today's question.
    expect(card.locator(".eyebrow")).to_contain_text("Today")
    page.screenshot(path=str(output_dir / "today-desktop.png"), full_page=True)
    assert alex.console_errors == []
