"""A newcomer joins the study, resumes the baseline in a new browser, is told Group 1, redeems
the emailed code, completes a profile and asks a mentor, who accepts from the request email;
then the two walk the five partnership steps to the close (partnership_walk.py).

The arm is random: the harness makes a scheme whose first positions are Group 1 active before
the server starts (`server.GROUP_1_FIRST_SCRIPT`), the product's own way of fixing a sequence.
"""

import re
import uuid

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.accounts import expect_signed_in_as, form_with, sign_in, submit
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.forms import fill_blanks, form_values
from tests.e2e.mail import message_text
from tests.e2e.partnership_walk import walk_five_steps

pytestmark = pytest.mark.browser

MENTOR = "mentor@example.org"
MENTOR_NAME = "Daniel Okafor"
PASSWORD = "study-newcomer-passphrase-2026"


def sign_up_and_verify(page, site, shots, axe, email):
    page.goto("/accounts/signup/")
    form = form_with(page, "password1")
    form.locator("[name=email]").fill(email)
    form.locator("[name=password1]").fill(PASSWORD)
    form.locator("[name=password2]").fill(PASSWORD)
    submit(form)
    expect(page.locator("main")).to_contain_text(re.compile("verif|confirm", re.I))
    message = site.wait_for_email(email, "confirm")
    page.goto(site_link(site, message, "/accounts/confirm-email/"))
    submit(page.locator("main form").first)
    expect_signed_in_as(page, email)
    shots.take(page, "signed-in-after-verifying")
    axe(page)


def consent(page, shots, axe):
    page.goto("/study/")
    shots.take(page, "study-not-enrolled")
    axe(page)
    page.get_by_role("link", name=re.compile("consent", re.I)).click()
    form = form_with(page, "agree")
    shots.take(page, "consent")
    axe(page)
    # Agreeing without the tick is refused next to the box, and the names typed stay.
    form.locator("[name=first_name]").fill("Noor")
    form.locator("[name=last_name]").fill("Haddad")
    form.get_by_role("button", name=re.compile("i agree", re.I)).click()
    form = form_with(page, "agree")
    expect(form).to_contain_text(re.compile("tick this box", re.I))
    expect(form.locator("[name=first_name]")).to_have_value("Noor")
    axe(page)
    form.locator("[name=agree]").check()
    form.get_by_role("button", name=re.compile("i agree", re.I)).click()
    expect(page).to_have_url(re.compile(r"/study/baseline/page/1/$"))


def survey_form(page):
    return page.locator("main form.survey-form")


def test_newcomer_joins_the_study_and_walks_a_partnership_to_the_close(
    page, site, new_browser, shots, axe
):
    email = f"study-{uuid.uuid4().hex[:8]}@example.net"
    sign_up_and_verify(page, site, shots, axe, email)
    consent(page, shots, axe)

    progress = page.locator("#survey-progress-label")
    expect(progress).to_contain_text(re.compile(r"page 1 of \d+", re.I))
    page_count = int(re.search(r"of (\d+)", progress.inner_text()).group(1))
    assert page_count >= 2, "The baseline should have several pages to resume in"
    shots.take(page, "baseline-page-1")
    axe(page)

    # An empty page is refused with a message at the top and next to the questions.
    survey_form(page).get_by_role("button", name=re.compile("save and continue", re.I)).click()
    expect(page.locator("main .form-errors")).to_be_visible()
    shots.take(page, "baseline-page-1-errors")
    axe(page)
    fill_blanks(survey_form(page))
    survey_form(page).get_by_role("button", name=re.compile("save and continue", re.I)).click()
    expect(progress).to_contain_text(re.compile("page 2 of", re.I))
    fill_blanks(survey_form(page))
    answers_on_page_2 = form_values(survey_form(page))
    shots.take(page, "baseline-page-2-answered")
    axe(page)
    survey_form(page).get_by_role("button", name=re.compile("finish later", re.I)).click()
    expect(page.locator("main")).to_contain_text(re.compile("start on page 2", re.I))
    shots.take(page, "study-saved-for-later")
    axe(page)

    # Closing the browser: a new context has no cookies, so the newcomer signs in again.
    page.context.close()
    page = new_browser()
    progress = page.locator("#survey-progress-label")
    sign_in(page, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/study/$"))
    expect(page.locator("main")).to_contain_text(re.compile(r"page 2 of", re.I))
    page.get_by_role("link", name=re.compile("continue the survey", re.I)).click()
    expect(page).to_have_url(re.compile(r"/study/baseline/page/2/$"))
    assert form_values(survey_form(page)) == answers_on_page_2, "Saved answers were lost"
    shots.take(page, "baseline-resumed-on-page-2")
    axe(page)

    for number in range(2, page_count + 1):
        expect(progress).to_contain_text(re.compile(f"page {number} of", re.I))
        fill_blanks(survey_form(page))
        if number == page_count:
            shots.take(page, "baseline-last-page")
            axe(page)
        survey_form(page).locator("button[value=next]").click()

    # Told their group, with the code on the page and in their mail.
    expect(page).to_have_url(re.compile(r"/study/$"))
    expect(page.locator("main h2").first).to_contain_text(re.compile("group 1", re.I))
    shots.take(page, "told-group-1")
    axe(page)

    message = site.wait_for_email(email, "access code")
    code = re.search(r"access code: (\S+)", message_text(message)).group(1)
    redeem(page, shots, axe, code)
    complete_profile(page, shots, axe, tmp_photo(page))
    request_mentor(page, shots, axe)

    mentor = mentor_accepts(new_browser(), site, shots, axe, email)
    walk_five_steps(page, mentor, shots, axe, mentee_name="Noor Haddad", mentor_name=MENTOR_NAME)


def redeem(page, shots, axe, code):
    page.goto("/study/access/")
    form = form_with(page, "code")
    form.locator("[name=code]").fill("WRONG-CODE-0000")
    submit(form)
    form = form_with(page, "code")
    expect(form).to_contain_text(re.compile("not an access code", re.I))
    expect(form.locator("[name=code]")).to_have_attribute("aria-invalid", "true")
    shots.take(page, "access-code-refused")
    axe(page)
    form.locator("[name=code]").fill(code)
    submit(form)
    expect(page.locator("main")).to_contain_text(re.compile("platform is open to you", re.I))
    shots.take(page, "access-granted")
    axe(page)


def tmp_photo(page) -> bytes:
    """A small real PNG drawn by the browser itself (no file fixture to keep)."""
    data_url = page.evaluate(
        """() => { const c = document.createElement('canvas'); c.width = c.height = 240;
        const g = c.getContext('2d'); g.fillStyle = '#2a6f97'; g.fillRect(0, 0, 240, 240);
        g.fillStyle = '#f2c14e'; g.beginPath(); g.arc(120, 100, 60, 0, 7); g.fill();
        return c.toDataURL('image/png'); }"""
    )
    import base64

    return base64.b64decode(data_url.split(",", 1)[1])


def complete_profile(page, shots, axe, photo: bytes):
    page.goto("/mentoring/profile/edit/")
    form = page.locator("main form").first
    shots.take(page, "profile-edit")
    axe(page)
    fill_blanks(form)
    form.locator("button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/profile/edit/$"))
    axe(page)

    page.goto("/mentoring/profile/photo/")
    form = page.locator("main form[enctype='multipart/form-data']")
    form.locator("input[type=file]").set_input_files(
        {"name": "me.png", "mimeType": "image/png", "buffer": photo}
    )
    form.locator("button[type=submit]").click()
    page.goto("/mentoring/profile/")
    photo_img = page.locator("main img").first
    expect(photo_img).to_be_visible()
    assert photo_img.evaluate("img => img.complete && img.naturalWidth > 0"), "Photo not shown"
    shots.take(page, "profile-with-photo")
    axe(page)

    page.goto("/mentoring/profile/competencies/")
    form = page.locator("main form.competency-form")
    shots.take(page, "self-assessment")
    axe(page)
    fill_blanks(form)
    form.locator("button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/competencies/$"))
    axe(page)


def request_mentor(page, shots, axe):
    page.goto("/mentoring/find/")
    shots.take(page, "find-a-mentor")
    axe(page)
    select = page.locator("main form.search-form select[name=competency]")
    codes = select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    # Daniel Okafor (mentor@) mentors in several competencies; find one where he is listed.
    for code in codes:
        page.goto(f"/mentoring/find/?competency={code}")
        card = page.locator("main li.result").filter(has_text=MENTOR_NAME)
        if card.count():
            break
    else:
        raise AssertionError(f"{MENTOR_NAME} appears in no competency's search results")
    shots.take(page, "search-results")
    axe(page)
    card.get_by_role("link", name=re.compile("^ask", re.I)).click()
    form = form_with(page, "message")
    shots.take(page, "request-new")
    axe(page)
    form.locator("[name=message]").fill("Too short")
    submit(form)
    form = form_with(page, "message")
    expect(form.locator("[name=message]")).to_have_value("Too short")
    axe(page)
    form.locator("[name=message]").fill(
        "I would like to learn how you plan sessions with young clients; evenings suit me."
    )
    submit(form)
    expect(page.locator("main")).to_contain_text(MENTOR_NAME)
    shots.take(page, "request-sent")
    axe(page)


def mentor_accepts(page, site, shots, axe, mentee_email):
    message = site.wait_for_email(MENTOR, "noor haddad asks you")
    link = site_link(site, message, "/mentoring/requests/")
    page.goto(link)
    # Signing in from the link returns to the request.
    form = form_with(page, "password")
    form.locator("[name=login]").fill(MENTOR)
    form.locator("[name=password]").fill(DEMO_PASSWORD)
    submit(form)
    expect(page.locator("main h1")).to_contain_text(re.compile("noor haddad", re.I))
    expect(page.locator("main")).to_contain_text("evenings suit me")
    shots.take(page, "mentor-reads-request")
    axe(page)
    page.get_by_role("button", name=re.compile("accept", re.I)).click()
    expect(page.locator("main")).to_contain_text(re.compile("partnership has started", re.I))
    shots.take(page, "mentor-accepted")
    axe(page)
    page.goto("/partnerships/")
    expect(page.locator("main")).to_contain_text(re.compile("noor", re.I))
    shots.take(page, "mentor-partnerships")
    axe(page)
    page.locator("main li.card").filter(has_text=re.compile("you mentor noor", re.I)).get_by_role(
        "link"
    ).first.click()
    steps = page.get_by_role("navigation", name="Partnership steps").locator("li")
    expect(steps).to_have_count(5)
    expect(steps.first).to_have_attribute("aria-current", "step")
    shots.take(page, "partnership-five-steps")
    axe(page)
    site.wait_for_email(mentee_email, "", body_contains=MENTOR_NAME.split()[0])
    return page


def site_link(site, message, path_prefix):
    from tests.e2e.mail import extract_link

    link = extract_link(message, path_prefix)
    assert link.startswith(site.url), f"The email links to {link}, not to {site.url}"
    return link
