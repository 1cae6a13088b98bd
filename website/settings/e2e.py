"""End-to-end journeys: a real server process (gunicorn) sending real SMTP to a test mail server.

Everything run-specific (database, SMTP port, static and media folders, site URL) comes from the
environment that tests/e2e/server.py builds, so parallel runs never share state.
"""

import os
from pathlib import Path

from .base import *  # noqa: F403

# DEBUG stays off so pages, errors and static files behave as in production.
DEBUG = False
SECRET_KEY = "e2e-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Media is served by a tiny urlconf of the test suite: gunicorn never serves MEDIA itself.
ROOT_URLCONF = "tests.e2e.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("E2E_SMTP_PORT", "1025"))
EMAIL_USE_TLS = False
EMAIL_TIMEOUT = 10

# Mail goes out inside the request, so the journey can follow a link as soon as the page answers.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Journeys fail sign-ins on purpose; limits would make them depend on timing.
ACCOUNT_RATE_LIMITS = False

STATIC_ROOT = Path(os.environ.get("E2E_STATIC_ROOT", BASE_DIR / "var" / "e2e-static"))  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Hashed names and the manifest's strict missing-file check, as in production, without the
# gzip/brotli pass that makes collectstatic several times slower (whitenoise serves either).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
