"""The follow-up wave: inviting and reminding, completing, and Group 2's release."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.models import Participant
from surveys.followup import schedule
from surveys.followup.models import FollowUpContact, FollowUpStanding
from surveys.models import Arm, Enrolment, Response, Wave
from surveys.research.selectors import contactable, is_withdrawn
from surveys.selectors import follow_up_opens
from surveys.services.access import issue_access_code
from surveys.services.responses import submit_response


def _standing(participant: Participant) -> FollowUpStanding:
    standing, _ = FollowUpStanding.objects.get_or_create(participant=participant)
    return standing


def has_completed(*, participant: Participant) -> bool:
    return (
        Response.objects.submitted().filter(participant=participant, wave=Wave.FOLLOW_UP).exists()
    )


def is_open_for(*, participant: Participant, today: datetime.date | None = None) -> bool:
    """The follow-up is open from its date to anyone enrolled who has not withdrawn."""
    enrolment = Enrolment.objects.filter(participant=participant).first()
    opens = follow_up_opens(enrolment) if enrolment else None
    today = today or timezone.localdate()
    return opens is not None and opens <= today and not is_withdrawn(participant=participant)


def candidates(*, today: datetime.date):
    """Participants whose follow-up has opened and who may still be contacted."""
    from surveys.selectors import follow_up_after_days

    days = follow_up_after_days()
    latest_baseline = timezone.make_aware(
        datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min)
    ) - datetime.timedelta(days=days)
    completed = Response.objects.submitted().filter(wave=Wave.FOLLOW_UP)
    people = Participant.objects.filter(
        enrolment__baseline_submitted_at__lt=latest_baseline
    ).exclude(pk__in=completed.values("participant_id"))
    people = people.exclude(follow_up_standing__bounced=True).exclude(
        follow_up_standing__non_respondent_at__isnull=False
    )
    return contactable(people).select_related("enrolment").order_by("pk")


def send_follow_up_invitations(*, today: datetime.date | None = None) -> dict:
    """Send each due invitation or reminder once; flag non-respondents. Idempotent: the unique
    (participant, number) row is written before the email is queued, so a rerun (or a second
    worker) never sends the same message twice."""
    from surveys.followup.tasks import send_follow_up_contact

    today = today or timezone.localdate()
    counts = {"sent": 0, "non_respondents": 0}
    for participant in candidates(today=today).iterator(chunk_size=500):
        opens_on = follow_up_opens(participant.enrolment)
        if opens_on is None or opens_on > today:
            continue
        if today >= schedule.non_respondent_from(opens_on):
            standing = _standing(participant)
            standing.non_respondent_at = timezone.now()
            standing.save(update_fields=["non_respondent_at"])
            counts["non_respondents"] += 1
            continue
        sent = set(participant.follow_up_contacts.values_list("number", flat=True))
        number = schedule.contact_due(opens_on=opens_on, today=today, sent=sent)
        if number is None:
            continue
        try:
            with transaction.atomic():
                contact = FollowUpContact.objects.create(participant=participant, number=number)
        except IntegrityError:
            continue
        _standing(participant)  # gives administrators a row on which to mark a bounce
        send_follow_up_contact.enqueue(contact.pk)
        counts["sent"] += 1
    return counts


@transaction.atomic
def complete_follow_up(*, participant: Participant) -> Response:
    """Submit the follow-up and, for Group 2, release the platform at once by issuing their
    access code through the survey engine. Idempotent: a repeat submits nothing new and issues
    no second code (issue_access_code returns the usable one)."""
    response = Response.objects.get(participant=participant, wave=Wave.FOLLOW_UP)
    response = submit_response(response=response)  # raises IncompleteResponse
    release_group_2(participant=participant)
    return response


def release_group_2(*, participant: Participant) -> bool:
    """Issue Group 2's access code once their follow-up is in; True when released now."""
    allocation = getattr(participant, "allocation", None)
    if allocation is None or allocation.effective_arm != Arm.DELAYED:
        return False
    if participant.has_access or not has_completed(participant=participant):
        return False
    standing = _standing(participant)
    if standing.group_2_released_at is not None:
        return False
    issue_access_code(participant=participant)
    standing.group_2_released_at = timezone.now()
    standing.save(update_fields=["group_2_released_at"])
    return True


def mark_bounced(*, participant: Participant, bounced: bool = True) -> FollowUpStanding:
    """An administrator records that email to this participant bounces; contact stops and the
    participant counts as a non-respondent."""
    standing = _standing(participant)
    standing.bounced = bounced
    standing.full_clean()
    standing.save(update_fields=["bounced"])
    return standing
