"""The README's picture of the Today page, taken from the demo pair exactly as
`make run` creates it. Copy test-output/readme-today.png to
docs/screenshots/ when the page changes."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import MOBILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_EMAIL = "robin@example.com"
DEMO_PASSWORD = "hearthside-demo"


def test_the_demo_pairs_today_page_makes_the_readme_screenshot(visit, output_dir):
    call_command("load_questions", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    robin = visit(MOBILE, device_scale_factor=2)
    page = robin.open("/accounts/login/")
    page.get_by_label("Email").fill(DEMO_EMAIL)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    page.reload()  # without the "signed in" message
    expect(page.locator("article[id^='daily-']")).to_contain_text("Sam has answered")
    # What a phone shows: the first screen, the navigation at the bottom.
    page.screenshot(path=str(output_dir / "readme-today.png"))
    assert robin.console_errors == []
