"""Mentorship requests: sending, answering, withdrawing, and the reminder/expiry clock."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.matching import find_mentors, is_eligible
from mentorship.models import Competency, MentorshipRequest, Participant
from mentorship.partnerships.models import Partnership
from mentorship.partnerships.services import partnership_start
from mentorship.services.ranking import mentor_ids_to_recheck, participant_figures_refresh

Status = MentorshipRequest.Status
MAX_OPEN_REQUESTS = 5
NEXT_BEST_COUNT = 3


def reminder_after() -> timedelta:
    """How long a request waits before the mentor is reminded (MENTORSHIP_REQUEST_REMINDER_DAYS)."""
    return timedelta(days=getattr(settings, "MENTORSHIP_REQUEST_REMINDER_DAYS", 4))


def expiry_after() -> timedelta:
    """How long a request waits before it expires (MENTORSHIP_REQUEST_EXPIRY_DAYS)."""
    return timedelta(days=getattr(settings, "MENTORSHIP_REQUEST_EXPIRY_DAYS", 10))


@transaction.atomic
def request_send(
    *, mentee: Participant, mentor: Participant, competency: Competency, message: str
) -> MentorshipRequest:
    """Send a request to a mentor the mentee's search would show.

    Invariants: only eligible mentors can be asked; one pending request per mentee, mentor and
    competency (also enforced by the database); at most MAX_OPEN_REQUESTS pending per mentee.
    """
    if MentorshipRequest.objects.pending().filter(
        mentee=mentee, mentor=mentor, competency=competency
    ).exists():
        raise ValidationError(
            "You have already asked this mentor in this competency; please wait for their answer."
        )
    if MentorshipRequest.objects.pending().filter(mentee=mentee).count() >= MAX_OPEN_REQUESTS:
        raise ValidationError(
            f"You have {MAX_OPEN_REQUESTS} requests waiting for an answer. Withdraw one or wait "
            "for answers before asking someone else."
        )
    if not is_eligible(mentee=mentee, mentor=mentor, competency=competency):
        raise ValidationError(
            "This mentor is not open to requests from you in this competency right now."
        )
    mentorship_request = MentorshipRequest(
        mentee=mentee, mentor=mentor, competency=competency, message=message.strip()
    )
    mentorship_request.full_clean()
    try:
        with transaction.atomic():
            mentorship_request.save()
    except IntegrityError as error:  # a double submit raced past the check above
        raise ValidationError("You have already asked this mentor in this competency.") from error
    from mentorship.tasks import email_request_received

    email_request_received.enqueue(mentorship_request.pk)
    return mentorship_request


def _lock_pending(mentorship_request: MentorshipRequest) -> MentorshipRequest:
    locked = MentorshipRequest.objects.select_for_update().get(pk=mentorship_request.pk)
    if locked.status != Status.PENDING:
        raise ValidationError(
            f"This request is no longer waiting for an answer ({locked.get_status_display()})."
        )
    return locked


def mentor_has_room(*, mentor: Participant) -> bool:
    active = Partnership.objects.filter(mentor=mentor, status=Partnership.Status.ACTIVE).count()
    return active < mentor.mentee_capacity


@transaction.atomic
def request_accept(*, mentorship_request: MentorshipRequest, by: Participant) -> Partnership:
    """The addressed mentor accepts: a partnership starts (about three months long).

    Invariants: only the mentor answers; a mentor at capacity cannot accept (the mentor row is
    locked so two accepts at once cannot both pass); the mentee's other pending requests in the
    same competency are withdrawn, since they now have a mentor in it.
    """
    if mentorship_request.mentor_id != by.pk:
        raise PermissionDenied("Only the mentor this request was sent to can answer it.")
    mentor = Participant.objects.select_for_update().get(pk=by.pk)
    locked = _lock_pending(mentorship_request)
    if not mentor_has_room(mentor=mentor):
        raise ValidationError(
            f"You already mentor {mentor.mentee_capacity} people, your limit. Raise your "
            "capacity in your availability settings, or decline this request."
        )
    partnership = partnership_start(
        mentor=mentor, mentee=locked.mentee, competency=locked.competency
    )
    now = timezone.now()
    locked.status = Status.ACCEPTED
    locked.responded_at = now
    locked.partnership = partnership
    locked.save(update_fields=["status", "responded_at", "partnership"])
    others = MentorshipRequest.objects.pending().filter(
        mentee=locked.mentee_id, competency=locked.competency_id
    )
    other_mentor_ids = list(others.values_list("mentor_id", flat=True))
    others.update(status=Status.WITHDRAWN, responded_at=now)
    participant_figures_refresh(participant_ids=other_mentor_ids)
    from mentorship.tasks import email_request_answered

    email_request_answered.enqueue(locked.pk)
    mentorship_request.refresh_from_db()
    return partnership


@transaction.atomic
def request_decline(
    *, mentorship_request: MentorshipRequest, by: Participant, reason: str = ""
) -> MentorshipRequest:
    """The addressed mentor declines, optionally saying why; the mentee is told."""
    if mentorship_request.mentor_id != by.pk:
        raise PermissionDenied("Only the mentor this request was sent to can answer it.")
    locked = _lock_pending(mentorship_request)
    locked.status = Status.DECLINED
    locked.responded_at = timezone.now()
    locked.decline_reason = reason.strip()
    locked.full_clean()
    locked.save(update_fields=["status", "responded_at", "decline_reason"])
    from mentorship.tasks import email_request_answered

    email_request_answered.enqueue(locked.pk)
    return locked


@transaction.atomic
def request_withdraw(
    *, mentorship_request: MentorshipRequest, by: Participant
) -> MentorshipRequest:
    """The mentee takes back a request that is still waiting."""
    if mentorship_request.mentee_id != by.pk:
        raise PermissionDenied("Only the participant who sent a request can withdraw it.")
    locked = _lock_pending(mentorship_request)
    locked.status = Status.WITHDRAWN
    locked.responded_at = timezone.now()
    locked.save(update_fields=["status", "responded_at"])
    return locked


@dataclass
class ProcessResult:
    reminded: int = 0
    expired: int = 0


def next_best_mentor_ids(*, mentorship_request: MentorshipRequest) -> list[int]:
    """The mentee's best other prospects in the same competency, for the expiry email."""
    ranked = find_mentors(mentorship_request.mentee, mentorship_request.competency)
    top = ranked[: NEXT_BEST_COUNT + 1]
    return [m.mentor.pk for m in top if m.mentor.pk != mentorship_request.mentor_id][
        :NEXT_BEST_COUNT
    ]


def requests_process_due(*, now: datetime | None = None) -> ProcessResult:
    """Remind mentors of old requests, then expire those left unanswered too long.

    Idempotent: each step is a conditional update on the row's state (reminded_at empty, status
    pending), so a request is reminded at most once and expires (and emails the mentee) once.
    """
    from mentorship.tasks import email_request_expired, email_request_reminder

    now = now or timezone.now()
    result = ProcessResult()
    pending = MentorshipRequest.objects.pending()
    overdue = pending.filter(created_at__lte=now - expiry_after())
    for request_id in list(overdue.values_list("pk", flat=True)):
        with transaction.atomic():
            if not pending.filter(pk=request_id).update(status=Status.EXPIRED, expired_at=now):
                continue
            expired = MentorshipRequest.objects.select_related("mentee", "competency").get(
                pk=request_id
            )
            email_request_expired.enqueue(
                request_id, next_best_mentor_ids(mentorship_request=expired)
            )
            result.expired += 1
    # Expiry changed request counts, and time alone moves the 30-day window ranking reads.
    participant_figures_refresh(participant_ids=mentor_ids_to_recheck(now=now), now=now)
    due = pending.filter(created_at__lte=now - reminder_after(), reminded_at__isnull=True)
    for request_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            if not due.filter(pk=request_id).update(reminded_at=now):
                continue
            email_request_reminder.enqueue(request_id)
            result.reminded += 1
    return result
