"""Fixtures for the people the product serves, one per role in the permission matrix."""

import pytest

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
