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


def _current_note(partnership: Partnership, viewer: Participant) -> str:
    confirmed = confirmed_ids(partnership=partnership, step=partnership.current_step)
    other = partnership.other(viewer)
    if viewer.pk in confirmed:
        return f"You have confirmed; waiting for {other.user.get_full_name() or other}."
    if other.pk in confirmed:
        return f"{other.user.get_full_name() or other} has confirmed; your turn."
    return "In progress: both of you confirm when it is done."


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
