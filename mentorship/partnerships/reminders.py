"""Timely nudges that keep partnerships alive.

Each rule is a small function returning the reminders due for one partnership now; a reminder is
identified by (partnership, recipient, reason, key) and logged when sent, so running
`send_partnership_reminders` again never repeats one. Rules look only at the current state of
active partnerships, so reminders stop once the step is done or the partnership ends.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.models import Participant
from mentorship.partnerships.choices import ReminderReason, Step
from mentorship.partnerships.models import Partnership, ReminderLog


def setting(name: str, default: int) -> int:
    return getattr(settings, name, default)


@dataclass(frozen=True)
class DueReminder:
    partnership: Partnership
    recipient: Participant
    reason: str
    key: str
    days: int = 0


def step_waiting_on_one_person(partnership: Partnership, now: datetime.datetime):
    """One of the pair confirmed the current step days ago; remind the other."""
    threshold = datetime.timedelta(days=setting("PARTNERSHIPS_REMIND_WAITING_DAYS", 3))
    confirmations = [
        c for c in partnership.confirmations.all() if c.step == partnership.current_step
    ]
    if len(confirmations) != 1 or now - confirmations[0].confirmed_at < threshold:
        return
    waiting_for = partnership.other(confirmations[0].participant)
    yield DueReminder(
        partnership,
        waiting_for,
        ReminderReason.STEP_WAITING,
        f"step-{partnership.current_step}",
        (now - confirmations[0].confirmed_at).days,
    )


def no_meeting_logged(partnership: Partnership, now: datetime.datetime):
    """During guidance and practice, nothing logged for weeks (since the last meeting or since
    the step opened); a later meeting starts a new count, hence the key."""
    if partnership.current_step != Step.PRACTICE:
        return
    dates = [meeting.date for meeting in partnership.meetings.all()]
    since = max(dates) if dates else timezone.localtime(partnership.step_started_at).date()
    days = (timezone.localtime(now).date() - since).days
    if days >= setting("PARTNERSHIPS_REMIND_NO_MEETING_DAYS", 21):
        for person in (partnership.mentee, partnership.mentor):
            key = f"since-{since}"
            yield DueReminder(partnership, person, ReminderReason.NO_MEETING, key, days)


def end_date_approaching(partnership: Partnership, now: datetime.datetime):
    """The planned end date is near; keyed by the date so an agreed new date is reminded anew."""
    days = (partnership.planned_end_date - timezone.localtime(now).date()).days
    if 0 < days <= setting("PARTNERSHIPS_REMIND_END_WITHIN_DAYS", 14):
        for person in (partnership.mentee, partnership.mentor):
            key = f"end-{partnership.planned_end_date}"
            yield DueReminder(partnership, person, ReminderReason.END_APPROACHING, key, days)


def final_assessment_due(partnership: Partnership, now: datetime.datetime):
    """The planned end date has passed; remind whoever has not submitted a final assessment."""
    days = (timezone.localtime(now).date() - partnership.planned_end_date).days
    if days < 0:
        return
    submitted = {
        confirmation.participant_id
        for confirmation in partnership.confirmations.all()
        if confirmation.step == Step.ASSESSMENT
    }
    for person in (partnership.mentee, partnership.mentor):
        if person.pk not in submitted:
            key = f"end-{partnership.planned_end_date}"
            yield DueReminder(partnership, person, ReminderReason.FINAL_DUE, key, days)


REMINDER_RULES: list[Callable[[Partnership, datetime.datetime], Iterator[DueReminder]]] = [
    step_waiting_on_one_person,
    no_meeting_logged,
    end_date_approaching,
    final_assessment_due,
]


def still_due(log: ReminderLog, *, now: datetime.datetime | None = None) -> bool:
    """Whether a logged reminder is still due: the worker may run it after the step was done."""
    now = now or timezone.now()
    partnership = log.partnership
    if not partnership.is_active:
        return False
    return any(
        (due.recipient.pk, due.reason, due.key) == (log.recipient_id, log.reason, log.key)
        for rule in REMINDER_RULES
        for due in rule(partnership, now)
    )


def due_reminders(*, now: datetime.datetime | None = None) -> Iterator[DueReminder]:
    """Every reminder the rules say is due now for active partnerships (sent or not)."""
    now = now or timezone.now()
    partnerships = (
        Partnership.objects.active()
        .select_related("mentor__user", "mentee__user", "competency")
        .prefetch_related("confirmations__participant", "meetings")
    )
    for partnership in partnerships:
        for rule in REMINDER_RULES:
            yield from rule(partnership, now)


def send_due_reminders(*, now: datetime.datetime | None = None) -> list[ReminderLog]:
    """Log and enqueue the email of each due reminder not sent before.

    Idempotent: the unique (partnership, recipient, reason, key) log row is written before the
    email is enqueued, in the same transaction, so a reminder goes out at most once.
    """
    from mentorship.partnerships.tasks import send_reminder_email

    sent = []
    for due in due_reminders(now=now):
        identity = {
            "partnership": due.partnership,
            "recipient": due.recipient,
            "reason": due.reason,
            "key": due.key,
        }
        if ReminderLog.objects.filter(**identity).exists():
            continue
        try:
            with transaction.atomic():
                log = ReminderLog.objects.create(**identity)
                send_reminder_email.enqueue(reminder_log_id=log.pk, days=due.days)
        except IntegrityError:
            continue  # a concurrent run logged it first
        sent.append(log)
    return sent
