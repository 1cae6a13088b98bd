"""Settings shared by every environment; dev/test/production adjust only what differs."""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "website",
    "training",
    "mentorship",
    "mentorship.partnerships",
    "surveys",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail_modeladmin",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
]

# No inline or third-party script on public pages. Styles may be inline (Wagtail's responsive
# embeds and the userbar set style attributes); frames only for the video hosts editors embed.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": [
        "'self'",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY_EXEMPT_PATHS = ["/admin/"]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite by default so a newcomer needs nothing; PostgreSQL whenever DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "website.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en-ca"
# The program runs in British Columbia: webinar times are entered and shown in Pacific time.
TIME_ZONE = "America/Vancouver"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Accounts: email is the login; an address must be verified before the account is used.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# Never reveal whether an address has an account (password reset, sign-up).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mentoring Partnerships] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Mentoring Partnerships <mentoring@example.org>"
)

# Background work (email, reminders) goes through Django's tasks API, stored in the database and
# run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAIL_SITE_NAME = "Mentoring Partnerships"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Training videos and their caption files are uploaded as documents.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "txt", "mp4", "webm", "vtt"]
# Every document form checks that an upload's contents match its extension (website/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.forms.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
# Let the web server serve document files (range requests matter for video seeking).
WAGTAILDOCS_SERVE_METHOD = "direct"
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin would otherwise fetch avatars from gravatar.com; the site must work offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    # Wagtail and django-tasks log every background task at INFO; keep the console readable.
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# Partnerships (mentorship.partnerships): when reminders go out, in days.
PARTNERSHIPS_REMIND_WAITING_DAYS = 3  # a step confirmed by one person, waiting on the other
PARTNERSHIPS_REMIND_NO_MEETING_DAYS = 21  # no meeting logged during guidance and practice
PARTNERSHIPS_REMIND_END_WITHIN_DAYS = 14  # the planned end date is this close

# Surveys (surveys): enrolment, baseline survey and random assignment.
# Group 2's follow-up survey opens this many days after their baseline (about six months).
FOLLOW_UP_AFTER_DAYS = 182
# Participants land on "Your place in the study" after signing in or up (staff go on to /admin/).
LOGIN_REDIRECT_URL = "/study/"
ACCOUNT_SIGNUP_REDIRECT_URL = "/study/"

# Research (surveys.followup, surveys.research): follow-up wave, withdrawal, exports, impact report.
INSTALLED_APPS += ["surveys.followup", "surveys.research"]
# Key of the HMAC that turns participant ids into pseudonymous research ids. Keep it secret and
# never change it mid-study, or pseudonyms stop matching earlier exports. Production sets its own.
RESEARCH_PSEUDONYM_KEY = os.environ.get(
    "RESEARCH_PSEUDONYM_KEY", "dev-only-pseudonym-key-not-for-production"
)
# Follow-up invitations: days after the survey opens on which the invitation (0) and each
# reminder go out; after the last one plus the grace period, a non-responder is flagged.
FOLLOW_UP_REMINDER_DAYS = [0, 7, 14, 21]
FOLLOW_UP_GRACE_DAYS = 14
# Rows fetched per database round trip while streaming research exports.
RESEARCH_EXPORT_CHUNK_SIZE = 2000

# Training progress (training.progress) and the administrator's dashboard (mentorship.engagement).
INSTALLED_APPS += ["training.progress", "mentorship.engagement"]

# Training (training): webinar times are entered and shown in the program's time zone, so the
# admin offers editors no other zone to type them in.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
