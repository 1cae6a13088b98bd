"""Study records built directly (no randomization), so report and export tests control exactly
who is in which arm with which answers."""

import itertools

from django.utils import timezone

from mentorship.models import Competency
from surveys.models import (
    Allocation,
    Answer,
    Item,
    RandomizationScheme,
    Response,
    Wave,
)
from surveys.services.responses import current_version
from tests.factories import ParticipantFactory
from tests.surveys.factories import EnrolmentFactory

_positions = itertools.count(1)


def _scheme():
    return RandomizationScheme.objects.filter(active=True).first()


def submit_wave(participant, wave, *, levels=None, answers=None, when=None):
    """A submitted response: competency levels {code: level} and other answers
    {item code: option code | [option codes] | number | text}."""
    version = current_version(wave=wave)
    response = Response.objects.create(
        participant=participant, wave=wave, version=version, submitted_at=when or timezone.now()
    )
    items = {
        i.code: i for i in Item.objects.filter(page__version=version).prefetch_related("options")
    }
    rows = []
    grid = next((i for i in items.values() if i.type == Item.Type.COMPETENCY_GRID), None)
    for code, level in (levels or {}).items():
        rows.append(
            Answer(
                response=response,
                item=grid,
                competency=Competency.objects.get(code=code),
                value_int=level,
            )
        )
    for code, value in (answers or {}).items():
        item = items[code]
        options = {o.code: o for o in item.options.all()}
        if item.type == Item.Type.MULTI_CHOICE:
            rows += [Answer(response=response, item=item, option=options[v]) for v in value]
        elif item.type in (Item.Type.SINGLE_CHOICE, Item.Type.LIKERT):
            rows.append(
                Answer(
                    response=response,
                    item=item,
                    option=options[value],
                    value_int=options[value].value,
                )
            )
        elif item.type == Item.Type.NUMBER:
            rows.append(Answer(response=response, item=item, value_decimal=value))
        else:
            rows.append(Answer(response=response, item=item, value_text=value))
    Answer.objects.bulk_create(rows)
    return response


def study_participant(
    *,
    arm="immediate",
    case_study=False,
    baseline=None,
    follow_up=None,
    baseline_answers=None,
    follow_up_answers=None,
    baseline_at=None,
    **kwargs,
):
    """An enrolled participant with a submitted baseline and, unless case_study, an allocation.
    `baseline`/`follow_up` are competency levels {code: level}; follow_up=None means no
    follow-up response."""
    participant = kwargs.pop("participant", None) or ParticipantFactory(
        without_access=True, **kwargs
    )
    when = baseline_at or timezone.now()
    enrolment = EnrolmentFactory(
        participant=participant,
        consented_at=when,
        baseline_submitted_at=when,
        route="case_study" if case_study else "randomized",
    )
    submit_wave(
        participant, Wave.BASELINE, levels=baseline or {}, answers=baseline_answers, when=when
    )
    if not case_study:
        Allocation.objects.create(
            participant=participant,
            scheme=_scheme(),
            stratum="all",
            position=next(_positions),
            arm=arm,
            allocated_at=when,
        )
    if follow_up is not None or follow_up_answers:
        submit_wave(participant, Wave.FOLLOW_UP, levels=follow_up or {}, answers=follow_up_answers)
    enrolment.refresh_from_db()
    return participant
