"""Withdrawal under each consent policy, and account deletion that leaves no orphans."""

import pytest
from django.apps import apps
from django.db import models

from mentorship.models import MentorshipRequest, Participant, SearchLog
from surveys.followup.models import FollowUpContact
from surveys.models import Allocation, Answer, ConsentDecision, Response
from surveys.research import report
from surveys.research.models import ConsentDataPolicy, DataPolicy, Withdrawal
from surveys.research.selectors import contactable, is_withdrawn
from surveys.research.withdrawal import delete_account, withdraw
from tests.factories import ParticipantFactory
from tests.mentorship.factories import (
    RatingFactory,
    RequestFactory,
    active_partnership,
    competency,
)
from tests.research.factories import study_participant

pytestmark = pytest.mark.django_db
C1 = "professional_practices_ethics"


def _set_policy(participant, policy):
    ConsentDataPolicy.objects.update_or_create(
        consent_version=participant.enrolment.consent_version,
        defaults={"on_withdrawal": policy},
    )


def test_keep_policy_keeps_answers_and_allocation():
    person = study_participant(arm="delayed", baseline={C1: 2}, follow_up={C1: 3})
    _set_policy(person, DataPolicy.KEEP)
    first = withdraw(participant=person)
    assert withdraw(participant=person) == first  # once only
    assert first.policy_applied == DataPolicy.KEEP and first.survey_data_deleted_at is None
    assert Response.objects.filter(participant=person).count() == 2
    assert Allocation.objects.filter(participant=person, arm="delayed").exists()
    assert is_withdrawn(participant=person)
    assert not contactable(Participant.objects.filter(pk=person.pk)).exists()
    flow = report.impact_report()["flow"]["groups"]["delayed"]
    assert flow["withdrawn"] == 1 and flow["analysed"] == 1


def test_delete_policy_erases_survey_answers_but_not_the_allocation():
    person = study_participant(arm="immediate", baseline={C1: 2}, follow_up={C1: 3})
    _set_policy(person, DataPolicy.DELETE)
    result = withdraw(participant=person)
    assert result.policy_applied == DataPolicy.DELETE and result.survey_data_deleted_at
    assert not Response.objects.filter(participant=person).exists()
    assert not Answer.objects.filter(response__participant=person).exists()
    assert Allocation.objects.filter(participant=person).exists()
    flow = report.impact_report()["flow"]["groups"]["immediate"]
    assert flow == {**flow, "allocated": 1, "withdrawn": 1, "analysed": 0}


def test_version_without_a_policy_row_keeps_data():
    person = study_participant(arm="delayed", baseline={C1: 2})
    ConsentDataPolicy.objects.filter(consent_version=person.enrolment.consent_version).delete()
    assert withdraw(participant=person).policy_applied == ConsentDataPolicy.DEFAULT_POLICY


def _orphans() -> list[str]:
    """Every foreign key in every model pointing at a row that does not exist."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.ForeignKey):
                continue
            target = field.related_model
            missing = model._base_manager.exclude(**{f"{field.attname}__isnull": True}).exclude(
                **{f"{field.attname}__in": target._base_manager.values(field.target_field.attname)}
            )
            if missing.exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def _rich(person):
    """Give a participant rows in every area of the product."""
    RatingFactory(participant=person)
    other = ParticipantFactory()
    RequestFactory(mentee=person, mentor=other)
    active_partnership(mentor=other, mentee=person)
    SearchLog.objects.create(participant=person, competency=competency(), result_count=2)
    FollowUpContact.objects.create(participant=person, number=0)
    ConsentDecision.objects.create(
        user=person.user,
        version=person.enrolment.consent_version
        if hasattr(person, "enrolment")
        else ConsentDataPolicy.objects.first().consent_version,
        decision="agreed",
    )
    return other


def test_deleting_an_unenrolled_account_removes_everything():
    person = ParticipantFactory()
    RatingFactory(participant=person)
    other = ParticipantFactory()
    RequestFactory(mentee=person, mentor=other)
    SearchLog.objects.create(participant=person, competency=competency(), result_count=0)
    user_pk = person.user.pk
    assert delete_account(user=person.user) == "deleted"
    assert not Participant.objects.filter(user_id=user_pk).exists()
    assert not MentorshipRequest.objects.filter(mentee_id=person.pk).exists()
    assert Participant.objects.filter(pk=other.pk).exists()
    assert _orphans() == []


def test_a_partnership_keeps_the_row_but_the_person_is_erased():
    person = ParticipantFactory()
    other = _rich(person)
    assert delete_account(user=person.user) == "anonymized"
    person.refresh_from_db()
    assert person.user.email.endswith("@deleted.invalid") and person.is_unavailable
    assert Participant.objects.filter(pk=other.pk).exists()
    assert _orphans() == []


def test_deleting_an_allocated_account_withdraws_and_anonymizes():
    person = study_participant(arm="delayed", baseline={C1: 2})
    person.bio = "I work at the Surrey office, call me"
    person.save()
    _rich(person)
    email = person.user.email
    assert delete_account(user=person.user) == "anonymized"
    person.refresh_from_db()
    person.user.refresh_from_db()
    assert person.user.email != email and not person.user.first_name
    assert not person.user.is_active and not person.user.has_usable_password()
    assert person.bio == ""
    assert Withdrawal.objects.filter(participant=person).exists()
    assert Allocation.objects.filter(participant=person).exists()
    assert _orphans() == []
