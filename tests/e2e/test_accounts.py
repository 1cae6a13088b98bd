"""Joining, verifying by the real email, signing in and out, and recovering a password."""

import re
import uuid

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.accounts import (
    expect_signed_in_as,
    expect_signed_out,
    form_with,
    sign_in,
    sign_out,
    submit,
)
from tests.e2e.conftest import RESET_ACCOUNT

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-brand-new-passphrase-42"


def test_newcomer_signs_up_verifies_by_email_and_signs_in_again(page, site, shots, axe):
    email = f"newcomer-{uuid.uuid4().hex[:8]}@example.net"
    password = "newcomer-passphrase-2026"

    page.goto("/")
    page.get_by_role("link", name=re.compile("join the program", re.I)).first.click()
    form = form_with(page, "password1")
    expect(form).to_be_visible()
    shots.take(page, "sign-up")
    axe(page)

    # Passwords that differ are refused next to the field, and the email typed stays.
    form.locator("[name=email]").fill(email)
    form.locator("[name=password1]").fill(password)
    form.locator("[name=password2]").fill(password + "x")
    submit(form)
    form = form_with(page, "password1")
    expect(form).to_contain_text(re.compile("same password|match", re.I))
    expect(form.locator("[name=email]")).to_have_value(email)
    shots.take(page, "sign-up-errors")
    axe(page)

    form.locator("[name=password1]").fill(password)
    form.locator("[name=password2]").fill(password)
    submit(form)
    expect(page.locator("main")).to_contain_text(re.compile("verif|confirm", re.I))
    shots.take(page, "verification-sent")
    axe(page)

    message = site.wait_for_email(email, "confirm")
    page.goto(site_link(site, message, "/accounts/confirm-email/"))
    shots.take(page, "confirm-email")
    axe(page)
    form = page.locator("main form").first
    submit(form)
    expect_signed_in_as(page, email)
    shots.take(page, "signed-in-after-confirming")
    axe(page)

    sign_out(page)
    sign_in(page, email, password)
    expect_signed_in_as(page, email)
    sign_out(page)

    sign_in(page, email, "not-the-password")
    form = form_with(page, "password")
    expect(page.locator("main")).to_contain_text(re.compile("not correct|incorrect", re.I))
    expect(form.locator("[name=login]")).to_have_value(email)
    expect_signed_out(page)
    shots.take(page, "wrong-password")
    axe(page)


def test_password_reset_by_the_emailed_link(page, site, shots, axe):
    page.goto("/accounts/login/")
    page.get_by_role("link", name=re.compile("forgot", re.I)).click()
    form = form_with(page, "email")
    shots.take(page, "reset-request")
    axe(page)

    # An unknown address and a known one get the very same answer: nothing reveals who has one.
    form.locator("[name=email]").fill("nobody-here@example.net")
    submit(form)
    unknown_url = page.url
    unknown_heading = page.locator("main h1").inner_text()
    shots.take(page, "reset-requested-unknown")
    axe(page)

    page.goto("/accounts/password/reset/")
    form = form_with(page, "email")
    form.locator("[name=email]").fill(RESET_ACCOUNT)
    submit(form)
    assert page.url == unknown_url
    expect(page.locator("main h1")).to_have_text(unknown_heading)
    shots.take(page, "reset-requested-known")

    message = site.wait_for_email(RESET_ACCOUNT, "password")
    page.goto(site_link(site, message, "/accounts/password/reset/key/"))
    form = form_with(page, "password1")
    shots.take(page, "reset-set-password")
    axe(page)
    form.locator("[name=password1]").fill(NEW_PASSWORD)
    form.locator("[name=password2]").fill(NEW_PASSWORD)
    submit(form)
    expect(page.locator("main")).to_contain_text(re.compile("changed|new password", re.I))
    shots.take(page, "reset-done")
    axe(page)

    sign_in(page, RESET_ACCOUNT, site.accounts[RESET_ACCOUNT])
    expect_signed_out(page)
    sign_in(page, RESET_ACCOUNT, NEW_PASSWORD)
    expect_signed_in_as(page, RESET_ACCOUNT)
    shots.take(page, "signed-in-with-new-password")


def site_link(site, message, path_prefix):
    """The link from the email, checked to point at the site that sent it."""
    from tests.e2e.mail import extract_link

    link = extract_link(message, path_prefix)
    assert link.startswith(site.url), f"The email links to {link}, not to {site.url}"
    return link
