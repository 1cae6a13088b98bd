import datetime

import factory
from django.utils import timezone

from mentorship.choices import Level
from mentorship.models import Competency, CompetencyRating, MentorshipRequest
from mentorship.partnerships.models import Partnership
from tests.factories import ParticipantFactory


def competency(code="professional_practices_ethics") -> Competency:
    return Competency.objects.get(code=code)


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyRating

    participant = factory.SubFactory(ParticipantFactory)
    competency = factory.LazyFunction(competency)
    level = Level.INTERMEDIATE
    willing_to_mentor = False
    seeking_mentor = False


def mentor_in(comp, level=Level.EXPERT, **participant_fields):
    """A participant with access, willing to mentor in `comp` at `level`."""
    participant = ParticipantFactory(**participant_fields)
    RatingFactory(participant=participant, competency=comp, level=level, willing_to_mentor=True)
    return participant


def mentee_in(comp, level=Level.BEGINNER, **participant_fields):
    participant = ParticipantFactory(**participant_fields)
    RatingFactory(participant=participant, competency=comp, level=level, seeking_mentor=True)
    return participant


class RequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorshipRequest

    mentee = factory.SubFactory(ParticipantFactory)
    mentor = factory.SubFactory(ParticipantFactory)
    competency = factory.LazyFunction(competency)
    message = "I would like to learn how you handle ethical dilemmas with clients."


def active_partnership(*, mentor, mentee=None, comp=None) -> Partnership:
    return Partnership.objects.create(
        mentor=mentor,
        mentee=mentee or ParticipantFactory(),
        competency=comp or competency(),
        planned_end_date=timezone.localdate() + datetime.timedelta(days=91),
    )
