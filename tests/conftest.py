"""Fixtures for the people the product serves, one per role in the permission matrix."""

import os

import pytest

# Playwright's sync API keeps an asyncio loop running in this process while browser tests are
# open; Django would then refuse ORM calls from later tests as "async unsafe" even though every
# test here is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.factories import ParticipantFactory, UserFactory

EDITORS = "Editors"
PROGRAM_ADMINISTRATORS = "Program administrators"
RESEARCHERS = "Researchers"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@example.org", groups=[EDITORS])


@pytest.fixture
def program_admin(db):
    return UserFactory(email="programadmin@example.org", groups=[PROGRAM_ADMINISTRATORS])


@pytest.fixture
def researcher(db):
    return UserFactory(email="researcher@example.org", groups=[RESEARCHERS])


@pytest.fixture
def participant_without_access(db):
    return ParticipantFactory(without_access=True)


@pytest.fixture
def participant(db):
    return ParticipantFactory()


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests at collection on SQLite.

    Skipping inside the test would be too late: a transactional test's database fixture has
    already run by then, and its closing flush would wipe the rows data migrations made.
    """
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL to a PostgreSQL database)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
