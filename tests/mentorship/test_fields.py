import pytest
from django.core.exceptions import ValidationError

from mentorship.models import Participant
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_choice_list_round_trips_and_is_queryable():
    participant = ParticipantFactory(client_populations=["youth", "immigrants"])
    participant.refresh_from_db()
    assert participant.client_populations == ["youth", "immigrants"]
    assert participant.client_population_labels == ["Youth", "Immigrants"]
    assert Participant.objects.filter(client_populations__contains=",youth,").count() == 1
    assert Participant.objects.filter(client_populations__contains=",you,").count() == 0


def test_empty_choice_list_is_stored_empty():
    participant = ParticipantFactory(client_populations=[])
    participant.refresh_from_db()
    assert participant.client_populations == []


def test_unknown_codes_are_refused():
    participant = ParticipantFactory()
    participant.client_populations = ["youth", "aliens"]
    with pytest.raises(ValidationError, match="aliens"):
        participant.full_clean()
