import pytest

from mentorship.choices import Level
from tests.mentorship.factories import competency, mentee_in, mentor_in


@pytest.fixture
def comp(db):
    return competency()


@pytest.fixture
def mentee(comp):
    return mentee_in(comp, level=Level.BEGINNER, user__first_name="Mina", user__last_name="Patel",
                     user__email="mina@example.org")


@pytest.fixture
def mentor(comp):
    return mentor_in(comp, user__first_name="Dan", user__last_name="Okafor",
                     user__email="dan@example.org", unavailable_reason="")
