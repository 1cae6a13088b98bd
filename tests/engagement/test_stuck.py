"""Each stuck-list rule at its threshold: exactly N days is stuck, a minute less is not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mentorship.engagement.models import EngagementSettings, Situation
from mentorship.engagement.stuck import stuck
from mentorship.models import MentorshipRequest
from mentorship.partnerships.models import Partnership
from surveys.research.models import Withdrawal
from tests.engagement.factories import (
    MentorshipRequestFactory,
    SearchLogFactory,
    enrol,
    follow_up_submitted,
    meeting,
)
from tests.factories import ParticipantFactory
from tests.partnerships.factories import PartnershipFactory

DAYS = 10
MINUTE = timedelta(minutes=1)


@pytest.fixture
def thresholds(db):
    settings = EngagementSettings.load()
    for field in ("no_profile_days", "searched_no_request_days", "request_unanswered_days",
                  "no_meeting_days", "follow_up_overdue_days"):
        setattr(settings, field, DAYS)
    settings.save()
    return settings


@pytest.fixture
def now():
    return timezone.now()


def ids(situation, thresholds, now):
    return {p.pk for p in stuck(situation, thresholds=thresholds, now=now)}


def test_no_profile_at_threshold(thresholds, now):
    at = ParticipantFactory(access_granted_at=now - timedelta(days=DAYS))
    early = ParticipantFactory(access_granted_at=now - timedelta(days=DAYS) + MINUTE)
    saved = ParticipantFactory(access_granted_at=now - timedelta(days=60), profile_updated_at=now)
    no_access = ParticipantFactory(without_access=True)
    found = ids(Situation.NO_PROFILE, thresholds, now)
    assert at.pk in found
    assert not found & {early.pk, saved.pk, no_access.pk}


def test_searched_but_never_requested_at_threshold(thresholds, now):
    at = SearchLogFactory(created_at=now - timedelta(days=DAYS)).participant
    SearchLogFactory(participant=at, created_at=now)  # a later search does not reset the clock
    SearchLogFactory(created_at=now - timedelta(days=DAYS) + MINUTE)
    asked = SearchLogFactory(created_at=now - timedelta(days=30)).participant
    MentorshipRequestFactory(mentee=asked, status=MentorshipRequest.Status.DECLINED)
    assert ids(Situation.SEARCHED_NO_REQUEST, thresholds, now) == {at.pk}


def test_request_unanswered_lists_the_mentor_at_threshold(thresholds, now):
    waiting = MentorshipRequestFactory(created_at=now - timedelta(days=DAYS))
    MentorshipRequestFactory(created_at=now - timedelta(days=DAYS) + MINUTE)
    MentorshipRequestFactory(
        created_at=now - timedelta(days=30), status=MentorshipRequest.Status.ACCEPTED
    )
    rows = list(stuck(Situation.REQUEST_UNANSWERED, thresholds=thresholds, now=now))
    assert [(row.pk, row.key) for row in rows] == [(waiting.mentor_id, str(waiting.pk))]


def test_no_meeting_lists_both_people_at_threshold(thresholds, now):
    silent = PartnershipFactory(started_at=now - timedelta(days=DAYS))
    PartnershipFactory(started_at=now - timedelta(days=DAYS) + MINUTE)
    met = PartnershipFactory(started_at=now - timedelta(days=40))
    meeting(met, date=timezone.localdate(now) - timedelta(days=DAYS - 1))
    old_meeting = PartnershipFactory(started_at=now - timedelta(days=40))
    meeting(old_meeting, date=timezone.localdate(now) - timedelta(days=DAYS + 1))
    PartnershipFactory(started_at=now - timedelta(days=40), status=Partnership.Status.COMPLETED)
    rows = {row.pk: row.key for row in stuck(Situation.NO_MEETING, thresholds=thresholds, now=now)}
    assert rows == {
        silent.mentor_id: str(silent.pk),
        silent.mentee_id: str(silent.pk),
        old_meeting.mentor_id: str(old_meeting.pk),
        old_meeting.mentee_id: str(old_meeting.pk),
    }


def test_follow_up_overdue_at_threshold(thresholds, now, settings):
    settings.FOLLOW_UP_AFTER_DAYS = 100
    at = ParticipantFactory()
    enrol(at, baseline_days_ago=100 + DAYS, now=now)
    early = ParticipantFactory()
    enrol(early, baseline_days_ago=100 + DAYS - 0.001, now=now)
    answered = ParticipantFactory()
    enrol(answered, baseline_days_ago=200, now=now)
    follow_up_submitted(answered)
    no_baseline = ParticipantFactory()
    enrol(no_baseline, now=now)
    withdrawn = ParticipantFactory()
    enrol(withdrawn, baseline_days_ago=200, now=now)
    Withdrawal.objects.create(participant=withdrawn, policy_applied="keep")
    assert ids(Situation.FOLLOW_UP_OVERDUE, thresholds, now) == {at.pk}


def test_lists_show_when_someone_was_last_contacted(thresholds, now, program_admin):
    from mentorship.engagement.services import check_in_note

    person = ParticipantFactory(access_granted_at=now - timedelta(days=DAYS + 5))
    check_in_note(participant=person, by=program_admin, note="Phoned; will do it this week.")
    row = stuck(Situation.NO_PROFILE, thresholds=thresholds, now=now).get()
    assert row.last_contacted_at is not None
    assert row.last_nudged_at is None


def test_changing_the_threshold_changes_the_list(thresholds, now):
    person = ParticipantFactory(access_granted_at=now - timedelta(days=DAYS))
    assert ids(Situation.NO_PROFILE, thresholds, now) == {person.pk}
    thresholds.no_profile_days = DAYS + 1
    thresholds.save()
    assert ids(Situation.NO_PROFILE, thresholds, now) == set()
