"""Saving what the pair write in each step as they go. Drafts live in the database, so a lost
session or a closed tab loses nothing; every save checks the step is open to the writer."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mentorship.models import Competency, Participant
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import (
    Agreement,
    CompetencyReRating,
    Feedback,
    FinalAssessment,
    LearningObjective,
    Meeting,
    MeetingProgress,
    ObjectiveComment,
    Partnership,
)
from mentorship.partnerships.services import ensure_step_open, withdraw_confirmations


@transaction.atomic
def agreement_save(
    *,
    partnership: Partnership,
    by: Participant,
    expectations: str,
    confidentiality: str,
    meeting_modes: Sequence[str],
    frequency: str,
    planned_end_date: datetime.date | None,
) -> Agreement:
    """Save the step-1 agreement as written so far by either of the pair.

    A change withdraws earlier confirmations: what was confirmed is no longer what is written.
    """
    ensure_step_open(partnership=partnership, step=Step.AGREEMENT, by=by)
    agreement = Agreement.objects.filter(partnership=partnership).first() or Agreement(
        partnership=partnership
    )
    before = _agreement_values(agreement)
    agreement.expectations = expectations
    agreement.confidentiality = confidentiality
    agreement.meeting_modes = list(meeting_modes)
    agreement.frequency = frequency
    agreement.planned_end_date = planned_end_date
    agreement.full_clean()
    if agreement.pk is None or before != _agreement_values(agreement):
        agreement.save()
        withdraw_confirmations(partnership=partnership, step=Step.AGREEMENT)
    return agreement


def _agreement_values(agreement: Agreement) -> tuple:
    return (
        agreement.expectations,
        agreement.confidentiality,
        sorted(agreement.meeting_modes),
        agreement.frequency,
        agreement.planned_end_date,
    )


@dataclass(frozen=True)
class ObjectiveInput:
    text: str
    competency: Competency | None
    activities: str = ""
    success_measure: str = ""
    pk: int | None = None


@transaction.atomic
def objectives_save(
    *,
    partnership: Partnership,
    by: Participant,
    objectives: Sequence[ObjectiveInput],
    delete_pks: Sequence[int] = (),
) -> list[LearningObjective]:
    """Save the mentee's learning objectives (step 2) in the order given, deleting those asked.

    Only the mentee writes the plan. A change withdraws earlier confirmations of the plan.
    """
    ensure_step_open(partnership=partnership, step=Step.PLAN, by=by)
    if by.pk != partnership.mentee_id:
        raise PermissionDenied("The mentee writes the learning objectives.")
    existing = {objective.pk: objective for objective in partnership.objectives.all()}
    changed = False
    for pk in delete_pks:
        if pk in existing:
            existing.pop(pk).delete()
            changed = True
    saved = []
    for order, item in enumerate(objectives):
        objective = existing.get(item.pk) if item.pk else None
        if objective is None:
            objective = LearningObjective(partnership=partnership)
        values = (item.text, item.competency, item.activities, item.success_measure, order)
        current = (
            objective.text,
            objective.competency,
            objective.activities,
            objective.success_measure,
            objective.order,
        )
        if objective.pk is None or values != current:
            objective.text, objective.competency = item.text, item.competency
            objective.activities, objective.success_measure = item.activities, item.success_measure
            objective.order = order
            objective.full_clean()
            objective.save()
            changed = True
        saved.append(objective)
    if changed:
        withdraw_confirmations(partnership=partnership, step=Step.PLAN)
    return saved


@transaction.atomic
def objective_comment_add(
    *, objective: LearningObjective, by: Participant, text: str
) -> ObjectiveComment:
    """The mentor comments on one of the mentee's objectives while the plan is open."""
    partnership = objective.partnership
    ensure_step_open(partnership=partnership, step=Step.PLAN, by=by)
    if by.pk != partnership.mentor_id:
        raise PermissionDenied("The mentor comments on the plan.")
    comment = ObjectiveComment(objective=objective, author=by, text=text.strip())
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def meeting_add(
    *,
    partnership: Partnership,
    by: Participant,
    date: datetime.date,
    mode: str,
    covered: str,
    progress: dict[int, str] | None = None,
) -> Meeting:
    """Log a meeting of step 3 with a progress note per objective (blank notes are skipped).

    A meeting cannot be dated in the future or before the partnership started.
    """
    ensure_step_open(partnership=partnership, step=Step.PRACTICE, by=by)
    if date > timezone.localdate():
        raise ValidationError({"date": "A meeting cannot be logged before it happens."})
    if date < timezone.localtime(partnership.started_at).date():
        raise ValidationError({"date": "This date is before the partnership started."})
    meeting = Meeting(partnership=partnership, date=date, mode=mode, covered=covered, logged_by=by)
    meeting.full_clean()
    meeting.save()
    objectives = {objective.pk: objective for objective in partnership.objectives.all()}
    for objective_pk, note in (progress or {}).items():
        if note.strip() and objective_pk in objectives:
            MeetingProgress.objects.create(
                meeting=meeting, objective=objectives[objective_pk], note=note.strip()
            )
    return meeting


@transaction.atomic
def feedback_save(
    *,
    partnership: Partnership,
    by: Participant,
    strengths: str,
    suggestions: str,
    rating: int | None,
) -> Feedback:
    """Save `by`'s feedback to the other person as a draft, until they submit it."""
    ensure_step_open(partnership=partnership, step=Step.FEEDBACK, by=by)
    feedback = Feedback.objects.filter(partnership=partnership, giver=by).first() or Feedback(
        partnership=partnership, giver=by, receiver=partnership.other(by)
    )
    feedback.strengths, feedback.suggestions, feedback.rating = strengths, suggestions, rating
    feedback.full_clean()
    feedback.save()
    return feedback


@transaction.atomic
def assessment_save(
    *,
    partnership: Partnership,
    by: Participant,
    quality: int | None,
    effectiveness: int | None,
    satisfaction: int | None,
    comments: str,
    levels: dict[int, int | None] | None = None,
) -> FinalAssessment:
    """Save `by`'s final assessment as a draft; the mentee's re-ratings are kept with it and
    reach their profile only when the assessment is submitted."""
    ensure_step_open(partnership=partnership, step=Step.ASSESSMENT, by=by)
    assessment = FinalAssessment.objects.filter(
        partnership=partnership, participant=by
    ).first() or FinalAssessment(partnership=partnership, participant=by)
    assessment.quality, assessment.effectiveness = quality, effectiveness
    assessment.satisfaction, assessment.comments = satisfaction, comments
    assessment.full_clean()
    assessment.save()
    if by.pk == partnership.mentee_id and levels:
        competencies = Competency.objects.in_bulk(list(levels))
        for competency_pk, level in levels.items():
            if level is None:
                assessment.reratings.filter(competency_id=competency_pk).delete()
            elif competency_pk in competencies:
                rerating = assessment.reratings.filter(competency_id=competency_pk).first()
                rerating = rerating or CompetencyReRating(
                    assessment=assessment, competency=competencies[competency_pk]
                )
                rerating.level = level
                rerating.full_clean()
                rerating.save()
    return assessment
