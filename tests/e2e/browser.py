"""Chromium from the system (never downloaded), screenshots for people, axe-core for machines."""

import os
import re
from datetime import UTC, datetime
from pathlib import Path

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
# The machine's network is closed: these keep Chromium from dialling out at all.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
# Violations already reported to the owner of the markup: (rule, target fragment) -> reason.
# A journey that meets only these ends as xfail with the reason, never as a silent pass; a fix
# makes it pass again, and any other violation still fails it.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}


def run_name() -> str:
    return os.environ.get("E2E_RUN_NAME") or datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


class Screenshots:
    """Numbered full-page screenshots of one journey: <run>/<journey>/NN-<page>.png."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    def take(self, page, name: str) -> Path:
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        path = self.folder / f"{self.count:02d}-{slug}.png"
        self.folder.mkdir(parents=True, exist_ok=True)
        viewport = page.viewport_size
        # Wagtail's admin scrolls inside its own panel, so a "full page" shot of it stops at the
        # window's edge: grow the window to the tallest scrolled panel for the shot.
        tallest = page.evaluate(
            """() => Math.max(0, ...[...document
                .querySelectorAll('body *')].filter(el => el.scrollHeight > el.clientHeight
                && /(auto|scroll)/.test(getComputedStyle(el).overflowY))
                .map(el => el.scrollHeight + el.getBoundingClientRect().top))"""
        )
        grow = viewport and tallest > viewport["height"]
        if grow:
            page.set_viewport_size({"width": viewport["width"], "height": min(tallest, 8000)})
        try:
            page.screenshot(path=str(path), full_page=True)
        finally:
            if grow:
                page.set_viewport_size(viewport)
        return path


def axe_check(page, *, exclude: tuple[str, ...] = ()) -> list[dict]:
    """Run axe-core on the page as it is now; fail on any serious or critical violation."""
    blocking = axe_blocking_violations(page, exclude=exclude)
    if blocking:
        raise AssertionError(format_violations(page.url, blocking))
    return blocking


def axe_blocking_violations(page, *, exclude: tuple[str, ...] = ()) -> list[dict]:
    """The serious and critical axe-core violations on the page as it is now."""
    from playwright.sync_api import Error as PlaywrightError

    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        try:
            page.add_script_tag(path=str(AXE_JS))
        except PlaywrightError as error:
            if "Content Security Policy" not in str(error):
                raise
            # The site's CSP rightly refuses inline scripts; DevTools evaluation is exempt, so
            # the audit runs against the page exactly as users get it (CSP still on).
            page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    # Colours measured half-way through a fade-in are not what anyone reads: let running,
    # finite animations and transitions end first (paused ones never would; cap the wait).
    page.evaluate(
        """() => Promise.race([
            Promise.all(document.getAnimations()
                .filter(a => a.playState === 'running'
                             && a.effect && a.effect.getTiming().iterations !== Infinity)
                .map(a => a.finished.catch(() => null))),
            new Promise(resolve => setTimeout(resolve, 2000)),
        ])"""
    )
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    results = page.evaluate(
        """async (context) => {
            const options = {resultTypes: ['violations']};
            const result = context ? await axe.run(context, options) : await axe.run(options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')),
                summary: v.nodes.slice(0, 3).map(n => n.failureSummary),
            }));
        }""",
        context,
    )
    return [v for v in results if v["impact"] in BLOCKING_IMPACTS]


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [
        f"- {v['id']} ({v['impact']}): {v['help']} -> {', '.join(v['targets'][:5])}"
        f"\n    {' | '.join(s.replace(chr(10), ' ') for s in v['summary'])}"
        for v in violations
    ]
    return f"axe-core found serious/critical violations on {url}:\n" + "\n".join(lines)


class Findings:
    """What a journey noticed on the way without stopping: accessibility violations, script
    errors, requests to other hosts. conclude() fails the journey on any new problem and turns
    it into an xfail naming the reason when only known, reported problems remain."""

    def __init__(self):
        self.problems: list[str] = []
        self.known: dict[str, list[str]] = {}

    def add_known(self, reason: str, url: str) -> None:
        urls = self.known.setdefault(reason, [])
        if url not in urls:
            urls.append(url)

    def conclude(self) -> None:
        import pytest

        assert not self.problems, "\n".join(self.problems)
        if self.known:
            pytest.xfail(
                "Known issue(s): "
                + "; ".join(
                    f"{reason} (on {', '.join(urls)})" for reason, urls in self.known.items()
                )
            )


class AxeAudit:
    """axe(page): audit the page as it is now and let the journey go on, so one run shows every
    page's violations as well as every functional failure."""

    def __init__(self, findings: Findings):
        self.findings = findings
        self.pages: list[str] = []

    def __call__(self, page, *, exclude: tuple[str, ...] = ()) -> None:
        self.pages.append(page.url)
        new = []
        for violation in axe_blocking_violations(page, exclude=exclude):
            reason = known_reason(violation)
            if reason:
                self.findings.add_known(reason, page.url)
            else:
                new.append(violation)
        if new:
            self.findings.problems.append(format_violations(page.url, new))


# Hosts other than the site that pages are known to call (the site must work offline; the
# harness blocks every such request and records it).
KNOWN_OFFSITE_HOSTS: dict[str, str] = {}


def known_reason(violation: dict) -> str | None:
    """The reason when every node of the violation is a known, reported one."""
    for (rule, fragment), reason in KNOWN_VIOLATIONS.items():
        if violation["id"] == rule and all(fragment in t for t in violation["targets"]):
            return reason
    return None


PLAY_TO_END_JS = """() => new Promise((resolve, reject) => {
    const video = document.querySelector('video');
    video.muted = true;
    video.addEventListener('ended', () => resolve(), {once: true});
    video.play().catch(reject);
})"""


def play_video_to_end(page) -> None:
    """Play the page's first video through. Muted, so no click is needed to start it, as a
    browser allows muted autoplay; the demo video lasts about 6 seconds."""
    page.evaluate(PLAY_TO_END_JS)
    assert page.evaluate("() => document.querySelector('video').ended")
