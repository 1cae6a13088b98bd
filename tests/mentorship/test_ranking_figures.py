import datetime

import pytest
import time_machine
from django.utils import timezone

from mentorship.models import MentorshipRequest, Participant
from mentorship.services.ranking import participant_figures_refresh
from mentorship.services.requests import request_decline, request_send, requests_process_due
from tests.mentorship.factories import active_partnership

pytestmark = pytest.mark.django_db
MESSAGE = "Could you help me with facilitation for large groups?"


def figures(participant):
    participant.refresh_from_db()
    return (participant.ranking_active_mentees, participant.ranking_pending_requests,
            participant.ranking_recent_requests, participant.ranking_answered_requests,
            participant.ranking_resolved_requests)


def test_figures_follow_requests_and_partnerships(mentee, mentor, comp):
    assert figures(mentor) == (0, 0, 0, 0, 0)
    req = request_send(mentee=mentee, mentor=mentor, competency=comp, message=MESSAGE)
    assert figures(mentor) == (0, 1, 1, 0, 0)
    request_decline(mentorship_request=req, by=mentor)
    assert figures(mentor) == (0, 0, 1, 1, 1)
    partnership = active_partnership(mentor=mentor)
    assert figures(mentor)[0] == 1
    partnership.status = partnership.Status.COMPLETED
    partnership.save()
    assert figures(mentor)[0] == 0


def test_the_thirty_day_window_moves_with_the_daily_run(mentee, mentor, comp):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        req = request_send(mentee=mentee, mentor=mentor, competency=comp, message=MESSAGE)
        request_decline(mentorship_request=req, by=mentor)
    with time_machine.travel(start + datetime.timedelta(days=31), tick=False):
        requests_process_due()
    assert figures(mentor)[2] == 0


def test_bulk_changes_are_corrected_by_a_refresh(mentee, mentor, comp):
    request_send(mentee=mentee, mentor=mentor, competency=comp, message=MESSAGE)
    MentorshipRequest.objects.update(status=MentorshipRequest.Status.EXPIRED)
    assert figures(mentor)[1] == 1  # stale: .update() sends no signal
    assert participant_figures_refresh(participant_ids=[mentor.pk]) == 1
    assert figures(mentor) == (0, 0, 1, 0, 1)
    assert participant_figures_refresh(participant_ids=[mentor.pk]) == 0


def test_completeness_is_stored_when_the_profile_changes(mentee):
    before = mentee.profile_completeness
    mentee.bio = "Ten years in youth employment."
    mentee.save()
    mentee.refresh_from_db()
    assert mentee.profile_completeness > before


def test_a_stale_count_cannot_let_a_full_mentor_receive_requests(mentee, mentor, comp):
    from mentorship.matching import is_eligible
    from mentorship.partnerships.models import Partnership

    active_partnership(mentor=mentor)
    active_partnership(mentor=mentor)
    Participant.objects.filter(pk=mentor.pk).update(ranking_active_mentees=0)  # drifted
    mentor.refresh_from_db()
    assert not is_eligible(mentee=mentee, mentor=mentor, competency=comp)
    assert Partnership.objects.filter(mentor=mentor).count() == 2
    requests_process_due()  # the daily run corrects the figure
    assert figures(mentor)[0] == 2
