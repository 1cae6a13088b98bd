"""Production settings: `check --deploy` is clean and static files get hashed names."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _production_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="mentoring.example.org",
        SITE_URL="https://mentoring.example.org",
        RESEARCH_PSEUDONYM_KEY=secrets.token_urlsafe(32),
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    return env


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_passes_with_the_documented_environment(tmp_path):
    result = _manage(_production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("secret", ["DJANGO_SECRET_KEY", "RESEARCH_PSEUDONYM_KEY"])
def test_production_refuses_to_start_without_its_secrets(tmp_path, secret):
    env = _production_env(tmp_path)
    del env[secret]
    result = _manage(env, "check")
    assert result.returncode != 0
    assert secret in result.stderr


@pytest.mark.django_db
def test_collected_static_files_have_hashed_names(tmp_path):
    result = _manage(_production_env(tmp_path), "collectstatic", "--noinput")
    assert result.returncode == 0, result.stderr
    css = [p.name for p in (tmp_path / "static" / "css").iterdir()]
    assert any(re.fullmatch(r"site\.[0-9a-f]{12}\.css", name) for name in css), css
    # Compressed copies let whitenoise serve gzip/brotli without work per request.
    assert any(name.endswith(".css.gz") for name in css)
