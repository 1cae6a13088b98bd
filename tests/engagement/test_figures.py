"""The funnel and the report's figures, computed from the records, and at a constant cost."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mentorship.engagement import figures
from mentorship.engagement.filters import DashboardFilterForm
from mentorship.models import CompetencyRating, Participant
from mentorship.partnerships.models import FinalAssessment, Partnership
from surveys.models import AccessCode, Arm
from tests.engagement.factories import (
    MentorshipRequestFactory,
    SearchLogFactory,
    allocate,
    competency,
    enrol,
)
from tests.factories import ParticipantFactory
from tests.partnerships.factories import PartnershipFactory
from tests.training_progress.conftest import training  # noqa: F401 (fixture)
from training.progress.services import mark_watched


def counts(**filters):
    form = DashboardFilterForm(filters or None)
    return figures.funnel_counts(form.participants())


def test_funnel_counts_each_step(db):
    enrolled_only = ParticipantFactory(without_access=True)
    consented = ParticipantFactory(without_access=True)
    enrol(consented)
    immediate = ParticipantFactory()
    enrol(immediate, baseline_days_ago=1)
    allocate(immediate, Arm.IMMEDIATE)
    AccessCode.objects.create(participant=immediate, redeemed_at=timezone.now())
    CompetencyRating.objects.create(participant=immediate, competency=competency(), level=3,
                                    willing_to_mentor=True)
    delayed = ParticipantFactory(without_access=True)
    enrol(delayed, baseline_days_ago=1)
    allocate(delayed, Arm.DELAYED)
    SearchLogFactory(participant=immediate)
    MentorshipRequestFactory(mentee=delayed, mentor=immediate)
    PartnershipFactory(mentor=immediate, mentee=delayed, status=Partnership.Status.COMPLETED)

    result = counts()
    assert result["enrolled"] == 4 + 0  # the factories above made exactly these four
    assert (result["consented"], result["baseline"]) == (3, 2)
    assert (result["assigned_immediate"], result["assigned_delayed"]) == (1, 1)
    assert result["redeemed"] == 1
    assert result["available_mentor"] == 1
    assert (result["searched"], result["contacted"]) == (1, 1)
    assert (result["in_partnership"], result["partnership_completed"]) == (2, 2)
    assert enrolled_only.pk  # counted only in "enrolled"

    assert counts(group=Arm.DELAYED)["enrolled"] == 1
    assert counts(group=Arm.IMMEDIATE)["available_mentor"] == 1


def test_searches_by_competency_and_per_registrant(db):
    person = ParticipantFactory()
    ParticipantFactory()
    SearchLogFactory.create_batch(3, participant=person, competency=competency(0))
    SearchLogFactory(participant=person, competency=competency(1))
    people = Participant.objects.all()
    report = figures.report_figures(people, figures.funnel_counts(people))
    assert [(r["label"], r["count"], r["percent"]) for r in report["searches_by_competency"]] == [
        (competency(0).name, 3, 75.0),
        (competency(1).name, 1, 25.0),
    ]
    assert report["total_searches"] == 4
    assert report["searches_per_registrant"] == 2.0


def test_requests_per_mentor_distribution(db):
    busy, quiet, other = ParticipantFactory(), ParticipantFactory(), ParticipantFactory()
    for _ in range(3):
        MentorshipRequestFactory(mentor=busy)
    MentorshipRequestFactory(mentor=quiet)
    MentorshipRequestFactory(mentor=other)
    distribution = figures.requests_per_mentor(Participant.objects.all())
    assert distribution == [{"label": "1", "count": 2}, {"label": "3", "count": 1}]


def test_partnership_length_and_satisfaction(db):
    start = timezone.now() - timedelta(days=200)
    for days in (60, 120):
        PartnershipFactory(started_at=start, ended_at=start + timedelta(days=days),
                           status=Partnership.Status.COMPLETED)
    active = PartnershipFactory()
    for value, person in ((5, active.mentee), (2, active.mentor)):
        FinalAssessment.objects.create(partnership=active, participant=person,
                                       satisfaction=value, submitted_at=timezone.now())
    people = Participant.objects.all()
    partnerships = figures.partnership_figures(people)
    assert partnerships["total"] == 3
    assert partnerships["average_months"] == round(90 / figures.DAYS_PER_MONTH, 1)
    assert figures.satisfaction(people) == {"answered": 2, "satisfied": 1, "percent": 50.0}


def test_training_completion_per_module(training):  # noqa: F811
    finished, started = ParticipantFactory(), ParticipantFactory()
    mark_watched(participant=finished, page=training["mentee"])
    from training.progress.selectors import trackable_video_id
    from training.progress.services import record_progress

    record_progress(participant=started, page=training["mentor"],
                    video_id=trackable_video_id(training["mentor"]), position=10, duration=100)
    rows = figures.training_completion(Participant.objects.all())
    assert rows == [
        {"label": "Being a mentor", "started": 1, "count": 0},
        {"label": "Finding a mentor", "started": 1, "count": 1},
    ]
    assert figures.funnel_counts(Participant.objects.all())["finished_training"] == 1


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/admin/engagement/").status_code == 200
    return len(captured)


def seed(count: int):
    for _ in range(count):
        person = ParticipantFactory(access_granted_at=timezone.now() - timedelta(days=60))
        SearchLogFactory(participant=person, created_at=timezone.now() - timedelta(days=30))
        MentorshipRequestFactory(mentee=person, created_at=timezone.now() - timedelta(days=30))


def test_dashboard_queries_do_not_grow_with_participants(client, program_admin):
    client.force_login(program_admin)
    seed(2)
    dashboard_queries(client)  # the first visit also loads the session and Wagtail's caches
    small = dashboard_queries(client)
    seed(20)
    assert dashboard_queries(client) == small
