"""The site as a real server process: fresh SQLite database, demo content, gunicorn."""

import os
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
    return process


def finish(process: subprocess.Popen, log: Path, timeout: float = 300) -> None:
    try:
        returncode = process.wait(timeout=timeout)
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
        for args in (("migrate", "--noinput"), ("seed_demo",), ("shell", "-c", script)):
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
