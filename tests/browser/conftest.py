"""Fixtures for the browser tests: Debian's Chromium driven by Playwright
against pytest-django's live server (which also serves the static files)."""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import ConsoleMessage, Page, expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Generous, for a busy CI machine; a passing run never waits this long.
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)
OUTPUT_DIR = Path(__file__).resolve().parents[2] / "test-output"
MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def chromium(monkeypatch):
    """A fresh headless Chromium for one test.

    Playwright's sync API runs an event loop in the test's thread while the
    browser is open, and Django refuses database calls inside a running loop
    unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Setting it for this test alone
    keeps it away from every other test and the programs they start (where
    `hearthside check --deploy` rightly rejects it); one browser per test costs
    about a second."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed: apt-get install chromium (CI installs it)")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts sign-ups and logins per address in the cache; every
    browser test starts from zero, as a new visitor would."""
    cache.clear()


@dataclass
class Visitor:
    """One person's browser window, with everything the console complained about."""

    page: Page
    base_url: str
    # Chromium reports every Content Security Policy violation here too.
    console_errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        return self.page

    def note_console_message(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def sign_in(self, user) -> None:
        """Start signed in, as after the login page (which has its own test)."""
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": self.base_url}]
        )


@pytest.fixture
def visit(chromium, live_server):
    """`visit(viewport)` opens a fresh, cookie-less window on the live server."""
    contexts = []

    def open_window(viewport=MOBILE, device_scale_factor=1) -> Visitor:
        context = chromium.new_context(
            viewport=viewport,
            device_scale_factor=device_scale_factor,
            locale="en-GB",
            timezone_id="Europe/London",
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(2 * TIMEOUT_MS)
        contexts.append(context)
        visitor = Visitor(page=context.new_page(), base_url=live_server.url)
        visitor.page.on("console", visitor.note_console_message)
        visitor.page.on("pageerror", lambda error: visitor.console_errors.append(str(error)))
        return visitor

    yield open_window
    for context in contexts:
        context.close()


@pytest.fixture
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR
