"""An editor builds a training module in the Wagtail admin, uploading its video, captions and
cheat-sheet PDF through the document chooser; a participant then finds it on the site, watches
it to the end and sees it counted as finished on the module and on the training index."""

import re
import uuid

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.accounts import sign_in
from tests.e2e.browser import play_video_to_end
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.server import REPO

pytestmark = pytest.mark.browser

EDITOR = "editor@example.org"
PARTICIPANT = "mentor@example.org"  # has access and mentors, so "For mentors" modules are theirs
# Real files: uploads are checked by their content, so made-up bytes would be refused.
ASSETS = REPO / "training" / "demo_assets"
VIDEO, CAPTIONS, PDF = "welcome.webm", "welcome.vtt", "being-a-mentor-cheat-sheet.pdf"
HOME_TITLE = re.compile("mentoring partnerships", re.I)
FINISHED = re.compile("finished", re.I)


def sign_in_to_admin(page, shots, axe):
    page.goto("/admin/login/")
    axe(page)
    page.locator("[name=username]").fill(EDITOR)
    page.locator("[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has([name=password]) button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))
    shots.take(page, "admin-dashboard")
    axe(page)


def explore_children_of(page, title) -> str:
    """Open the explorer listing of the page titled `title` (ids differ between databases)."""
    row = page.locator("tr").filter(has=page.get_by_role("link", name=title))
    hrefs = row.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    explore = next(href for href in hrefs if re.fullmatch(r"/admin/pages/\d+/", href))
    page.goto(explore)
    return explore


def upload_through_chooser(page, chooser, filename: str, title: str, *, audit=None):
    """Open a document chooser, upload a file on its Upload tab and check it is chosen;
    audit(page) runs with the Upload tab showing, the one part of the modal editors fill in."""
    chooser.get_by_role("button", name=re.compile("choose a document", re.I)).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Upload").click()
    form = modal.locator("form[data-chooser-modal-creation-form]")
    expect(form).to_be_visible()
    if audit:
        audit(page)
    form.locator("input[type=file]").set_input_files(ASSETS / filename)
    form.locator("[name=document-chooser-upload-title]").fill(title)
    form.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()
    expect(chooser).to_contain_text(title)


def test_editor_adds_a_module_and_a_participant_finishes_it(page, new_browser, site, shots, axe):
    suffix = uuid.uuid4().hex[:6]
    title = f"Ending a partnership well {suffix}"
    video_title = f"Welcome video {suffix}"

    def look_at_upload_tab(modal_page):
        shots.take(modal_page, "document-chooser-upload")
        axe(modal_page)

    sign_in_to_admin(page, shots, axe)
    page.goto("/admin/pages/")
    axe(page)
    explore_children_of(page, HOME_TITLE)
    axe(page)
    explore_children_of(page, re.compile("^training$", re.I))
    shots.take(page, "training-index-children")
    axe(page)
    # Modules are the index's only child type, so Wagtail goes straight to the module form.
    page.get_by_role("link", name=re.compile("add child page", re.I)).first.click()
    expect(page.locator("[name=title]")).to_be_visible()
    axe(page)

    page.locator("[name=title]").fill(title)
    page.locator("[name=introduction]").fill("How to close a mentoring partnership kindly.")
    page.get_by_label("Audience").select_option(label="For mentors")
    page.get_by_label("Estimated minutes").fill("6")

    video_panel = page.locator("[data-contentpath=video]")
    video_panel.locator("button.c-sf-add-button").first.click()
    page.locator("[name='video-0-value-title']").fill(video_title)
    upload_through_chooser(
        page,
        page.locator("[data-contentpath=video_file]").first,
        VIDEO,
        f"Welcome video file {suffix}",
        audit=look_at_upload_tab,
    )
    upload_through_chooser(
        page,
        page.locator("[data-contentpath=captions]").first,
        CAPTIONS,
        f"Welcome captions {suffix}",
    )

    points = page.locator("[data-contentpath=cheat_sheet_points]")
    points.locator("button.c-sf-add-button").first.click()
    page.locator("[name='cheat_sheet_points-0-value-title']").fill("Agree an end date")
    page.locator("[name='cheat_sheet_points-0-value-text']").fill(
        "Put the last meeting in both calendars."
    )
    points.locator("button.c-sf-add-button").last.click()
    page.locator("[name='cheat_sheet_points-1-value-title']").fill("Say what you learned")
    upload_through_chooser(
        page,
        page.locator("[data-contentpath=cheat_sheet_document]"),
        PDF,
        f"Ending well cheat sheet {suffix}",
    )
    shots.take(page, "new-module-filled")
    axe(page)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^publish$", re.I)).click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))
    expect(page.locator(".messages")).to_contain_text(title)
    axe(page)  # first: it waits for the message's fade-in, which the shot should show
    shots.take(page, "module-published")

    participant = new_browser()
    sign_in(participant, PARTICIPANT, DEMO_PASSWORD)
    participant.goto("/training/")
    expect(participant.locator("section.recommended-modules li", has_text=title)).to_contain_text(
        re.compile("not started", re.I)
    )
    shots.take(participant, "training-index-before")
    axe(participant)
    participant.get_by_role("link", name=title).first.click()
    expect(participant.locator("h1")).to_have_text(title)
    video = participant.locator("video")
    expect(video).to_have_attribute("aria-label", video_title)
    expect(video.locator("track[kind=captions]")).to_have_count(1)
    sheet = participant.locator("aside.cheat-sheet")
    expect(sheet.locator(".cheat-sheet__point")).to_have_count(2)
    expect(sheet).to_contain_text("Agree an end date")
    pdf_link = sheet.get_by_role("link", name=re.compile("download the cheat sheet", re.I))
    # The links serve the very files the editor uploaded, not just a name.
    served = participant.request.get(pdf_link.get_attribute("href"))
    assert served.ok and served.body() == (ASSETS / PDF).read_bytes()
    source = video.locator("source")
    expect(source).to_have_attribute("type", "video/webm")
    assert (
        participant.request.get(source.get_attribute("src")).body() == (ASSETS / VIDEO).read_bytes()
    )
    expect(participant.locator("section.module-progress")).to_contain_text(
        re.compile("not started", re.I)
    )
    shots.take(participant, "module-before-watching")
    axe(participant)

    play_video_to_end(participant)
    # The beacon reports on `ended`; the bar reaching 100 means the server accepted it.
    expect(participant.locator("progress.module-progress__bar")).to_have_attribute("value", "100")
    participant.reload()
    expect(participant.locator("section.module-progress")).to_contain_text(FINISHED)
    shots.take(participant, "module-watched")
    axe(participant)

    participant.get_by_role("link", name="All training").click()
    recommended = participant.locator("section.recommended-modules li", has_text=title)
    expect(recommended).to_contain_text(FINISHED)
    mentors = participant.locator(
        "section.training-group", has=participant.get_by_role("heading", name="For mentors")
    )
    expect(mentors.locator(".training-card", has_text=title)).to_contain_text(FINISHED)
    shots.take(participant, "training-index-after")
    axe(participant)
