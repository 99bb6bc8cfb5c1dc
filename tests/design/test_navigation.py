"""One table (hearthside/web.py NAVIGATION) decides where every page lives:
the tab it lights up, and the sub-navigation that makes every page of a
section one more tap away."""

import re

import pytest
from django.urls import reverse

from hearthside.web import NAVIGATION

PAGES = [(section.key, page.view) for section in NAVIGATION for page in section.pages]


def current_tab(page: str) -> str:
    nav = page.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    current = re.search(r'aria-current="(?:page|true)">.*?<span>([^<]+)</span>', nav)
    return current.group(1)


def current_subpage(page: str) -> str:
    subnav = page.split('class="subnav"', 1)[1].split("</nav>", 1)[0]
    return re.search(r'aria-current="page">([^<]+)<', subnav).group(1)


@pytest.mark.parametrize(("section_key", "view"), PAGES)
def test_every_page_of_a_section_lights_up_its_tab_and_itself(
    couple, client_for, section_key, view
):
    alex, _ = couple
    response = client_for(alex).get(reverse(view), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    section = next(s for s in NAVIGATION if s.key == section_key)
    assert current_tab(page) == section.label
    label = next(p.label for p in section.pages if p.view == view)
    assert current_subpage(page) == label
    # Every other page of the section is one tap away from here.
    for other in section.pages:
        assert f'href="{reverse(other.view)}"' in page


def test_the_needs_page_is_a_page_of_share(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get(reverse("needs")).content.decode()
    assert current_tab(page) == "Share"
    assert current_subpage(page) == "Needs"


def test_a_weekly_check_in_belongs_to_check_in(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get(reverse("checkins:weekly")).content.decode()
    assert current_tab(page) == "Check in"
    assert current_subpage(page) == "Weekly"


def test_today_has_no_sub_navigation(couple, client_for):
    alex, _ = couple
    page = client_for(alex).get(reverse("today")).content.decode()
    assert current_tab(page) == "Today"
    assert 'class="subnav"' not in page


def test_the_main_navigation_has_at_most_five_destinations():
    assert len(NAVIGATION) <= 5
