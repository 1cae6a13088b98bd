"""Reads for the partnership pages and reminders."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from mentorship.models import Competency, Participant
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Partnership

STEP_URL_NAMES = {
    Step.AGREEMENT: "partnerships:agreement",
    Step.PLAN: "partnerships:plan",
    Step.PRACTICE: "partnerships:practice",
    Step.FEEDBACK: "partnerships:feedback",
    Step.ASSESSMENT: "partnerships:assessment",
}
STEP_SUMMARIES = {
    Step.AGREEMENT: (
        "Agree expectations, confidentiality, how often and how to meet, the end date."
    ),
    Step.PLAN: "The mentee sets learning objectives; the mentor comments.",
    Step.PRACTICE: "Meet, practise, and log each meeting and the progress made.",
    Step.FEEDBACK: "Each of you gives the other structured feedback.",
    Step.ASSESSMENT: "Each of you rates the partnership; the mentee re-rates their competencies.",
}


def participant_of(user) -> Participant | None:
    """The participant record of a signed-in user, or None (staff, anonymous)."""
    if not user.is_authenticated:
        return None
    return Participant.objects.filter(user=user).first()


def partnerships_for(*, participant: Participant) -> QuerySet[Partnership]:
    return Partnership.objects.involving(participant).select_related(
        "mentor__user", "mentee__user", "competency"
    )


def confirmed_ids(*, partnership: Partnership, step: int) -> set[int]:
    """Ids of the participants who have confirmed `step`."""
    return set(
        partnership.confirmations.filter(step=step).values_list("participant_id", flat=True)
    )


def competencies_worked_on(*, partnership: Partnership) -> list[Competency]:
    """The partnership's competency and those of its learning objectives, in the usual order."""
    ids = {partnership.competency_id}
    ids.update(
        partnership.objectives.exclude(competency=None).values_list("competency_id", flat=True)
    )
    return list(Competency.objects.filter(pk__in=ids))


@dataclass(frozen=True)
class StepState:
    number: int
    title: str
    summary: str
    state: str  # "done", "current" or "upcoming"
    url: str
    note: str = ""

    @property
    def is_current(self) -> bool:
        return self.state == "current"


def display_name(participant: Participant) -> str:
    return participant.user.get_full_name() or str(participant)


def _next_action(step: int, viewer_is_mentee: bool, other: str) -> str:
    """What the viewer does next in the current step, in a sentence."""
    if step == Step.AGREEMENT:
        return f"Write the agreement with {other}, then confirm it."
    if step == Step.PLAN and viewer_is_mentee:
        return "Write your learning objectives, then confirm the plan."
    if step == Step.PLAN:
        return f"Read {other}'s learning objectives, comment, then confirm the plan."
    if step == Step.PRACTICE:
        return "Meet, and log each meeting; confirm when you are ready for feedback."
    if step == Step.FEEDBACK:
        return f"Write your feedback to {other} and submit it."
    return "Complete and submit your final assessment."


def _current_note(partnership: Partnership, viewer: Participant) -> str:
    step = partnership.current_step
    confirmed = confirmed_ids(partnership=partnership, step=step)
    other = display_name(partnership.other(viewer))
    if viewer.pk in confirmed:
        return f"You are done with this step; waiting for {other}."
    action = _next_action(step, viewer.pk == partnership.mentee_id, other)
    if partnership.other(viewer).pk in confirmed:
        return f"Your turn: {other} is done. {action}"
    return f"Your turn: {action}"


def stepper(*, partnership: Partnership, viewer: Participant) -> list[StepState]:
    """The five steps as the pair sees them: done, current (with what is next) or upcoming."""
    states = []
    for step in Step:
        if partnership.status == Partnership.Status.COMPLETED or step < partnership.current_step:
            state, note = "done", "Done"
        elif step == partnership.current_step and partnership.is_active:
            state, note = "current", _current_note(partnership, viewer)
        elif step == partnership.current_step:
            state, note = "current", "Stopped here: the partnership ended early."
        else:
            state, note = "upcoming", "Opens when the step before is confirmed by both."
        states.append(
            StepState(
                number=step.value,
                title=step.label,
                summary=STEP_SUMMARIES[step],
                state=state,
                url=reverse(STEP_URL_NAMES[step], args=[partnership.pk]),
                note=note,
            )
        )
    return states
