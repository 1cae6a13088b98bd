"""A participant watches a training module's video to the end and sees their progress."""

import re

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.accounts import sign_in
from tests.e2e.browser import play_video_to_end
from tests.e2e.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser

PARTICIPANT = "mentor@example.org"  # has access; the demo gives them no training progress


def test_participant_watches_a_module_to_the_end_and_sees_progress(
    page, site, shots, axe
):
    sign_in(page, PARTICIPANT, DEMO_PASSWORD)
    page.goto("/training/")
    shots.take(page, "training-index")
    axe(page)
    modules = page.locator("main a[href*='/training/']").filter(
        has_not_text=re.compile("webinar|cheat|print", re.I)
    )
    assert modules.count() > 0, "The training index lists no modules"
    modules.first.click()
    expect(page.locator("video").first).to_be_attached()
    shots.take(page, "module-before-watching")
    axe(page)

    play_video_to_end(page)

    progress = page.locator("section.module-progress")
    expect(progress).to_contain_text(re.compile("finished", re.I))
    page.reload()
    expect(page.locator("section.module-progress")).to_contain_text(re.compile("finished", re.I))
    shots.take(page, "module-watched")
    axe(page)
