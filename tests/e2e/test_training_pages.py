"""Training in a real Chromium: the demo video plays with captions beside its cheat sheet, the
printable cheat sheet offers a Print button once JS runs, and webinars list in Pacific time."""

import re

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.conftest import _missing_requirement

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(_missing_requirement() is not None, reason=str(_missing_requirement())),
]


def test_module_video_plays_with_captions_beside_its_cheat_sheet(page, shots, axe, findings):
    page.goto("/training/")
    page.get_by_role("link", name="Being a mentor: the five steps").click()
    video = page.locator("video")
    expect(video).to_have_attribute("data-video-id", re.compile(r"^\d+-[0-9a-f-]{36}$"))

    video.evaluate("v => { v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime > 1")
    page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length === 3; }"
    )
    # On a desktop screen the cheat sheet sits beside the video, not below it.
    player, sheet = video.bounding_box(), page.locator("aside.cheat-sheet").bounding_box()
    assert sheet["x"] >= player["x"] + player["width"]
    assert sheet["y"] < player["y"] + player["height"]
    shots.take(page, "module-playing")
    axe(page)

    page.get_by_role("link", name="Printable one-page version").click()
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()
    expect(page.locator(".cheat-sheet__point")).to_have_count(6)
    shots.take(page, "cheat-sheet")
    axe(page)


def test_webinars_list_upcoming_and_past_in_pacific_time(page, shots, axe, findings):
    page.goto("/webinars/")
    upcoming = page.locator("section", has=page.get_by_role("heading", name="Upcoming webinars"))
    past = page.locator("section", has=page.get_by_role("heading", name="Past webinars"))
    expect(upcoming.locator("li")).to_have_count(2)
    expect(past.locator("li")).to_have_count(2)
    expect(upcoming.locator("time").first).to_contain_text(re.compile(r"\d{1,2}:\d\d [ap]\.m\. PT"))
    shots.take(page, "webinars")
    axe(page)

    past.get_by_role("link", name="Watch the recording").click()
    expect(page.locator("#recording video")).to_be_visible()
    expect(page.locator("#join")).to_have_count(0)
    axe(page)
