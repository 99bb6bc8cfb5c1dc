"""Every page a person meets outside the daily question looks like Hearthside
and runs under the Content Security Policy without a single complaint."""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANONYMOUS_PAGES = {
    "signup": ("/accounts/signup/", "Sign Up"),
    "login": ("/accounts/login/", "Sign In"),
    "password-reset": ("/accounts/password/reset/", "Password Reset"),
    "landing": ("/", "A quiet place for the two of you"),
    "goodbye": ("/goodbye/", "Goodbye"),
}
ACCOUNT_PAGES = {
    "two-factor": ("/accounts/2fa/", "Two-Factor Authentication"),
    "password-change": ("/accounts/password/change/", "Change Password"),
    "email": ("/accounts/email/", "Email Addresses"),
    "sessions": ("/accounts/sessions/", "Sessions"),
    "settings": ("/settings/", "Settings"),
    "earlier-writing": ("/settings/earlier-writing/", "Your earlier writing"),
    "delete-account": ("/settings/delete-account/", "Delete your account"),
}


def assert_in_our_layout(page, heading: str):
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("link", name="Hearthside")).to_be_visible()
    # Our stylesheet loaded: the page background is the warm off-white, not the default.
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgba(0, 0, 0, 0)"
    # Nothing pushes the page wider than a phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_account_pages_for_visitors_use_our_layout_without_console_errors(visit, output_dir, name):
    visitor = visit()
    path, heading = ANONYMOUS_PAGES[name]
    page = visitor.open(path)
    assert_in_our_layout(page, heading)
    page.screenshot(path=str(output_dir / f"page-{name}.png"), full_page=True)
    assert visitor.console_errors == []


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_pages_for_a_signed_in_person_use_our_layout_without_console_errors(
    visit, make_person, output_dir, name
):
    visitor = visit()
    visitor.sign_in(make_person("Robin"))
    path, heading = ACCOUNT_PAGES[name]
    page = visitor.open(path)
    assert_in_our_layout(page, heading)
    page.screenshot(path=str(output_dir / f"page-{name}.png"), full_page=True)
    assert visitor.console_errors == []


def test_the_navigation_fits_a_small_phone_with_every_label_whole(visit, make_person):
    visitor = visit({"width": 320, "height": 640})
    visitor.sign_in(make_person("Robin"))
    page = visitor.open("/")
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    expect(links.first).to_be_visible()
    for link in links.all():
        fits = link.evaluate(
            "a => a.scrollWidth <= a.clientWidth"
            " && a.getBoundingClientRect().right <= window.innerWidth"
            " && a.getBoundingClientRect().height >= 44"
        )
        assert fits, f"{link.inner_text()} does not fit"
    assert visitor.console_errors == []


def test_api_docs_render_the_whole_api_under_the_content_security_policy(visit, output_dir):
    visitor = visit(DESKTOP)
    page = visitor.open("/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Hearthside API")
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    page.screenshot(path=str(output_dir / "page-api-docs.png"))
    assert visitor.console_errors == []


def test_turning_on_two_factor_shows_the_qr_code_under_the_content_security_policy(
    visit, make_person, output_dir
):
    person = make_person("Robin")
    visitor = visit()
    page = visitor.open("/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Welcome, Robin")).to_be_visible()
    page = visitor.open("/accounts/2fa/totp/activate/")
    assert_in_our_layout(page, "Confirm Access")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    assert_in_our_layout(page, "Activate Authenticator App")
    qr_code = page.get_by_role("img").first
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("image => image.naturalWidth") > 0
    page.screenshot(path=str(output_dir / "page-two-factor-activate.png"), full_page=True)
    assert visitor.console_errors == []
