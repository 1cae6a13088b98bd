"""Steps the account journeys share, written against field names allauth keeps stable."""

import re

from playwright.sync_api import expect


def form_with(page, field_name: str):
    """The form in the main content that holds the named field (the header has forms too)."""
    return page.locator(f"main form:has([name='{field_name}'])").first


def submit(form):
    """The form's first submit button: allauth puts Cancel after the main action."""
    form.locator("button[type=submit], input[type=submit]").first.click()


def sign_in(page, email: str, password: str):
    page.goto("/accounts/login/")
    form = form_with(page, "password")
    form.locator("[name=login]").fill(email)
    form.locator("[name=password]").fill(password)
    submit(form)


def account_nav(page):
    return page.get_by_role("navigation", name="Account")


def expect_signed_in_as(page, email: str):
    expect(account_nav(page)).to_contain_text(email)
    expect(
        account_nav(page).get_by_role("button", name=re.compile("sign out", re.I))
    ).to_be_visible()


def expect_signed_out(page):
    expect(account_nav(page).get_by_role("link", name=re.compile("sign in", re.I))).to_be_visible()


def sign_out(page):
    account_nav(page).get_by_role("button", name=re.compile("sign out", re.I)).click()
    expect_signed_out(page)
