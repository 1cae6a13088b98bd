"""Production settings served over plain HTTP on loopback, for load tests only."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "load-test-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SITE_URL", "http://127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("RESEARCH_PSEUDONYM_KEY", "load-test-only-pseudonym-key")

from website.settings.production import *  # noqa: E402,F403

ROOT_URLCONF = "benchmarks.plain_urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ACCOUNT_RATE_LIMITS = False
