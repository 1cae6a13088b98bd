"""Check-ins by staff and the automatic nudges: each situation nudges a person once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mentorship.engagement.models import (
    CheckIn,
    CheckInTemplate,
    EngagementSettings,
    Nudge,
    Situation,
)
from mentorship.engagement.services import check_in_note, check_in_send, nudges_send
from tests.engagement.factories import MentorshipRequestFactory
from tests.factories import ParticipantFactory, UserFactory


@pytest.fixture
def template(db):
    return CheckInTemplate.objects.create(
        name="Test", subject="Hello {first_name}", body="Dear {first_name}, how is it going?"
    )


def stuck_without_profile(days=60):
    return ParticipantFactory(access_granted_at=timezone.now() - timedelta(days=days))


def test_default_templates_exist_for_every_situation(db):
    situations = set(
        CheckInTemplate.objects.exclude(nudge_for=None).values_list("nudge_for", flat=True)
    )
    assert situations == set(Situation.values)


def test_bulk_check_in_emails_each_person_with_their_name(
    template, program_admin, mailoutbox, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    people = [ParticipantFactory(user=UserFactory(first_name=name)) for name in ("Ana", "Bo")]
    with capture(execute=True):
        check_ins = check_in_send(participants=people, template=template, by=program_admin,
                                  situation=Situation.NO_PROFILE)
    assert len(check_ins) == 2
    assert sorted(m.subject for m in mailoutbox) == ["Hello Ana", "Hello Bo"]
    assert {m.to[0] for m in mailoutbox} == {p.user.email for p in people}
    stored = CheckIn.objects.get(participant=people[0])
    assert (stored.emailed, stored.by, stored.body) == (
        True, program_admin, "Dear Ana, how is it going?"
    )


def test_the_sent_text_is_kept_when_the_template_changes(template, program_admin):
    person = ParticipantFactory(user=UserFactory(first_name="Ana"))
    check_in_send(participants=[person], template=template, by=program_admin)
    template.subject = "Changed"
    template.save()
    assert CheckIn.objects.get().subject == "Hello Ana"


def test_a_note_sends_nothing(program_admin, participant, mailoutbox):
    check_in = check_in_note(participant=participant, by=program_admin, note="Met at a workshop.")
    assert not check_in.emailed
    assert mailoutbox == []


def test_a_note_must_say_something(program_admin, participant):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        check_in_note(participant=participant, by=program_admin, note="")


def test_nudges_are_sent_once_per_situation_and_person(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    person = stuck_without_profile()
    with django_capture_on_commit_callbacks(execute=True):
        first = nudges_send()
        assert first[Situation.NO_PROFILE] == 1
        assert nudges_send()[Situation.NO_PROFILE] == 0
        call_command("send_engagement_nudges", stdout=StringIO())
    assert Nudge.objects.filter(participant=person).count() == 1
    assert len(mailoutbox) == 1
    assert "profile" in mailoutbox[0].subject
    assert CheckIn.objects.get(participant=person).by is None


def test_a_new_occurrence_is_nudged_again(db, mailoutbox):
    long_ago = timezone.now() - timedelta(days=30)
    first = MentorshipRequestFactory(created_at=long_ago)
    nudges_send()
    MentorshipRequestFactory(mentor=first.mentor, created_at=long_ago)
    assert nudges_send()[Situation.REQUEST_UNANSWERED] == 0  # the oldest is still the key
    first.status = "declined"
    first.save()
    assert nudges_send()[Situation.REQUEST_UNANSWERED] == 1
    assert Nudge.objects.filter(participant=first.mentor).count() == 2


def test_nudges_can_be_switched_off(db, mailoutbox):
    stuck_without_profile()
    settings = EngagementSettings.load()
    settings.nudges_enabled = False
    settings.save()
    assert sum(nudges_send().values()) == 0
    assert not Nudge.objects.exists() and mailoutbox == []


def test_a_situation_without_a_nudge_template_is_skipped(db, mailoutbox):
    stuck_without_profile()
    CheckInTemplate.objects.filter(nudge_for=Situation.NO_PROFILE).update(nudge_for=None)
    assert nudges_send()[Situation.NO_PROFILE] == 0
    assert mailoutbox == []


def test_an_existing_nudge_row_blocks_a_second_email(db, mailoutbox):
    person = stuck_without_profile()
    Nudge.objects.create(participant=person, situation=Situation.NO_PROFILE, key="profile")
    assert nudges_send()[Situation.NO_PROFILE] == 0
    assert mailoutbox == []


def test_someone_who_withdrew_from_the_study_is_not_nudged(db, mailoutbox):
    from surveys.research.models import Withdrawal

    person = stuck_without_profile()
    Withdrawal.objects.create(participant=person, policy_applied="keep")
    assert nudges_send()[Situation.NO_PROFILE] == 0
    assert not Nudge.objects.filter(participant=person).exists()
    assert mailoutbox == []
