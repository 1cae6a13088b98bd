"""A visitor who has not joined reads about the program, writes to staff and tries the training."""

import re
import uuid

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def test_visitor_reads_about_the_program_and_writes_to_staff(page, site, shots, axe):
    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    shots.take(page, "home")
    axe(page)

    main_nav(page).get_by_role("link", name=re.compile("how it works", re.I)).click()
    expect(page.locator("h1")).to_have_text(re.compile("how it works", re.I))
    steps = page.locator(".steps__list > li")
    expect(steps).to_have_count(5)
    for index in range(5):
        expect(steps.nth(index).locator("h3")).not_to_be_empty()
    shots.take(page, "how-it-works")
    axe(page)

    main_nav(page).get_by_role("link", name=re.compile("question|faq", re.I)).click()
    expect(page.locator("h1")).to_have_text(re.compile("question|faq", re.I))
    questions = page.locator("details")
    expect(questions.first).to_be_visible()
    # Answers are hidden until asked for; opening one must show it.
    questions.first.locator("summary").click()
    expect(questions.first).to_have_attribute("open", "")
    shots.take(page, "faq")
    axe(page)

    main_nav(page).get_by_role("link", name=re.compile("contact", re.I)).click()
    expect(page.locator("h1")).to_have_text(re.compile("contact", re.I))
    shots.take(page, "contact")
    axe(page)

    # An empty submission is refused next to the fields, and what was typed stays.
    page.get_by_label(re.compile("name", re.I)).fill("Visitor E2E")
    page.get_by_role("button", name=re.compile("send", re.I)).click()
    expect(page.locator(".field--invalid").first).to_be_visible()
    expect(page.get_by_label(re.compile("name", re.I))).to_have_value("Visitor E2E")
    shots.take(page, "contact-errors")
    axe(page)

    token = uuid.uuid4().hex[:12]
    page.get_by_label(re.compile("email", re.I)).fill("visitor@example.net")
    page.get_by_label(re.compile("message", re.I)).fill(f"How do I join? ({token})")
    page.get_by_role("button", name=re.compile("send", re.I)).click()
    expect(page.locator("h1")).to_have_text(re.compile("thank", re.I))
    shots.take(page, "contact-thank-you")
    axe(page)

    message = site.wait_for_email("@", body_contains=token)
    assert "visitor@example.net" in message.get_body().get_content()


def test_visitor_follows_the_training(page, site, shots, axe):
    page.goto("/")
    link = main_nav(page).get_by_role("link", name=re.compile("training", re.I))
    if link.count() == 0:
        response = page.goto("/training/")
        if response.status == 404:
            pytest.skip("No Training page on the site yet (training pages not on main)")
    else:
        link.first.click()
    expect(page.locator("h1")).to_be_visible()
    shots.take(page, "training-index")
    axe(page)

    modules = page.locator("main a[href*='/training/']").filter(
        has_not_text=re.compile("webinar|cheat|print", re.I)
    )
    assert modules.count() > 0, "The training index lists no modules"
    modules.first.click()
    video = page.locator("video").first
    expect(video).to_be_attached()
    video_src = page.evaluate(
        """() => { const v = document.querySelector('video');
                   return v.currentSrc || v.src || (v.querySelector('source') || {}).src; }"""
    )
    assert video_src, "The module's <video> has no source"
    response = page.request.get(video_src)
    assert response.status == 200, f"{video_src} answered {response.status}"
    page.wait_for_function("() => document.querySelector('video').readyState >= 1")
    # Captions, when the module has them, must load too (a broken track is silent).
    for track in page.locator("video track[kind=captions]").all():
        track_src = track.evaluate("t => t.src")
        answer = page.request.get(track_src)
        assert answer.status == 200, f"Captions {track_src} answered {answer.status}"
        assert answer.text().lstrip("\ufeff").startswith("WEBVTT"), f"{track_src} is not WebVTT"
    shots.take(page, "training-module")
    axe(page)

    page.get_by_role("link", name=re.compile("cheat sheet|print", re.I)).first.click()
    expect(page.locator("h1")).to_be_visible()
    shots.take(page, "cheat-sheet")
    axe(page)

    page.goto("/")
    webinars = page.get_by_role("link", name=re.compile("webinar", re.I))
    if webinars.count() == 0:
        page.goto("/training/")
        webinars = page.get_by_role("link", name=re.compile("webinar", re.I))
    assert webinars.count() > 0, "No link to the webinars from the home or training page"
    webinars.first.click()
    expect(page.locator("h1")).to_have_text(re.compile("webinar", re.I))
    shots.take(page, "webinars")
    axe(page)
