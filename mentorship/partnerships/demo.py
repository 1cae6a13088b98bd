"""Demo partnership: mentor@ mentors mentee@ with the agreement confirmed and a plan under way."""

import datetime

from django.utils import timezone

from mentorship.choices import MeetingMode
from mentorship.models import Competency, Participant
from mentorship.partnerships.choices import Step
from mentorship.partnerships.drafts import ObjectiveInput, agreement_save, objectives_save
from mentorship.partnerships.models import Partnership
from mentorship.partnerships.services import partnership_start, step_confirm

MENTOR_EMAIL = "mentor@example.org"
MENTEE_EMAIL = "mentee@example.org"


def load(*, command, options):
    mentor = Participant.objects.filter(user__email=MENTOR_EMAIL).first()
    mentee = Participant.objects.filter(user__email=MENTEE_EMAIL).first()
    competency = Competency.objects.filter(is_active=True).first()
    if not (mentor and mentee and competency):
        command.stdout.write("Partnerships demo skipped: the demo mentor and mentee do not exist.")
        return
    if not Partnership.objects.filter(mentor=mentor, mentee=mentee).exists():
        _build(mentor=mentor, mentee=mentee, competency=competency)
    command.stdout.write(
        f"Demo partnership: sign in as {MENTOR_EMAIL} or {MENTEE_EMAIL}, then open /partnerships/."
    )


def _build(*, mentor, mentee, competency) -> Partnership:
    """Step 1 agreed by both, and a plan under way: one objective complete, one still a draft."""
    partnership = partnership_start(mentor=mentor, mentee=mentee, competency=competency)
    agreement_save(
        partnership=partnership,
        by=mentee,
        expectations="We meet on time, come prepared with a question, and say so when something "
        "does not work.",
        confidentiality="What we discuss about clients and colleagues stays between us.",
        meeting_modes=[MeetingMode.VIDEO, MeetingMode.PHONE],
        frequency="Every two weeks, for an hour",
        planned_end_date=timezone.localdate() + datetime.timedelta(days=90),
    )
    for person in (mentee, mentor):
        step_confirm(partnership=partnership, step=Step.AGREEMENT, by=person)
    objectives_save(
        partnership=partnership,
        by=mentee,
        objectives=[
            ObjectiveInput(
                text="Run a group workshop on ethical dilemmas with confidence.",
                competency=competency,
                activities="Co-facilitate one session with my mentor, then lead one alone.",
                success_measure="Participants rate the session 4/5 or better; I feel ready.",
            ),
            ObjectiveInput(text="Document case notes faster without losing detail.",
                           competency=None),
        ],
    )
    return partnership
