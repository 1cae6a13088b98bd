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


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests on SQLite, and run transactional tests last of all.

    Skipping inside the test would be too late: a transactional test's database fixture has
    already run by then, and its closing flush would wipe the rows data migrations made.
    pytest-django already runs transactional tests after ordinary database tests, but tests that
    reach the database only through `request.getfixturevalue` look database-free to it and run
    after the flush; moving every transactional test to the very end keeps them safe.
    """
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        skip = pytest.mark.skip(
            reason="needs PostgreSQL (set DATABASE_URL to a PostgreSQL database)"
        )
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip)
    items.sort(key=_is_transactional)
