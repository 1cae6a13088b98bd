import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from mentorship.choices import MeetingMode
from mentorship.partnerships import drafts
from mentorship.partnerships.choices import ReminderReason, Step
from mentorship.partnerships.models import ReminderLog, ReminderText
from mentorship.partnerships.reminders import send_due_reminders
from mentorship.partnerships.services import partnership_end_early, step_confirm
from mentorship.partnerships.tasks import render_text, send_reminder_email
from tests.partnerships.factories import PartnershipFactory, advance_to, write_agreement

pytestmark = pytest.mark.django_db

VANCOUVER = ZoneInfo("America/Vancouver")
START = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=VANCOUVER)


def at(days, hour=10):
    return START + datetime.timedelta(days=days, hours=hour - 10)


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def pair(clock, mentor, mentee):
    return PartnershipFactory(mentor=mentor, mentee=mentee)


def sent(reason=None):
    logs = ReminderLog.objects.all()
    if reason:
        logs = logs.filter(reason=reason)
    return sorted((log.reason, log.recipient.user.email, log.key) for log in logs)


def test_step_waiting_on_one_person_after_three_days_once(clock, pair):
    write_agreement(pair)
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentee)
    clock.move_to(at(2, hour=23))
    assert send_due_reminders() == []
    clock.move_to(at(3, hour=10))
    assert sent() == []
    send_due_reminders()
    assert sent() == [("step_waiting", "mentor@example.org", "step-1")]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mentor@example.org"]
    assert "Eli Mentee" in mail.outbox[0].body and "/partnerships/" in mail.outbox[0].body
    clock.move_to(at(10))
    send_due_reminders()
    call_command("send_partnership_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(sent()) == 1 and len(mail.outbox) == 1


def test_step_waiting_stops_once_the_step_is_done(clock, pair):
    write_agreement(pair)
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentee)
    clock.move_to(at(2))
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentor)
    clock.move_to(at(6))
    send_due_reminders()
    assert sent(ReminderReason.STEP_WAITING) == []


def test_no_meeting_for_three_weeks_during_practice(clock, pair):
    advance_to(pair, Step.PRACTICE)
    clock.move_to(at(20))
    send_due_reminders()
    assert sent(ReminderReason.NO_MEETING) == []
    clock.move_to(at(21))
    send_due_reminders()
    assert [r[1] for r in sent(ReminderReason.NO_MEETING)] == [
        "mentee@example.org", "mentor@example.org"
    ]
    # A meeting restarts the count; a new silence is a new reminder, the old one is not repeated.
    clock.move_to(at(22))
    drafts.meeting_add(partnership=pair, by=pair.mentor, date=at(22).date(),
                       mode=MeetingMode.VIDEO, covered="Catch-up")
    clock.move_to(at(30))
    send_due_reminders()
    assert len(sent(ReminderReason.NO_MEETING)) == 2
    clock.move_to(at(43))
    send_due_reminders()
    assert len(sent(ReminderReason.NO_MEETING)) == 4
    assert {r[2] for r in sent(ReminderReason.NO_MEETING)} == {
        f"since-{at(0).date()}", f"since-{at(22).date()}"
    }


def test_no_meeting_reminder_only_during_practice(clock, pair):
    clock.move_to(at(40))
    send_due_reminders()
    assert sent(ReminderReason.NO_MEETING) == []


def test_end_date_approaching_within_fourteen_days(clock, pair):
    end = pair.planned_end_date
    clock.move_to(datetime.datetime.combine(end, datetime.time(10), VANCOUVER)
                  - datetime.timedelta(days=15))
    send_due_reminders()
    assert sent(ReminderReason.END_APPROACHING) == []
    clock.move_to(datetime.datetime.combine(end, datetime.time(10), VANCOUVER)
                  - datetime.timedelta(days=14))
    send_due_reminders()
    send_due_reminders()
    assert len(sent(ReminderReason.END_APPROACHING)) == 2
    assert "14 days" in mail.outbox[-1].body


def test_final_assessment_due_once_end_date_passed_for_who_has_not_submitted(clock, pair):
    advance_to(pair, Step.ASSESSMENT)
    from tests.partnerships.factories import assess

    assess(pair, pair.mentee)
    step_confirm(partnership=pair, step=Step.ASSESSMENT, by=pair.mentee)
    clock.move_to(datetime.datetime.combine(pair.planned_end_date, datetime.time(9), VANCOUVER))
    send_due_reminders()
    assert sent(ReminderReason.FINAL_DUE) == [
        ("final_due", "mentor@example.org", f"end-{pair.planned_end_date}")
    ]
    clock.move_to(at(200))
    send_due_reminders()
    assert len(sent(ReminderReason.FINAL_DUE)) == 1


def test_nothing_is_sent_once_the_partnership_ends(clock, pair):
    write_agreement(pair)
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentee)
    partnership_end_early(partnership=pair, by=pair.mentee, reason="Changed jobs")
    clock.move_to(at(200))
    assert send_due_reminders() == []
    assert mail.outbox == []


def test_worker_skips_a_reminder_no_longer_due(clock, pair):
    write_agreement(pair)
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentee)
    clock.move_to(at(4))
    log = ReminderLog.objects.create(
        partnership=pair, recipient=pair.mentor, reason=ReminderReason.STEP_WAITING, key="step-1"
    )
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentor)  # before the worker ran
    assert send_reminder_email.call(reminder_log_id=log.pk, days=4) is False
    assert mail.outbox == []


def test_staff_edited_text_is_used(clock, pair):
    ReminderText.objects.filter(reason=ReminderReason.STEP_WAITING).update(
        subject="Nudge about {competency}", body="Hi {recipient_name} {unknown} {days}"
    )
    write_agreement(pair)
    step_confirm(partnership=pair, step=Step.AGREEMENT, by=pair.mentor)
    clock.move_to(at(4))
    send_due_reminders()
    assert mail.outbox[0].subject.startswith("Nudge about ")
    assert mail.outbox[0].body == "Hi Eli Mentee {unknown} 4"


def test_default_texts_exist_for_every_reason(db):
    assert set(ReminderText.objects.values_list("reason", flat=True)) == set(
        ReminderReason.values
    )


def test_render_text_never_reaches_attributes():
    assert render_text("{a.__class__} {a}", {"a": "x"}) == "{a.__class__} x"
