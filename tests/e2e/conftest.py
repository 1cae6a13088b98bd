"""Harness for the browser journeys: mail server, site process, Chromium, screenshots, axe.

Each session builds its own world in a temporary folder (SQLite file, static, media) so a run
never touches a developer's database, and tears it all down at the end.
"""

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    KNOWN_OFFSITE_HOSTS,
    AxeAudit,
    Findings,
    Screenshots,
    run_name,
)
from tests.e2e.server import (
    REPO,
    STUCK_ACCOUNT,
    SiteServer,
    free_port,
    prepare_site,
    site_environment,
)

ARTIFACTS = REPO / "test-artifacts"
RUN_NAME = run_name()
# Demo accounts come from `manage.py seed_demo` (website.demo.DEMO_PASSWORD).
DEMO_PASSWORD = "mentoring-demo-2026"
# Accounts only one journey uses, made after seeding so journeys stay independent.
RESET_ACCOUNT = "reset-me@example.org"
KEYBOARD_ACCOUNT = "keyboard@example.org"


def _missing_requirement() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install -r requirements.txt)"
    if importlib.util.find_spec("aiosmtpd") is None:
        return "the aiosmtpd package is not installed (pip install -r requirements.txt)"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing_requirement()
    if reason is None:
        return
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=f"Browser journeys need {reason}"))


@dataclass
class Site:
    url: str
    env: dict[str, str]
    log: Path
    mail: object
    accounts: dict[str, str] = field(default_factory=dict)

    def wait_for_email(self, to: str, subject_contains: str = "", timeout: float = 15, **kw):
        return self.mail.wait_for_email(to, subject_contains, timeout, **kw)


@pytest.fixture(scope="session")
def mail_server():
    from tests.e2e.mail import MailServer

    server = MailServer(port=free_port()).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site(tmp_path_factory, mail_server):
    """The demo site served by gunicorn with the e2e settings, mail going to mail_server."""
    workdir = tmp_path_factory.mktemp("e2e-site")
    port = free_port()
    env = site_environment(workdir=workdir, smtp_port=mail_server.port, site_port=port)
    log = workdir / "server.log"
    accounts = {
        RESET_ACCOUNT: DEMO_PASSWORD,
        KEYBOARD_ACCOUNT: DEMO_PASSWORD,
        STUCK_ACCOUNT: DEMO_PASSWORD,
    }
    prepare_site(env, log, accounts=accounts)
    server = SiteServer(env=env, port=port, log=log).start()
    yield Site(url=server.url, env=env, log=log, mail=mail_server, accounts=accounts)
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def findings():
    return Findings()


def guarded_context(browser, site, findings):
    """A fresh browser profile (no cookies shared) whose script errors and requests to other
    hosts are recorded (the latter also blocked: the site must work offline)."""
    context = browser.new_context(base_url=site.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)

    def offsite(url: str) -> bool:
        return urlsplit(url).hostname not in ("127.0.0.1", "localhost")

    def block(route):
        url = route.request.url
        host = urlsplit(url).hostname
        referrer = route.request.frame.url if route.request.frame else ""
        if host in KNOWN_OFFSITE_HOSTS:
            findings.add_known(KNOWN_OFFSITE_HOSTS[host], referrer)
        else:
            findings.problems.append(f"{referrer} requested another host: {url}")
        route.abort()

    context.route(offsite, block)
    context.on(
        "page",
        lambda new: new.on(
            "pageerror", lambda error: findings.problems.append(f"{new.url}: script {error}")
        ),
    )
    return context


@pytest.fixture
def page(browser, site, findings):
    """A fresh browser profile per journey, judged at the end of the journey."""
    context = guarded_context(browser, site, findings)
    yield context.new_page()
    context.close()


@pytest.fixture
def new_browser(browser, site, findings):
    """new_browser() -> a page in another fresh profile: a second person, or the same person
    after closing the browser. Guarded like `page`; all closed at the end of the journey."""
    contexts = []

    def open_page():
        contexts.append(guarded_context(browser, site, findings))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def shots(request):
    journey = request.node.name.removeprefix("test_")
    return Screenshots(ARTIFACTS / RUN_NAME / journey)


@pytest.fixture
def axe(findings):
    """axe(page) audits the page now; the journey fails at its end on any serious violation."""
    return AxeAudit(findings)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Judge what the journey noticed on the way, once its own steps have run."""
    funcargs = getattr(item, "funcargs", {})
    found = funcargs.get("findings")
    try:
        result = yield
    except BaseException as error:
        shot_failure(funcargs, error)
        if found is not None and (found.problems or found.known):
            noted = found.problems + list(found.known)
            error.add_note("Also noticed before this failure:\n" + "\n".join(noted))
        raise
    if found is not None:
        found.conclude()
    return result


def shot_failure(funcargs, error) -> None:
    """Every page still open when a journey fails, as a person would have seen it."""
    browser, shots = funcargs.get("browser"), funcargs.get("shots")
    if browser is None or shots is None:
        return
    from playwright.sync_api import Error as PlaywrightError

    notes = []
    for context in browser.contexts:
        for open_page in context.pages:
            try:
                notes.append(str(shots.take(open_page, "at-failure")))
            except PlaywrightError as shot_error:  # a crashed page has nothing to show
                notes.append(f"{open_page.url}: no screenshot ({shot_error.message})")
    if notes:
        error.add_note("Screenshots at the failure:\n" + "\n".join(notes))
