import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mentorship.choices import Level
from mentorship.models import SavedSearch, SearchLog
from mentorship.services.profiles import RatingRow, availability_update, ratings_update
from mentorship.services.saved_searches import (
    saved_search_create,
    saved_searches_notify,
    search_log,
)
from tests.factories import ParticipantFactory
from tests.mentorship.factories import RatingFactory, competency, mentee_in, mentor_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def comp():
    return competency()


@pytest.fixture
def mentee(comp):
    return mentee_in(comp, level=Level.INTERMEDIATE)


@pytest.fixture
def saved(mentee, comp):
    return saved_search_create(mentee=mentee, competency=comp)


def alerts_to(participant):
    return [m for m in mail.outbox if m.to == [participant.user.email]]


def test_saving_twice_keeps_one_and_remembers_current_mentors(mentee, comp):
    existing = mentor_in(comp)
    first = saved_search_create(mentee=mentee, competency=comp)
    second = saved_search_create(mentee=mentee, competency=comp)
    assert first.pk == second.pk
    assert first.known_mentor_ids == [existing.pk]
    assert saved_searches_notify() == 0


def test_new_participant_who_is_eligible_triggers_one_email(saved, mentee, comp):
    newcomer = mentor_in(comp, user__first_name="Grace", user__last_name="Lam")
    assert saved_searches_notify() == 1
    (email,) = alerts_to(mentee)
    assert "Grace Lam" in email.body
    assert f"/mentoring/people/{newcomer.pk}/" in email.body
    call_command("notify_saved_searches", stdout=io.StringIO())
    assert len(alerts_to(mentee)) == 1, "the same mentor must not be announced twice"


def test_raising_a_level_alerts_through_the_rating_service(saved, mentee, comp):
    mentor = ParticipantFactory()
    RatingFactory(participant=mentor, competency=comp, level=Level.INTERMEDIATE,
                  willing_to_mentor=True)
    assert saved_searches_notify() == 0
    ratings_update(
        participant=mentor,
        rows=[RatingRow(competency=comp, level=Level.ADVANCED, willing_to_mentor=True)],
    )
    assert len(alerts_to(mentee)) == 1
    saved.refresh_from_db()
    assert mentor.pk in saved.known_mentor_ids and saved.notified_at is not None


def test_newly_willing_mentor_alerts(saved, mentee, comp):
    mentor = ParticipantFactory()
    ratings_update(participant=mentor, rows=[RatingRow(competency=comp, level=Level.EXPERT)])
    assert alerts_to(mentee) == []
    ratings_update(
        participant=mentor,
        rows=[RatingRow(competency=comp, level=Level.EXPERT, willing_to_mentor=True)],
    )
    assert len(alerts_to(mentee)) == 1


def test_mentor_becoming_available_alerts(saved, mentee, comp):
    mentor = mentor_in(comp, is_unavailable=True)
    assert saved_searches_notify() == 0
    availability_update(participant=mentor, is_unavailable=False, mentee_capacity=2)
    assert len(alerts_to(mentee)) == 1


def test_ineligible_newcomers_do_not_alert(saved, mentee, comp):
    mentor_in(comp, level=Level.INTERMEDIATE)
    mentor_in(comp, without_access=True)
    assert saved_searches_notify() == 0
    assert alerts_to(mentee) == []


def test_mentee_who_lost_access_is_not_emailed(saved, mentee, comp):
    mentee.access_granted_at = None
    mentee.save()
    mentor_in(comp)
    assert saved_searches_notify() == 0


def test_search_log_records_who_what_and_how_many(mentee, comp):
    search_log(participant=mentee, competency=comp, result_count=3)
    log = SearchLog.objects.get()
    assert (log.participant, log.competency, log.result_count) == (mentee, comp, 3)
    assert log.created_at is not None
    assert SavedSearch.objects.count() == 0


def test_a_participant_whose_access_opens_is_announced(saved, mentee, comp):
    newcomer = mentor_in(comp, without_access=True)
    assert saved_searches_notify() == 0
    newcomer.access_granted_at = timezone.now()
    newcomer.save()
    (email,) = alerts_to(mentee)
    assert f"/mentoring/people/{newcomer.pk}/" in email.body
