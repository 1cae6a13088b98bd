"""The site as a real server process: fresh SQLite database, demo content, gunicorn."""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETTINGS_MODULE = "website.settings.e2e"


def free_port() -> int:
    """A free loopback port: from E2E_PORTS ("8105-8199") when set, else one the OS picks."""
    bounds = os.environ.get("E2E_PORTS", "")
    candidates = range(int(bounds.split("-")[0]), int(bounds.split("-")[1]) + 1) if bounds else [0]
    for candidate in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"No free port in E2E_PORTS={bounds}")


def site_environment(*, workdir: Path, smtp_port: int, site_port: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # A developer's own database or settings must never leak into the run.
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        DATABASE_URL=f"sqlite:///{workdir / 'e2e.sqlite3'}",
        E2E_SMTP_PORT=str(smtp_port),
        E2E_STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        SITE_URL=f"http://127.0.0.1:{site_port}",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str, log: Path) -> subprocess.Popen:
    """Start a manage.py command writing to the log; finish() waits and checks it."""
    out = log.open("a")
    out.write(f"\n$ manage.py {' '.join(args)[:80]}\n")
    out.flush()
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    process.log_file = out
    process.description = f"manage.py {args[0]}"
    process.started = time.monotonic()
    return process


def finish(process: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    try:
        returncode = process.wait(timeout=timeout)
        took = time.monotonic() - process.started
        process.log_file.write(f"# {process.description} took {took:.1f}s\n")
    finally:
        process.log_file.close()
    if returncode != 0:
        raise RuntimeError(f"{process.description} failed:\n{tail(log)}")


def tail(log: Path, lines: int = 60) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


# Accounts only one journey touches, so changing a password there disturbs no other journey.
ACCOUNT_SCRIPT = """
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(email={email!r})
user.set_password({password!r})
user.save()
EmailAddress.objects.update_or_create(
    user=user, email={email!r}, defaults={{"verified": True, "primary": True}}
)
"""


# The arm is random; journeys that follow a newcomer into Group 1 need to know it in advance.
# Before the server starts (never mid-journey), the product's own kind of scheme is made active
# with a seed whose first positions are all Group 1 ("immediate"), found by the product's own
# sequence function, so the first few newcomers to finish the baseline are in Group 1.
GROUP_1_FIRST_SCRIPT = """
from surveys.models import RandomizationScheme
from surveys.randomization import ALL, arm_at
seed = next(
    f"e2e-{{n}}" for n in range(10000)
    if all(arm_at(f"e2e-{{n}}", ALL, p, (8,), (1, 1)) == "immediate" for p in range(1, {first} + 1))
)
RandomizationScheme.objects.filter(active=True).update(active=False)
scheme = RandomizationScheme(seed=seed, block_sizes=[8], ratio_immediate=1, ratio_delayed=1)
scheme.full_clean()
scheme.save()
"""
GROUP_1_FIRST = 3

# The demo is seeded "now", so nobody has been stuck long enough to show on the engagement
# dashboard. One participant whose access opened 30 days ago, with no profile saved, is.
STUCK_ACCOUNT = "stuck@example.org"
STUCK_SCRIPT = """
import datetime
from django.utils import timezone
from mentorship.models import Participant
user = get_user_model().objects.get(email={email!r})
user.first_name, user.last_name = "Sam", "Stuck"
user.save()
Participant.objects.get_or_create(
    user=user, defaults={{"access_granted_at": timezone.now() - datetime.timedelta(days=30)}}
)
"""


MIGRATION_CACHE = REPO / "var" / "e2e-cache"
SKIPPED_FOLDERS = {".git", ".venv", "var", "node_modules", "test-artifacts", "__pycache__"}


def migrations_fingerprint() -> str:
    """Changes whenever a migration or a pinned package (with its own migrations) changes."""
    digest = hashlib.sha256((REPO / "requirements.txt").read_bytes())
    found = []
    for folder, subfolders, files in os.walk(REPO):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED_FOLDERS]
        if Path(folder).name == "migrations":
            found += [Path(folder) / name for name in files if name.endswith(".py")]
    for path in sorted(found):
        digest.update(str(path.relative_to(REPO)).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def migrate_from_cache(env: dict[str, str], log: Path) -> None:
    """Start from a database migrated by an earlier run with the same migrations, if any.

    Applying Wagtail's and every app's migrations takes most of a run's setup; migrate still
    runs afterwards, so a stale copy can only make it do more work, never skip any.
    """
    database = Path(env["DATABASE_URL"].removeprefix("sqlite:///"))
    cached = MIGRATION_CACHE / f"migrated-{migrations_fingerprint()}.sqlite3"
    if cached.exists():
        shutil.copyfile(cached, database)
    finish(manage(env, "migrate", "--noinput", log=log), log)
    if not cached.exists():
        MIGRATION_CACHE.mkdir(parents=True, exist_ok=True)
        for stale in MIGRATION_CACHE.glob("migrated-*.sqlite3"):
            stale.unlink(missing_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        shutil.copyfile(database, partial)
        os.replace(partial, cached)


def prepare_site(env: dict[str, str], log: Path, *, accounts: dict[str, str]) -> None:
    """Migrate, seed the demo and add the journeys' own accounts, while static is collected."""
    # collectstatic needs no database, so it runs alongside the (slow) migrations.
    static = manage(
        env, "collectstatic", "--noinput", "--verbosity", "0", log=log.with_suffix(".static.log")
    )
    script = "".join(
        ACCOUNT_SCRIPT.format(email=email, password=password)
        for email, password in accounts.items()
    )
    try:
        migrate_from_cache(env, log)
        script += GROUP_1_FIRST_SCRIPT.format(first=GROUP_1_FIRST)
        if STUCK_ACCOUNT in accounts:
            script += STUCK_SCRIPT.format(email=STUCK_ACCOUNT)
        for args in (("seed_demo",), ("shell", "-c", script)):
            finish(manage(env, *args, log=log), log)
    except BaseException:
        static.kill()
        static.wait()
        static.log_file.close()
        raise
    finish(static, log.with_suffix(".static.log"))


class SiteServer:
    """gunicorn serving website.wsgi; start() returns once the home page answers."""

    def __init__(self, *, env: dict[str, str], port: int, log: Path):
        self.env = env
        self.port = port
        self.log = log
        self.url = f"http://127.0.0.1:{port}"
        self._process: subprocess.Popen | None = None
        self._log_file = None

    def start(self, timeout: float = 60) -> "SiteServer":
        self._log_file = self.log.open("a")
        self._process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "website.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--timeout",
                "60",
                "--access-logfile",
                "-",
            ],
            cwd=REPO,
            env=self.env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"gunicorn exited early:\n{tail(self.log)}")
            try:
                urllib.request.urlopen(self.url + "/", timeout=5)  # noqa: S310
                return self
            except urllib.error.HTTPError:
                return self  # It answers; a journey will say what is wrong with the page.
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout}s:\n{tail(self.log)}")

    def stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log_file:
            self._log_file.close()
