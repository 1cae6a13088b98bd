import pytest

from tests.factories import ParticipantFactory
from tests.partnerships.factories import PartnershipFactory


@pytest.fixture
def mentor(db):
    return ParticipantFactory(user__email="mentor@example.org", user__first_name="Maya",
                              user__last_name="Mentor")


@pytest.fixture
def mentee(db):
    return ParticipantFactory(user__email="mentee@example.org", user__first_name="Eli",
                              user__last_name="Mentee")


@pytest.fixture
def third(db):
    """A participant with access who is not in the partnership."""
    return ParticipantFactory()


@pytest.fixture
def partnership(mentor, mentee):
    return PartnershipFactory(mentor=mentor, mentee=mentee)
