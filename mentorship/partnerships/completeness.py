"""What each step needs before it can be confirmed. A draft may be incomplete; a confirmed step
may not. Each check returns {field name: [messages]}; "__all__" holds messages for the step."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone

from mentorship.models import Participant
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Agreement, Feedback, FinalAssessment, Partnership
from mentorship.partnerships.selectors import competencies_worked_on

REQUIRED = "Fill this in before confirming."


def _blank_fields(obj, names) -> dict[str, list[str]]:
    return {name: [REQUIRED] for name in names if getattr(obj, name) in (None, "", [])}


def agreement_problems(partnership: Partnership, by: Participant) -> dict:
    agreement = Agreement.objects.filter(partnership=partnership).first()
    if agreement is None:
        return {NON_FIELD_ERRORS: ["Write the agreement before confirming it."]}
    problems = _blank_fields(
        agreement,
        ["expectations", "confidentiality", "meeting_modes", "frequency", "planned_end_date"],
    )
    if agreement.planned_end_date and agreement.planned_end_date <= timezone.localdate():
        problems["planned_end_date"] = ["The planned end date must be in the future."]
    return problems


def plan_problems(partnership: Partnership, by: Participant) -> dict:
    objectives = list(partnership.objectives.all())
    if not objectives:
        return {NON_FIELD_ERRORS: ["Add at least one learning objective."]}
    incomplete = [
        objective
        for objective in objectives
        if not (objective.competency_id and objective.activities and objective.success_measure)
    ]
    if incomplete:
        return {
            NON_FIELD_ERRORS: [
                "Each objective needs a competency, activities and how you will know it worked."
            ]
        }
    return {}


def practice_problems(partnership: Partnership, by: Participant) -> dict:
    if not partnership.meetings.exists():
        return {NON_FIELD_ERRORS: ["Log at least one meeting before moving on to feedback."]}
    return {}


def feedback_problems(partnership: Partnership, by: Participant) -> dict:
    feedback = Feedback.objects.filter(partnership=partnership, giver=by).first()
    if feedback is None:
        return {NON_FIELD_ERRORS: ["Write your feedback before submitting it."]}
    return _blank_fields(feedback, ["strengths", "suggestions", "rating"])


def assessment_problems(partnership: Partnership, by: Participant) -> dict:
    assessment = FinalAssessment.objects.filter(partnership=partnership, participant=by).first()
    if assessment is None:
        return {NON_FIELD_ERRORS: ["Fill in your assessment before submitting it."]}
    problems = _blank_fields(assessment, ["quality", "effectiveness", "satisfaction"])
    if by.pk == partnership.mentee_id:
        rated = set(assessment.reratings.values_list("competency_id", flat=True))
        for competency in competencies_worked_on(partnership=partnership):
            if competency.pk not in rated:
                problems[f"level_{competency.pk}"] = [REQUIRED]
    return problems


STEP_CHECKS = {
    Step.AGREEMENT: agreement_problems,
    Step.PLAN: plan_problems,
    Step.PRACTICE: practice_problems,
    Step.FEEDBACK: feedback_problems,
    Step.ASSESSMENT: assessment_problems,
}


def step_problems(*, partnership: Partnership, step: int, by: Participant) -> dict:
    """What is missing before `by` can confirm `step` (empty when it can be confirmed)."""
    return STEP_CHECKS[Step(step)](partnership, by)
