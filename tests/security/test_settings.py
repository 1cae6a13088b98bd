"""Production settings: the deploy checks pass, cookies and transport are locked down, public
pages forbid inline script, allauth's rate limits really limit, and uploads are judged by what
they contain, not what they are called."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mentorship.models import Participant
from tests.factories import DEFAULT_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        DJANGO_SECRET_KEY="s3cure-" + "x" * 60 + "-not-a-real-secret-but-long-and-random-enough",
        ALLOWED_HOSTS="mentoring.example.org",
        SITE_URL="https://mentoring.example.org",
        RESEARCH_PSEUDONYM_KEY="pseudonym-key-for-the-deploy-check",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        PYTHONPATH=str(ROOT),
    )
    return env


def run_production(tmp_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=production_env(tmp_path),
        capture_output=True, text=True, timeout=300,
    )


def test_check_deploy_is_clean(tmp_path):
    result = run_production(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_transport_and_csp(tmp_path):
    script = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.DEBUG,"
        " s.SESSION_COOKIE_HTTPONLY,"
        " 'website.middleware.ContentSecurityPolicyMiddleware' in s.MIDDLEWARE,"
        " bool(s.ACCOUNT_RATE_LIMITS))"
    )
    result = run_production(tmp_path, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    # The shell may first announce its automatic imports; the answer is the last line.
    assert result.stdout.strip().splitlines()[-1].split() == ["True"] * 5 + ["False"] + [
        "True"] * 3


def _directives(header: str) -> dict:
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";")) if part
    }


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/"])
def test_public_pages_send_a_csp_without_inline_script(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    script_src = policy.get("script-src", policy.get("default-src"))
    assert script_src, "no script-src or default-src"
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert "*" not in script_src
    assert b"<script>" not in response.content  # nothing inline for the policy to block


def test_participant_pages_send_the_csp(client, participant):
    client.force_login(participant.user)
    response = client.get("/mentoring/find/")
    assert "'unsafe-inline'" not in _directives(response["Content-Security-Policy"])["script-src"]


@pytest.fixture
def rate_limits(settings):
    from django.conf import settings as live

    # Test settings switch them off; put back what production (base) settings say.
    from website.settings import base

    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield live.ACCOUNT_RATE_LIMITS
    cache.clear()


def _sign_in(client, email, password, ip):
    return client.post("/accounts/login/", {"login": email, "password": password},
                       REMOTE_ADDR=ip)


TOO_MANY = "Too many failed login attempts"


def test_failed_sign_ins_from_one_ip_are_refused_then_429(client, participant, rate_limits):
    """allauth's login_failed limit (10/m/ip) refuses further attempts with a form error, even
    with the right password; its login limit (30/m/ip) then answers 429 outright."""
    ip = "203.0.113.9"
    first = [_sign_in(client, f"nobody{n}@example.org", "wrong", ip) for n in range(10)]
    assert [r.status_code for r in first] == [200] * 10
    assert not any(TOO_MANY in r.content.decode() for r in first)

    refused = _sign_in(client, participant.user.email, DEFAULT_PASSWORD, ip)
    assert refused.status_code == 200 and TOO_MANY in refused.content.decode()
    assert "_auth_user_id" not in client.session

    statuses = [_sign_in(client, "x@example.org", "wrong", ip).status_code for _ in range(25)]
    assert statuses[-1] == 429, statuses
    assert set(statuses[statuses.index(429):]) == {429}


def test_wrong_passwords_for_one_account_from_many_ips_are_refused(client, participant,
                                                                 rate_limits):
    """The per-account limit (5 per 5 minutes) holds even when each try comes from a new IP."""
    for n in range(5):
        response = _sign_in(client, participant.user.email, f"wrong-{n}", f"198.51.100.{n + 1}")
        assert TOO_MANY not in response.content.decode()
    refused = _sign_in(client, participant.user.email, DEFAULT_PASSWORD, "198.51.100.99")
    assert TOO_MANY in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_sign_ups_from_one_ip_get_429(client, db, rate_limits):
    statuses = [
        client.post(
            "/accounts/signup/",
            {"email": "not-an-email", "password1": "x", "password2": "y"},
            REMOTE_ADDR="203.0.113.10",
        ).status_code
        for _ in range(25)
    ]
    assert 429 in statuses, statuses


# -- uploads judged by content -------------------------------------------------------------------


def png_bytes(size=(300, 300)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


POLYGLOT = (
    b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=1;<script>alert(document.cookie)</script>"
    b"<?php system($_GET['c']); ?>"
)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("me.jpg", b"just some text, not a photo at all\n" * 20, "image/jpeg"),
        ("me.png", POLYGLOT, "image/png"),
        ("me.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
        ("me.png", png_bytes()[:200], "image/png"),  # truncated
    ],
    ids=["text-named-jpg", "gif-script-polyglot", "html-named-jpg", "truncated-png"],
)
def test_photo_upload_rejects_what_is_not_an_image(client, participant, name, content,
                                                   content_type):
    client.force_login(participant.user)
    before = Participant.objects.filter(pk=participant.pk).values("photo").get()
    response = client.post(
        "/mentoring/profile/photo/",
        {"photo": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    assert response.status_code == 200  # the form again, with the reason next to the field
    assert response.context["form"].errors["photo"]
    assert Participant.objects.filter(pk=participant.pk).values("photo").get() == before


def test_photo_upload_accepts_a_real_png_even_misnamed(client, participant):
    client.force_login(participant.user)
    response = client.post(
        "/mentoring/profile/photo/",
        {"photo": SimpleUploadedFile("holiday.txt", png_bytes(), content_type="text/plain")},
    )
    assert response.status_code == 302, getattr(response, "context", None) and response.context[
        "form"].errors
    participant.refresh_from_db()
    assert participant.photo
