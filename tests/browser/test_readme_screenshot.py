"""The README's pictures of the Today page, taken from the demo pair exactly as
`make run` creates it: a phone in the light and the dark theme, and a desktop.
Copy test-output/readme-today.png, readme-today-dark.png and readme-today-desktop.png
to docs/screenshots/ (as today.png, today-dark.png, today-desktop.png) when the page changes."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_EMAIL = "robin@example.com"
DEMO_PASSWORD = "hearthside-demo"


def sign_in_as_robin(robin):
    page = robin.open("/accounts/login/")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    page.reload()  # without the "signed in" message
    expect(page.locator("article[id^='daily-']")).to_contain_text("Sam has answered")
    return page


def test_the_demo_pairs_today_page_makes_the_readme_screenshots(visit, output_dir):
    call_command("load_questions", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    robin = visit(MOBILE, device_scale_factor=2)
    page = sign_in_as_robin(robin)
    # What a phone shows: the first screen, the navigation at the bottom, and in it
    # the question and what waits most (Sam's share), above the navigation.
    nav_top = page.locator(".site-nav").bounding_box()["y"]
    first_waiting = page.locator(".strip .today-section").first.locator("> *").first
    box = first_waiting.bounding_box()
    assert box["y"] + box["height"] <= nav_top, "the most pressing card is below the fold"
    page.screenshot(path=str(output_dir / "readme-today.png"))
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(output_dir / "readme-today-dark.png"))

    desktop = visit(DESKTOP)
    sign_in_as_robin(desktop).screenshot(path=str(output_dir / "readme-today-desktop.png"))
    assert robin.console_errors == [] and desktop.console_errors == []
