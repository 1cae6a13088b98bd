"""Invitations and reminders (frozen clock), stopping on completion, withdrawal and bounces,
non-respondents, Group 2's release, and the gift-card draw."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from surveys.followup import services
from surveys.followup.models import FollowUpContact, FollowUpStanding
from surveys.models import AccessCode, Wave
from surveys.research import draw
from surveys.research.withdrawal import withdraw
from surveys.services.responses import IncompleteResponse
from tests.research.factories import study_participant, submit_wave

pytestmark = pytest.mark.django_db
BASELINE_AT = datetime.datetime(2026, 1, 5, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _schedule(settings):
    settings.FOLLOW_UP_AFTER_DAYS = 182
    settings.FOLLOW_UP_REMINDER_DAYS = [0, 7, 14, 21]
    settings.FOLLOW_UP_GRACE_DAYS = 14


def opens_on():
    return timezone.localdate(BASELINE_AT) + datetime.timedelta(days=182)


def run_on(days_after_opening: int):
    moment = datetime.datetime.combine(
        opens_on() + datetime.timedelta(days=days_after_opening), datetime.time(9)
    )
    with time_machine.travel(timezone.make_aware(moment), tick=False):
        call_command("send_follow_up_invitations")


@pytest.fixture
def delayed(db):
    return study_participant(
        arm="delayed", baseline={"professional_practices_ethics": 2}, baseline_at=BASELINE_AT
    )


def numbers(participant):
    return list(
        FollowUpContact.objects.filter(participant=participant).values_list("number", flat=True)
    )


def test_invitation_then_reminders_each_once(delayed):
    run_on(-1)
    assert numbers(delayed) == [] and not mail.outbox
    run_on(0)
    run_on(0)  # a rerun the same day sends nothing more
    assert numbers(delayed) == [0] and len(mail.outbox) == 1
    assert "follow-up survey is now open" in mail.outbox[0].body
    assert "your access to the mentoring platform opens" in mail.outbox[0].body
    run_on(7)
    run_on(10)
    run_on(14)
    run_on(21)
    assert numbers(delayed) == [0, 1, 2, 3] and len(mail.outbox) == 4
    assert mail.outbox[-1].to == [delayed.user.email]
    run_on(34)
    assert not FollowUpStanding.objects.get(participant=delayed).is_non_respondent
    run_on(35)
    assert FollowUpStanding.objects.get(participant=delayed).non_respondent_at is not None
    run_on(42)
    assert len(mail.outbox) == 4


def test_completion_stops_reminders_and_releases_group_2(delayed):
    run_on(0)
    response = submit_wave(delayed, Wave.FOLLOW_UP, levels={"professional_practices_ethics": 3})
    response.submitted_at = None
    response.save()
    with pytest.raises(IncompleteResponse):
        services.complete_follow_up(participant=delayed)
    assert not AccessCode.objects.filter(participant=delayed).exists()
    response.answers.all().delete()
    from tests.followup.factories import answer_follow_up

    answer_follow_up(delayed)
    services.complete_follow_up(participant=delayed)
    services.complete_follow_up(participant=delayed)  # idempotent: still one code
    codes = AccessCode.objects.filter(participant=delayed)
    assert codes.count() == 1
    assert FollowUpStanding.objects.get(participant=delayed).group_2_released_at
    run_on(7)
    assert numbers(delayed) == [0]


def test_group_1_gets_no_code_from_the_follow_up(db):
    immediate = study_participant(
        arm="immediate", baseline_at=BASELINE_AT, follow_up={"professional_practices_ethics": 3}
    )
    assert services.release_group_2(participant=immediate) is False
    assert not AccessCode.objects.filter(participant=immediate).exists()


def test_withdrawal_and_bounce_stop_contact(delayed, db):
    other = study_participant(arm="immediate", baseline_at=BASELINE_AT)
    run_on(0)
    assert len(mail.outbox) == 2
    withdraw(participant=delayed)
    services.mark_bounced(participant=other)
    run_on(7)
    assert numbers(delayed) == [0] and numbers(other) == [0] and len(mail.outbox) == 2
    assert FollowUpStanding.objects.get(participant=other).is_non_respondent


def test_a_message_queued_before_withdrawal_is_not_sent(delayed):
    from surveys.followup.tasks import send_follow_up_contact

    contact = FollowUpContact.objects.create(participant=delayed, number=0)
    withdraw(participant=delayed)
    send_follow_up_contact.call(contact.pk)
    assert not mail.outbox


def test_draw_is_reproducible_and_recorded(db, researcher):
    people = [
        study_participant(arm="delayed", follow_up={"professional_practices_ethics": 2})
        for _ in range(6)
    ]
    withdraw(participant=people[0])
    study_participant(arm="delayed")  # no follow-up: not eligible
    first = draw.run_draw(winners=3, by=researcher, seed="fixed-seed")
    second = draw.run_draw(winners=3, by=researcher, seed="fixed-seed")
    assert first.winner_ids == second.winner_ids == draw.reproduce(first)
    assert len(set(first.winner_ids)) == 3
    assert set(first.eligible_ids) == {p.pk for p in people[1:]}
    assert first.drawn_by == researcher and first.drawn_at
    with pytest.raises(draw.DrawError):
        draw.run_draw(winners=6, by=researcher)
    call_command("draw_gift_cards", "--winners", "2", "--as", researcher.email)
    call_command("draw_gift_cards", "--verify", str(first.pk))
