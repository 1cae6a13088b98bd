"""The main forms work with the keyboard alone, and focus can always be seen."""

import re

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.accounts import expect_signed_in_as
from tests.e2e.conftest import DEMO_PASSWORD, KEYBOARD_ACCOUNT
from tests.e2e.keyboard import assert_focus_visible, focused, tab_to

pytestmark = pytest.mark.browser


def test_keyboard_only_sign_in(page, site, shots, axe):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert "skip" in skip["text"].lower(), f"The first Tab stop is not the skip link: {skip}"
    assert_focus_visible(skip)
    shots.take(page, "skip-link-focused")

    state = tab_to(page, lambda s: s["tag"] == "a" and s["text"].lower() == "sign in")
    assert_focus_visible(state)
    shots.take(page, "sign-in-link-focused")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/accounts/login/"))
    axe(page)

    state = tab_to(page, lambda s: s["name"] == "login")
    assert_focus_visible(state)
    page.keyboard.type(KEYBOARD_ACCOUNT)
    state = tab_to(page, lambda s: s["name"] == "password")
    assert_focus_visible(state)
    page.keyboard.type(site.accounts[KEYBOARD_ACCOUNT])
    shots.take(page, "sign-in-typed")
    page.keyboard.press("Enter")
    expect_signed_in_as(page, KEYBOARD_ACCOUNT)
    shots.take(page, "signed-in")
    axe(page)


def test_keyboard_only_contact_form(page, site, shots, axe):
    page.goto("/")
    tab_to(page, lambda s: s["tag"] == "a" and "contact" in s["text"].lower())
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(re.compile("contact", re.I))

    # Sending it empty with Enter keeps the keyboard user on the form with the errors shown.
    state = tab_to(
        page, lambda s: s["tag"] == "input" and s["name"] not in ("", "csrfmiddlewaretoken")
    )
    assert_focus_visible(state)
    page.keyboard.type("Keyboard Visitor")
    page.keyboard.press("Enter")
    expect(page.locator(".field--invalid").first).to_be_visible()
    shots.take(page, "contact-errors")
    axe(page)

    tab_to(page, lambda s: s["tag"] == "input" and "email" in s["name"])
    page.keyboard.type("keys@example.net")
    state = tab_to(page, lambda s: s["tag"] == "textarea")
    assert_focus_visible(state)
    page.keyboard.type("Sent without a mouse (keyboard-journey)")
    state = tab_to(page, lambda s: s["tag"] == "button" and "send" in s["text"].lower())
    assert_focus_visible(state)
    shots.take(page, "contact-send-focused")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(re.compile("thank", re.I))
    site.wait_for_email("@", body_contains="keyboard-journey")
    axe(page)


def test_keyboard_only_sign_up(page, site, shots, axe):
    page.goto("/")
    state = tab_to(page, lambda s: s["tag"] == "a" and "join" in s["text"].lower())
    assert_focus_visible(state)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("/accounts/signup/"))
    axe(page)

    email = "keys-newcomer@example.net"
    password = "keyboard-passphrase-2026"
    for name, text in (("email", email), ("password1", password), ("password2", password)):
        state = tab_to(page, lambda s, name=name: s["name"] == name)
        assert_focus_visible(state)
        page.keyboard.type(text)
    shots.take(page, "sign-up-typed")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(re.compile("verif|confirm", re.I))
    shots.take(page, "verification-sent")
    axe(page)
    site.wait_for_email(email, "confirm")


# What the focused control is, to answer it the way a keyboard user would.
CONTROL = """() => {
    const el = document.activeElement;
    return {tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
            value: el.value || '', text: (el.innerText || '').trim(),
            inSurvey: !!el.closest('form.survey-form')};
}"""


def answer_by_keyboard(page, *, stop_at: str, limit: int = 400) -> dict:
    """Tab through the survey form answering each question with keys only (Space ticks the
    radio or box Tab lands on, arrows pick from a list, typing fills text) up to the button."""
    answered = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        control = page.evaluate(CONTROL)
        if control["tag"] == "button" and stop_at in control["text"].lower():
            return focused(page)
        if not control["inSurvey"] or control["name"] in answered:
            continue
        if control["type"] in ("radio", "checkbox"):
            page.keyboard.press("Space")
        elif control["tag"] == "select":
            page.keyboard.press("ArrowDown")
        elif control["tag"] in ("input", "textarea") and not control["value"]:
            page.keyboard.type("2" if control["type"] == "number" else "Typed with the keys.")
        else:
            continue
        answered.add(control["name"])
    raise AssertionError(f"Tab never reached the {stop_at!r} button")


def test_keyboard_only_survey_page(page, site, shots, axe):
    """Ivo (demo) stopped half-way through the baseline; he finishes a page with keys alone."""
    page.goto("/accounts/login/")
    tab_to(page, lambda s: s["name"] == "login")
    page.keyboard.type("inprogress@example.org")
    tab_to(page, lambda s: s["name"] == "password")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect_signed_in_as(page, "inprogress@example.org")

    page.goto("/study/")
    state = tab_to(page, lambda s: s["tag"] == "a" and "continue the survey" in s["text"].lower())
    assert_focus_visible(state)
    page.keyboard.press("Enter")
    progress = page.locator("#survey-progress-label")
    expect(progress).to_contain_text(re.compile(r"page \d+ of", re.I))
    before = progress.inner_text()

    # A radio reached by Tab shows where the keyboard is.
    tab_to(page, lambda s: s["tag"] == "input" and s["name"] != "")
    assert_focus_visible(focused(page))
    page.keyboard.press("Shift+Tab")
    state = answer_by_keyboard(page, stop_at="save and continue")
    assert_focus_visible(state)
    shots.take(page, "survey-page-answered-by-keyboard")
    axe(page)
    page.keyboard.press("Enter")
    expect(progress).not_to_have_text(before)
    expect(page.locator("main .form-errors")).to_have_count(0)
    shots.take(page, "next-survey-page")
    axe(page)
