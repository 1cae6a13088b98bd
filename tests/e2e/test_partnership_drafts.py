"""The pair in a real Chromium: the demo partnership, autosave surviving a lost session, the
stepper on a phone, and no serious accessibility violation on the way."""

import re

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.accounts import sign_in
from tests.e2e.conftest import DEMO_PASSWORD, _missing_requirement

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(_missing_requirement() is not None, reason=str(_missing_requirement())),
]


def open_demo_partnership(page):
    """The demo pair's partnership (Daniel mentors Mina); the study journey adds others."""
    page.goto("/partnerships/")
    demo_pair = re.compile("you mentor mina|mentored by daniel", re.I)
    card = page.locator(".partnership-list li").filter(has_text=demo_pair)
    card.get_by_role("link").first.click()
    expect(page.locator("h1")).to_contain_text("Partnership in")


def test_mentee_drafts_are_saved_as_they_type_and_survive_a_new_session(
    page, browser, site, shots, axe, findings
):
    sign_in(page, "mentee@example.org", DEMO_PASSWORD)
    open_demo_partnership(page)
    current = page.locator('[aria-current="step"]')
    expect(current).to_contain_text("Develop a plan")
    expect(page.locator(".next-up")).to_contain_text("Write your learning objectives")
    shots.take(page, "overview")
    axe(page)

    page.get_by_role("link", name="Go to step 2").click()
    expect(page.locator("h1")).to_contain_text("Step 2")
    new = page.locator("fieldset.objective").last
    new.get_by_label("Learning objective").fill("Coach a colleague through a tough case")
    new.get_by_label("Activities").click()  # leaving the field saves at once
    expect(page.locator("[data-autosave-status]")).to_contain_text(re.compile("Draft saved"))
    shots.take(page, "plan-autosaved")
    axe(page)

    # A lost session (new browser profile, signed in again) finds the draft where it was left.
    context = browser.new_context(base_url=site.url, viewport={"width": 375, "height": 740})
    phone = context.new_page()
    try:
        sign_in(phone, "mentee@example.org", DEMO_PASSWORD)
        open_demo_partnership(phone)
        phone.get_by_role("link", name="Go to step 2").click()
        expect(phone.get_by_text("Coach a colleague through a tough case")).to_be_visible()
        expect(phone.locator(".stepper--compact .stepper__item")).to_have_count(5)
        shots.take(phone, "plan-on-phone")
        axe(phone)
    finally:
        context.close()
    findings.conclude()


def test_mentor_comments_on_an_objective(page, site, shots, axe, findings):
    sign_in(page, "mentor@example.org", DEMO_PASSWORD)
    open_demo_partnership(page)
    page.get_by_role("link", name="Go to step 2").click()
    section = page.locator("section.objective").first
    section.get_by_label("Your comment").fill("Shadow me at Thursday's workshop first.")
    section.get_by_role("button", name="Add comment").click()
    expect(page.get_by_text("Shadow me at Thursday's workshop first.")).to_be_visible()
    shots.take(page, "plan-mentor")
    axe(page)
    findings.conclude()
