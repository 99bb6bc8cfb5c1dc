"""A "just listen" share in a real browser: Alex shares, Sam replies with a
starter and the coach's hints as they type, and Alex says they feel heard."""

import pytest
from playwright.sync_api import expect

from hearthside.coach import review
from hearthside.shares.models import Share
from tests.browser.conftest import chromium, fresh_rate_limits, visit  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHARE = "My manager picked my report apart in front of everyone."


def test_a_just_listen_share_gets_a_coached_reply_and_is_heard(couple, visit):  # noqa: F811
    alex_person, sam_person = couple
    alex, sam = visit(), visit()
    alex.sign_in(alex_person)
    sam.sign_in(sam_person)

    page = alex.open("/shares/")
    page.get_by_label("What's on your heart?").fill(SHARE)
    expect(page.get_by_label("Just listen")).to_be_checked()
    page.get_by_role("button", name="Share with Sam").click()
    expect(page.get_by_role("status").first).to_contain_text("Shared with Sam.")
    share = Share.objects.get()

    page = sam.open("/")
    page.get_by_role("link", name="Alex shared something and asked you to just listen").click()
    expect(page.get_by_role("heading", name="Alex asked you to just listen")).to_be_visible()
    expect(page.get_by_role("link", name="Offer to help")).to_have_count(0)

    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("link", name="Say back what you heard").click()
    reply_box = page.get_by_label("Your reply to Alex")
    expect(reply_box).to_have_value("What I'm hearing is ")
    reply_box.press_sequentially("you should talk to your boss")
    coach = page.locator(f"#coach-{share.pk}")
    expect(coach.locator("mark")).to_have_text("you should")
    expect(coach).to_contain_text(review("", "listen").limits)

    # Pasted or dictated text, with no key pressed, is checked too.
    reply_box.fill("It's not a big deal, you'll be fine.")
    expect(coach.locator("mark").first).to_contain_text("not a big deal")
    reply_box.fill("What I'm hearing is you should talk to your boss")
    expect(coach.locator("mark")).to_have_text("you should")

    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_label("Replies")).to_contain_text("you should talk to your boss")
    assert page.evaluate("window.stillTheSamePage === true"), "sending reloaded the page"

    page = alex.open(f"/shares/{share.pk}/")
    page.get_by_role("button", name="I feel heard").click()
    expect(page.get_by_role("status")).to_contain_text("You said you feel heard")

    assert alex.console_errors == [] and sam.console_errors == []
