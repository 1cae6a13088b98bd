"""Partnerships for tests, and a helper that walks one through its steps with the real services."""

import datetime

import factory
from django.utils import timezone

from mentorship.choices import Level, MeetingMode
from mentorship.models import Competency
from mentorship.partnerships import drafts
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Partnership
from mentorship.partnerships.services import step_confirm
from tests.factories import ParticipantFactory


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    mentor = factory.SubFactory(ParticipantFactory)
    mentee = factory.SubFactory(ParticipantFactory)
    competency = factory.LazyFunction(lambda: Competency.objects.order_by("sort_order").first())
    started_at = factory.LazyFunction(timezone.now)
    step_started_at = factory.SelfAttribute("started_at")
    planned_end_date = factory.LazyAttribute(
        lambda o: (timezone.localtime(o.started_at) + datetime.timedelta(days=91)).date()
    )


def write_agreement(partnership, by=None, **overrides):
    values = {
        "expectations": "Come prepared.",
        "confidentiality": "Client details stay between us.",
        "meeting_modes": [MeetingMode.VIDEO],
        "frequency": "Every two weeks",
        "planned_end_date": timezone.localdate() + datetime.timedelta(days=80),
    }
    values.update(overrides)
    return drafts.agreement_save(partnership=partnership, by=by or partnership.mentee, **values)


def write_plan(partnership, competency=None):
    return drafts.objectives_save(
        partnership=partnership,
        by=partnership.mentee,
        objectives=[
            drafts.ObjectiveInput(
                text="Lead a workshop",
                competency=competency or partnership.competency,
                activities="Co-facilitate, then lead",
                success_measure="Good ratings",
            )
        ],
    )


def confirm_both(partnership, step):
    for person in (partnership.mentee, partnership.mentor):
        step_confirm(partnership=partnership, step=step, by=person)
    partnership.refresh_from_db()


def advance_to(partnership, step: int):
    """Complete every step before `step` the way the pair would (from wherever it is now)."""
    partnership.refresh_from_db()
    at = partnership.current_step
    if at <= Step.AGREEMENT < step:
        write_agreement(partnership)
        confirm_both(partnership, Step.AGREEMENT)
    if at <= Step.PLAN < step:
        write_plan(partnership)
        confirm_both(partnership, Step.PLAN)
    if at <= Step.PRACTICE < step:
        drafts.meeting_add(
            partnership=partnership, by=partnership.mentor, date=timezone.localdate(),
            mode=MeetingMode.PHONE, covered="Role play",
        )
        confirm_both(partnership, Step.PRACTICE)
    if at <= Step.FEEDBACK < step:
        for person in (partnership.mentee, partnership.mentor):
            drafts.feedback_save(
                partnership=partnership, by=person, strengths="Listens", suggestions="More time",
                rating=4,
            )
        confirm_both(partnership, Step.FEEDBACK)
    partnership.refresh_from_db()
    return partnership


def assess(partnership, person, level=Level.ADVANCED):
    levels = {}
    if person.pk == partnership.mentee_id:
        from mentorship.partnerships.selectors import competencies_worked_on

        levels = {c.pk: level for c in competencies_worked_on(partnership=partnership)}
    return drafts.assessment_save(
        partnership=partnership, by=person, quality=4, effectiveness=5, satisfaction=4,
        comments="", levels=levels,
    )
