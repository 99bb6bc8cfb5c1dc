"""The deck on a phone, in a real browser: big buttons under the thumb, the
card swapped in place by htmx, and the address bar always naming the card."""

import pytest
from playwright.sync_api import expect

# The browser fixtures live with the other browser tests; reuse, don't copy.
from tests.browser.conftest import chromium, fresh_rate_limits, output_dir, visit  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def card_text(page) -> str:
    return page.locator(".deck-card-text").inner_text()


def test_a_couple_draws_goes_back_and_shuffles_with_one_thumb(visit, couple, output_dir):  # noqa: F811
    alex, _ = couple
    visitor = visit()
    visitor.sign_in(alex)
    page = visitor.open("/deck/")
    page.get_by_text("Values", exact=True).click()
    page.get_by_text("Light", exact=True).click()
    page.get_by_role("button", name="Draw the first card").click()

    first = card_text(page)
    page.evaluate("window.stillTheSamePage = true")
    viewport = page.viewport_size
    for name in ("back", "shuffle", "next"):
        box = page.locator(f'[data-deck="{name}"]').bounding_box()
        assert box["height"] >= 44, name
        assert box["y"] + box["height"] <= viewport["height"], f"{name} is off screen"
        assert box["y"] > viewport["height"] * 0.7, f"{name} is out of the thumb's reach"
    expect(page.locator(".site-nav")).to_be_hidden()
    page.screenshot(path=output_dir / "deck-card-phone.png")

    page.get_by_role("button", name="Next").click()
    expect(page.locator(".deck-card-text")).not_to_have_text(first)
    second = card_text(page)
    assert "at=1" in page.url

    page.get_by_role("link", name="Back").click()
    expect(page.locator(".deck-card-text")).to_have_text(first)

    page.get_by_role("button", name="Shuffle").click()
    expect(page.locator(".deck-card-text")).not_to_have_text(first)
    assert card_text(page) != second
    assert "passed=" in page.url
    assert page.evaluate("window.stillTheSamePage === true"), "a control reloaded the page"

    page.reload()
    assert "passed=" in page.url
    assert not visitor.console_errors, visitor.console_errors
