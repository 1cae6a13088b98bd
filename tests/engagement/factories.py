"""Study, search and request records for the engagement tests, written straight to the tables."""

from datetime import timedelta

import factory
from django.utils import timezone

from mentorship.models import Competency, MentorshipRequest, SearchLog
from mentorship.partnerships.models import Meeting
from surveys.models import Allocation, InstrumentVersion, RandomizationScheme, Response, Wave
from tests.factories import ParticipantFactory
from tests.surveys.factories import EnrolmentFactory


def competency(number: int = 0) -> Competency:
    return Competency.objects.order_by("sort_order")[number]


class SearchLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SearchLog

    participant = factory.SubFactory(ParticipantFactory)
    competency = factory.LazyFunction(competency)
    result_count = 3


class MentorshipRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorshipRequest

    mentee = factory.SubFactory(ParticipantFactory)
    mentor = factory.SubFactory(ParticipantFactory)
    competency = factory.LazyFunction(competency)
    message = "Would you mentor me?"


def meeting(partnership, *, date):
    return Meeting.objects.create(
        partnership=partnership, date=date, mode="phone", covered="Goals",
        logged_by=partnership.mentee,
    )


def enrol(participant, *, baseline_days_ago=None, now=None, **fields):
    now = now or timezone.now()
    baseline = None if baseline_days_ago is None else now - timedelta(days=baseline_days_ago)
    return EnrolmentFactory(participant=participant, baseline_submitted_at=baseline, **fields)


def allocate(participant, arm: str) -> Allocation:
    scheme = RandomizationScheme.objects.filter(active=True).first()
    position = Allocation.objects.filter(scheme=scheme).count() + 1
    return Allocation.objects.create(
        participant=participant, scheme=scheme, stratum="", position=position, arm=arm
    )


def follow_up_submitted(participant):
    return Response.objects.create(
        participant=participant,
        version=InstrumentVersion.objects.first(),
        wave=Wave.FOLLOW_UP,
        submitted_at=timezone.now(),
    )
