"""Writes of the engagement work: check-ins by staff and the automatic nudges."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from mentorship.engagement.models import (
    CheckIn,
    CheckInTemplate,
    EngagementSettings,
    Nudge,
    Situation,
)
from mentorship.engagement.stuck import stuck
from mentorship.engagement.tasks import send_check_in_email
from mentorship.models import Participant
from surveys.research.selectors import contactable


def _enqueue_email(check_in: CheckIn) -> None:
    transaction.on_commit(lambda: send_check_in_email.enqueue(check_in.pk))


@transaction.atomic
def check_in_send(
    *,
    participants: list[Participant],
    template: CheckInTemplate,
    by,
    note: str = "",
    situation: str = "",
) -> list[CheckIn]:
    """Email the template to each participant and record one check-in per person.

    The email text is stored as sent (the template may be edited later); emails go out only
    after the records are committed, so a failed transaction sends nothing.
    """
    check_ins = []
    for participant in participants:
        subject, body = template.render(participant=participant)
        check_in = CheckIn(
            participant=participant,
            by=by,
            template=template,
            situation=situation,
            emailed=True,
            subject=subject,
            body=body,
            note=note,
        )
        check_in.full_clean()
        check_in.save()
        _enqueue_email(check_in)
        check_ins.append(check_in)
    return check_ins


def check_in_note(*, participant: Participant, by, note: str, situation: str = "") -> CheckIn:
    """Record a check-in that happened elsewhere (a call, a conversation); no email is sent."""
    check_in = CheckIn(participant=participant, by=by, note=note, situation=situation)
    check_in.full_clean()
    check_in.save()
    return check_in


def nudges_send(*, now: datetime | None = None) -> dict[str, int]:
    """Send the automatic nudge to everyone stuck, once per participant, situation and key.

    Idempotent: the Nudge row is written before the email is queued and is unique, so running
    the command again (or twice at once) sends nothing new. Situations without a nudge
    template are skipped. Returns how many nudges each situation sent.
    """
    thresholds = EngagementSettings.load()
    sent = {situation: 0 for situation in Situation.values}
    if not thresholds.nudges_enabled:
        return sent
    now = now or timezone.now()
    templates = {t.nudge_for: t for t in CheckInTemplate.objects.exclude(nudge_for=None)}
    for situation in Situation.values:
        template = templates.get(situation)
        if template is None:
            continue
        already = Nudge.objects.filter(
            participant=OuterRef("pk"), situation=situation, key=OuterRef("key")
        )
        # Someone who withdrew from the study is never contacted automatically again.
        candidates = contactable(
            stuck(situation, thresholds=thresholds, now=now).exclude(Exists(already))
        )
        for participant in candidates.iterator(chunk_size=500):
            if _nudge(participant=participant, situation=situation, template=template, now=now):
                sent[situation] += 1
    return sent


def _nudge(*, participant, situation: str, template: CheckInTemplate, now) -> bool:
    try:
        with transaction.atomic():
            Nudge.objects.create(
                participant=participant, situation=situation, key=participant.key, sent_at=now
            )
            subject, body = template.render(participant=participant)
            check_in = CheckIn.objects.create(
                participant=participant,
                by=None,
                at=now,
                template=template,
                situation=situation,
                emailed=True,
                subject=subject,
                body=body,
                note="Automatic nudge.",
            )
            _enqueue_email(check_in)
    except IntegrityError:
        return False  # another run nudged them first
    return True
