"""An editor adds a page in the Wagtail admin and sees it on the site."""

import re
import uuid

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.browser import axe_check
from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser

EDITOR = "editor@example.org"
HOME_TITLE = re.compile("mentoring partnerships", re.I)


def test_editor_publishes_a_child_page_of_home(page, site, shots, axe):
    page.goto("/admin/login/")
    shots.take(page, "admin-sign-in")
    axe(page)
    page.locator("[name=username]").fill(EDITOR)
    page.locator("[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has([name=password]) button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.locator("main")).to_be_visible()
    shots.take(page, "admin-dashboard")
    axe_check(page)  # The dashboard must be clean before anything else is tried.

    page.goto("/admin/pages/")
    home_row = page.locator("tr").filter(has=page.get_by_role("link", name=HOME_TITLE))
    # The row links to the home page's children; its id differs between databases.
    children = home_row.locator("a[href]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    explore = next(href for href in children if re.fullmatch(r"/admin/pages/\d+/", href))
    page.goto(explore)
    shots.take(page, "home-children")
    axe(page)
    page.locator(f"a[href='{explore}add_subpage/']").first.click()
    axe(page)
    page.get_by_role("link", name=re.compile("^standard page$", re.I)).click()

    title = f"Programme news {uuid.uuid4().hex[:6]}"
    page.locator("[name=title]").fill(title)
    page.locator("[name=introduction]").fill("What changed in the program this month.")
    shots.take(page, "new-standard-page")
    axe(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^publish$", re.I)).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))
    shots.take(page, "published")
    axe(page)

    # The new page is listed under home with a link to it on the live site.
    page.goto(explore)
    new_row = page.locator("tr").filter(has_text=title)
    live_link = new_row.locator("a", has_text=re.compile("live", re.I)).first
    page.goto(live_link.get_attribute("href"))
    expect(page.locator("h1")).to_have_text(title)
    shots.take(page, "page-on-site")
    axe(page)
