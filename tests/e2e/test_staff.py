"""Staff in the Wagtail admin: the program administrator checks in with a stuck participant; the
researcher downloads the export and reads the impact report."""

import csv
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="Browser journeys need the playwright package")

from playwright.sync_api import expect

from tests.e2e.browser import axe_check
from tests.e2e.conftest import DEMO_PASSWORD
from tests.e2e.server import STUCK_ACCOUNT

pytestmark = pytest.mark.browser

PROGRAM_ADMIN = "programadmin@example.org"
RESEARCHER = "researcher@example.org"


def admin_sign_in(page, email):
    page.goto("/admin/login/")
    page.locator("[name=username]").fill(email)
    page.locator("[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has([name=password]) button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_program_administrator_checks_in_with_a_stuck_participant(page, site, shots, axe):
    admin_sign_in(page, PROGRAM_ADMIN)
    axe_check(page)  # The admin dashboard must be clean.

    page.goto("/admin/engagement/")
    expect(page.locator("#stuck-heading")).to_be_visible()
    shots.take(page, "engagement-dashboard")
    axe(page)

    # Sam Stuck's access opened 30 days ago and no profile was saved (server.STUCK_SCRIPT).
    page.locator("#stuck-no_profile ~ p a", has_text=re.compile("see all", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/admin/engagement/stuck/no_profile/"))
    shots.take(page, "stuck-list")
    axe(page)

    person_email = STUCK_ACCOUNT
    page.locator("main table tr", has_text=person_email).get_by_role("link").first.click()
    form = page.locator("main form:has([name=action])")
    shots.take(page, "participant-check-ins")
    axe(page)

    form.locator("[name=action][value=send]").check()
    form.locator("select[name=template]").select_option(index=1)
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text(f"Check-in email sent to {person_email}")
    shots.take(page, "check-in-sent")
    axe(page)
    message = site.wait_for_email(person_email, "")
    assert message["Subject"], "The check-in email has no subject"


def test_researcher_downloads_the_export_and_reads_the_impact_report(page, site, shots, axe):
    admin_sign_in(page, RESEARCHER)
    axe_check(page)

    page.goto("/admin/research/")
    expect(page.locator("#export-heading")).to_be_visible()
    shots.take(page, "impact-report")
    axe(page)
    for heading in ("flow", "itt", "means", "balance"):
        expect(page.locator(f"#{heading}-heading")).to_be_visible()
    # The demo's completed cohort (surveys.research.demo) gives the ITT table real estimates.
    itt_rows = page.locator("section[aria-labelledby=itt-heading] tbody tr")
    estimated = itt_rows.filter(has_not_text="Too few people")
    expect(estimated.first).to_be_visible()
    expect(estimated.first.locator("td").nth(1)).to_have_text(
        re.compile(r"^-?\d+\.\d\d \[-?\d+\.\d\d, -?\d+\.\d\d\]$")
    )
    # The charts are drawn by the page's own script once it has loaded.
    expect(page.locator("main canvas").first).to_be_visible()

    export = page.locator("main a[href$='.csv']").first
    with page.expect_download() as download_info:
        export.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) >= 2, f"The export {download.suggested_filename} has no data rows"
    assert all(len(row) == len(rows[0]) for row in rows), "Rows differ in length from the header"
    # Pseudonymous by default: no email address leaves in the plain export.
    assert not any("@" in cell for row in rows for cell in row), "An email is in the export"

    xlsx = page.locator("main a[href$='.xlsx']").first
    with page.expect_download() as download_info:
        xlsx.click()
    workbook = Path(download_info.value.path()).read_bytes()
    assert workbook[:2] == b"PK", "The XLSX download is not a workbook"
