import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from mentorship.choices import Level
from mentorship.models import MentorshipRequest
from mentorship.partnerships.models import Partnership
from mentorship.services.requests import (
    MAX_OPEN_REQUESTS,
    request_accept,
    request_decline,
    request_send,
    request_withdraw,
    requests_process_due,
)
from tests.mentorship.factories import active_partnership, competency, mentee_in, mentor_in

pytestmark = pytest.mark.django_db
Status = MentorshipRequest.Status
MESSAGE = "Could you help me prepare for difficult conversations with employers?"


@pytest.fixture
def comp():
    return competency()


@pytest.fixture
def mentee(comp):
    return mentee_in(comp, level=Level.BEGINNER, user__first_name="Mina", user__last_name="Patel")


@pytest.fixture
def mentor(comp):
    return mentor_in(comp, user__first_name="Dan", user__last_name="Okafor", mentee_capacity=2)


def send(mentee, mentor, comp):
    return request_send(mentee=mentee, mentor=mentor, competency=comp, message=MESSAGE)


class TestSend:
    def test_mentor_is_emailed_a_link_to_the_request(self, mentee, mentor, comp):
        req = send(mentee, mentor, comp)
        assert req.status == Status.PENDING
        (email,) = mail.outbox
        assert email.to == [mentor.user.email]
        assert "Mina Patel" in email.subject
        assert f"/mentoring/requests/{req.token}/" in email.body
        assert MESSAGE in email.body

    def test_no_duplicate_pending_request(self, mentee, mentor, comp):
        send(mentee, mentor, comp)
        with pytest.raises(ValidationError, match="already asked"):
            send(mentee, mentor, comp)
        assert MentorshipRequest.objects.count() == 1

    def test_can_ask_again_after_a_withdrawal(self, mentee, mentor, comp):
        request_withdraw(mentorship_request=send(mentee, mentor, comp), by=mentee)
        send(mentee, mentor, comp)
        assert MentorshipRequest.objects.pending().count() == 1

    def test_an_ineligible_mentor_cannot_be_asked(self, mentee, comp):
        equal = mentor_in(comp, level=Level.BEGINNER)
        with pytest.raises(ValidationError, match="not open to requests"):
            send(mentee, equal, comp)

    def test_a_mentee_cannot_flood_mentors(self, mentee, comp):
        for _ in range(MAX_OPEN_REQUESTS):
            send(mentee, mentor_in(comp), comp)
        with pytest.raises(ValidationError, match="waiting for an answer"):
            send(mentee, mentor_in(comp), comp)


class TestAnswer:
    def test_accept_starts_a_three_month_partnership_and_tells_the_mentee(
        self, mentee, mentor, comp
    ):
        req = send(mentee, mentor, comp)
        mail.outbox.clear()
        partnership = request_accept(mentorship_request=req, by=mentor)
        assert (partnership.mentor, partnership.mentee, partnership.competency) == (
            mentor,
            mentee,
            comp,
        )
        days = (partnership.planned_end_date - timezone.localdate()).days
        assert 88 <= days <= 93
        req.refresh_from_db()
        assert req.status == Status.ACCEPTED and req.partnership == partnership
        (email,) = mail.outbox
        assert email.to == [mentee.user.email] and "accepted" in email.subject

    def test_accepting_withdraws_the_mentees_other_requests_in_that_competency(
        self, mentee, mentor, comp
    ):
        other = send(mentee, mentor_in(comp), comp)
        request_accept(mentorship_request=send(mentee, mentor, comp), by=mentor)
        other.refresh_from_db()
        assert other.status == Status.WITHDRAWN

    def test_mentor_at_capacity_cannot_accept(self, mentee, mentor, comp):
        req = send(mentee, mentor, comp)
        active_partnership(mentor=mentor)
        active_partnership(mentor=mentor)
        with pytest.raises(ValidationError, match="your limit"):
            request_accept(mentorship_request=req, by=mentor)
        assert not Partnership.objects.filter(mentee=mentee).exists()
        req.refresh_from_db()
        assert req.status == Status.PENDING

    def test_only_the_addressed_mentor_can_answer(self, mentee, mentor, comp):
        req = send(mentee, mentor, comp)
        with pytest.raises(PermissionDenied):
            request_accept(mentorship_request=req, by=mentee)
        with pytest.raises(PermissionDenied):
            request_decline(mentorship_request=req, by=mentor_in(comp))

    def test_decline_with_reason_tells_the_mentee(self, mentee, mentor, comp):
        req = send(mentee, mentor, comp)
        mail.outbox.clear()
        request_decline(mentorship_request=req, by=mentor, reason="  Busy until spring.  ")
        req.refresh_from_db()
        assert req.status == Status.DECLINED and req.decline_reason == "Busy until spring."
        assert "Busy until spring." in mail.outbox[0].body

    def test_an_answered_request_cannot_be_answered_again(self, mentee, mentor, comp):
        req = send(mentee, mentor, comp)
        request_decline(mentorship_request=req, by=mentor)
        with pytest.raises(ValidationError, match="no longer waiting"):
            request_accept(mentorship_request=req, by=mentor)

    def test_only_the_mentee_can_withdraw(self, mentee, mentor, comp):
        req = send(mentee, mentor, comp)
        with pytest.raises(PermissionDenied):
            request_withdraw(mentorship_request=req, by=mentor)


class TestReminderAndExpiry:
    def test_reminder_then_expiry_with_next_best_mentors_each_once(
        self, mentee, mentor, comp, settings
    ):
        settings.MENTORSHIP_REQUEST_REMINDER_DAYS = 4
        settings.MENTORSHIP_REQUEST_EXPIRY_DAYS = 10
        other = mentor_in(comp, user__first_name="Grace", user__last_name="Lam")
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            req = send(mentee, mentor, comp)
        mail.outbox.clear()

        with time_machine.travel(start + datetime.timedelta(days=3, hours=23), tick=False):
            assert requests_process_due().reminded == 0
        with time_machine.travel(start + datetime.timedelta(days=4, hours=1), tick=False):
            assert requests_process_due().reminded == 1
            assert requests_process_due().reminded == 0
        (reminder,) = mail.outbox
        assert reminder.to == [mentor.user.email] and "Reminder" in reminder.subject
        mail.outbox.clear()

        with time_machine.travel(start + datetime.timedelta(days=10, hours=1), tick=False):
            assert requests_process_due().expired == 1
            call_command("process_mentorship_requests", stdout=io.StringIO())
        req.refresh_from_db()
        assert req.status == Status.EXPIRED
        (expired,) = mail.outbox
        assert expired.to == [mentee.user.email]
        assert "Grace Lam" in expired.body and "Dan Okafor" not in expired.body.split("expired")[-1]
        assert f"/mentoring/people/{other.pk}/" in expired.body
        with pytest.raises(ValidationError):
            request_accept(mentorship_request=req, by=mentor)

    def test_days_are_configurable(self, mentee, mentor, comp, settings):
        settings.MENTORSHIP_REQUEST_EXPIRY_DAYS = 2
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            req = send(mentee, mentor, comp)
        with time_machine.travel(start + datetime.timedelta(days=2, minutes=1), tick=False):
            requests_process_due()
        req.refresh_from_db()
        assert req.status == Status.EXPIRED

    def test_answered_requests_are_left_alone(self, mentee, mentor, comp):
        start = timezone.now()
        with time_machine.travel(start, tick=False):
            req = send(mentee, mentor, comp)
            request_decline(mentorship_request=req, by=mentor)
        mail.outbox.clear()
        with time_machine.travel(start + datetime.timedelta(days=30), tick=False):
            result = requests_process_due()
        assert (result.reminded, result.expired) == (0, 0)
        assert mail.outbox == []
