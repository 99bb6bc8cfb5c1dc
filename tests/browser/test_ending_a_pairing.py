"""Ending a pairing in a real browser: one partner ends it from Settings, and
both find the same words on Today, and their own writing kept."""

import pytest
from playwright.sync_api import expect

from hearthside.shares import services as shares

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALEX_SHARE = "Alex wrote about the long winter at her grandmother's"
SAM_SHARE = "Sam wrote about the move to the coast"


def test_one_ends_the_pairing_and_both_are_told_the_same(visit, couple, output_dir):
    alex, sam = couple
    shares.create_share(alex, ALEX_SHARE, "listen")
    shares.create_share(sam, SAM_SHARE, "listen")
    sams, alexs = visit(), visit()
    sams.sign_in(sam)
    alexs.sign_in(alex)

    page = sams.open("/settings/")
    page.get_by_role("link", name="End our pairing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("End your pairing with Alex?")
    page.screenshot(path=str(output_dir / "page-unpair.png"), full_page=True)
    page.get_by_role("button", name="End our pairing").click()

    notices = []
    for visitor in (sams, alexs):
        today = visitor.open("/")
        notice = today.get_by_role("region", name="Your pairing has ended")
        expect(notice).to_be_visible()
        notices.append(notice.inner_text())
        today.screenshot(path=str(output_dir / "page-pairing-ended.png"), full_page=True)
        notice.get_by_role("link", name="Your earlier writing").click()
        expect(today.get_by_role("heading", level=1)).to_have_text("Your earlier writing")
        today.screenshot(path=str(output_dir / "page-earlier-writing-kept.png"), full_page=True)
        assert visitor.console_errors == []
    assert notices[0] == notices[1]
    expect(alexs.open("/settings/earlier-writing/").locator("main")).to_contain_text(ALEX_SHARE)
    expect(alexs.open("/settings/earlier-writing/").locator("main")).not_to_contain_text(SAM_SHARE)
    expect(sams.open("/settings/earlier-writing/").locator("main")).to_contain_text(SAM_SHARE)
