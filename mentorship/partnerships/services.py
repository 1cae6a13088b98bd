"""The life of a partnership: start, the ordered confirmation of its five steps, its end."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mentorship.models import Competency, CompetencyRating, Participant
from mentorship.partnerships.choices import Step
from mentorship.partnerships.completeness import step_problems
from mentorship.partnerships.models import Partnership, StepConfirmation
from mentorship.partnerships.selectors import confirmed_ids

PARTNERSHIP_LENGTH = datetime.timedelta(days=91)
# In these steps each person confirms their own contribution (their feedback, their assessment).
PERSONAL_STEPS = (Step.FEEDBACK, Step.ASSESSMENT)


@transaction.atomic
def partnership_start(
    *, mentor: Participant, mentee: Participant, competency: Competency
) -> Partnership:
    """Start a partnership when a mentor accepts a request; it ends about three months on."""
    started_at = timezone.now()
    partnership = Partnership(
        mentor=mentor,
        mentee=mentee,
        competency=competency,
        started_at=started_at,
        step_started_at=started_at,
        planned_end_date=(timezone.localtime(started_at) + PARTNERSHIP_LENGTH).date(),
    )
    partnership.full_clean()
    partnership.save()
    return partnership


def _lock(partnership: Partnership) -> None:
    """Serialise concurrent changes to one partnership, and work on its current state (the
    caller's instance is refreshed so it does not go stale)."""
    Partnership.objects.select_for_update().filter(pk=partnership.pk).values_list("pk").get()
    partnership.refresh_from_db()


def ensure_step_open(*, partnership: Partnership, step: int, by: Participant) -> None:
    """Refuse changes to a step that is not the open step of an active partnership of `by`'s.

    Keeps the order of steps: a step can be written in only while it is the current step, and a
    personal step (feedback, assessment) only until that person has submitted it.
    """
    if not partnership.is_member(by):
        raise PermissionDenied("Only the mentor and the mentee can change a partnership.")
    if not partnership.is_active:
        raise ValidationError("This partnership has ended; it can no longer be changed.")
    if step > partnership.current_step:
        raise ValidationError(
            f"This step opens once step {partnership.current_step} is confirmed by both of you."
        )
    if step < partnership.current_step:
        raise ValidationError("This step is confirmed and can no longer be changed.")
    if step in PERSONAL_STEPS and by.pk in confirmed_ids(partnership=partnership, step=step):
        raise ValidationError("You have already submitted this step.")


def withdraw_confirmations(*, partnership: Partnership, step: int) -> int:
    """Cancel confirmations of a shared step whose content changed after it was confirmed."""
    deleted, _ = partnership.confirmations.filter(step=step).delete()
    return deleted


@transaction.atomic
def step_confirm(*, partnership: Partnership, step: int, by: Participant) -> Partnership:
    """Record that `by` confirms `step`; when both have, the next step opens.

    Invariants: steps are confirmed in order (only the current step of an active partnership);
    a step is confirmed only when complete; confirming the last step completes the partnership.
    Confirming twice is harmless.
    """
    _lock(partnership)
    if not partnership.is_member(by):
        raise PermissionDenied("Only the mentor and the mentee can confirm a step.")
    confirmed = confirmed_ids(partnership=partnership, step=step)
    if by.pk in confirmed and step == partnership.current_step:
        return partnership
    ensure_step_open(partnership=partnership, step=step, by=by)
    problems = step_problems(partnership=partnership, step=step, by=by)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    StepConfirmation.objects.create(partnership=partnership, step=step, participant=by)
    _record_personal_submission(partnership=partnership, step=step, by=by, now=now)
    if confirmed | {by.pk} >= {partnership.mentor_id, partnership.mentee_id}:
        _advance(partnership=partnership, now=now)
    return partnership


def _record_personal_submission(*, partnership, step, by, now) -> None:
    if step == Step.FEEDBACK:
        partnership.feedback.filter(giver=by).update(submitted_at=now)
    elif step == Step.ASSESSMENT:
        assessment = partnership.assessments.get(participant=by)
        assessment.submitted_at = now
        assessment.save(update_fields=["submitted_at", "updated_at"])
        if by.pk == partnership.mentee_id:
            for rerating in assessment.reratings.select_related("competency"):
                competency_rerate(
                    participant=by, competency=rerating.competency, level=rerating.level
                )


def _advance(*, partnership: Partnership, now) -> None:
    if partnership.current_step == Step.AGREEMENT:
        # The agreed end date replaces the default one set when the partnership started.
        partnership.planned_end_date = partnership.agreement.planned_end_date
    if partnership.current_step == Step.ASSESSMENT:
        partnership.status = Partnership.Status.COMPLETED
        partnership.ended_at = now
    else:
        partnership.current_step += 1
        partnership.step_started_at = now
    partnership.full_clean()
    partnership.save()


@transaction.atomic
def competency_rerate(
    *, participant: Participant, competency: Competency, level: int
) -> CompetencyRating:
    """Set the participant's self-rated level in a competency (their profile), creating the
    rating if they had none; what they are willing to mentor or seeking stays as it was."""
    rating = CompetencyRating.objects.filter(participant=participant, competency=competency).first()
    if rating is None:
        rating = CompetencyRating(participant=participant, competency=competency)
    rating.level = level
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def partnership_end_early(*, partnership: Partnership, by: Participant, reason: str) -> Partnership:
    """End an active partnership before its final assessment, keeping who ended it and why.

    An ended partnership is never reopened and its step stays where it stopped.
    """
    _lock(partnership)
    if not partnership.is_member(by):
        raise PermissionDenied("Only the mentor and the mentee can end a partnership.")
    if not partnership.is_active:
        raise ValidationError("This partnership has already ended.")
    if not reason.strip():
        raise ValidationError({"reason": "Say briefly why the partnership is ending."})
    partnership.status = Partnership.Status.ENDED_EARLY
    partnership.ended_at = timezone.now()
    partnership.ended_by = by
    partnership.end_reason = reason.strip()
    partnership.full_clean()
    partnership.save()
    return partnership
