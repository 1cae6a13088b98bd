"""Row generators for the wide and long files. Participants are read in primary-key chunks and
each chunk's answers in one query, so memory stays bounded by the chunk size whatever the study's
size (the benchmark in benchmarks/export_research.py measures it)."""

import re
from collections import defaultdict
from collections.abc import Iterator

from django.apps import apps
from django.conf import settings
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from mentorship.models import Participant
from surveys.models import AllocationCorrection, Answer, Item, Response, Wave
from surveys.research.export.variables import WAVE_PREFIX, Variable
from surveys.research.pseudonyms import pseudonymizer

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(\+?\d[\d\s().-]{7,}\d)")


def redact(text: str) -> str:
    """Free text may carry contact details; they never reach a research file."""
    return PHONE.sub("[phone removed]", EMAIL.sub("[email removed]", text))


def _chunk_size() -> int:
    return getattr(settings, "RESEARCH_EXPORT_CHUNK_SIZE", 2000)


def study_participants():
    """Everyone enrolled in the study, with the effective arm (corrections applied)."""
    latest_correction = (
        AllocationCorrection.objects.filter(allocation__participant=OuterRef("pk"))
        .order_by("-corrected_at", "-pk")
        .values("new_arm")[:1]
    )
    return (
        Participant.objects.filter(enrolment__isnull=False)
        .annotate(effective_arm=Coalesce(Subquery(latest_correction), "allocation__arm"))
        .order_by("pk")
    )


def _chunks(queryset) -> Iterator[list]:
    size = _chunk_size()
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def _date(value):
    return value.date().isoformat() if value else ""


def _variable_value(code, wave, kind, option, option_value, competency, v_int, v_dec, v_text):
    """The (variable name, value) one answer row fills."""
    prefix = f"{WAVE_PREFIX[wave]}_{code}"
    if kind == Item.Type.COMPETENCY_GRID:
        return f"{prefix}__{competency}", v_int
    if kind == Item.Type.MULTI_CHOICE:
        return f"{prefix}__{option}", 1
    if kind == Item.Type.LIKERT:
        return prefix, option_value
    if kind == Item.Type.SINGLE_CHOICE:
        return prefix, option
    if kind == Item.Type.NUMBER:
        return prefix, v_dec
    return prefix, redact(v_text)


def _answer_cells(answer_rows) -> dict:
    """(participant id) -> {variable name: value} for one chunk of answers."""
    cells: dict[int, dict] = defaultdict(dict)
    for pid, wave, code, kind, *values in answer_rows:
        name, value = _variable_value(code, wave, kind, *values)
        cells[pid][name] = value
    return cells


ANSWER_FIELDS = (
    "response__participant_id",
    "response__wave",
    "item__code",
    "item__type",
    "option__code",
    "option__value",
    "competency__code",
    "value_int",
    "value_decimal",
    "value_text",
)


def _answers(participant_ids):
    return Answer.objects.filter(
        response__participant_id__in=participant_ids, response__submitted_at__isnull=False
    ).values_list(*ANSWER_FIELDS)


def _engagement(participant_ids) -> dict[int, dict]:
    counts = (
        Participant.objects.filter(pk__in=participant_ids)
        .annotate(
            searches=Count("search_logs", distinct=True),
            requests=Count("requests_sent", distinct=True),
        )
        .values_list("pk", "profile_updated_at", "searches", "requests")
    )
    result = {
        pk: {
            "eng_profile": int(updated is not None),
            "eng_searches": s,
            "eng_requests": r,
            "eng_partnerships": 0,
            "eng_training_done": 0,
        }
        for pk, updated, s, r in counts
    }
    if apps.is_installed("mentorship.partnerships"):
        Partnership = apps.get_model("partnerships", "Partnership")
        for row in Partnership.objects.filter(
            Q(mentor_id__in=participant_ids) | Q(mentee_id__in=participant_ids)
        ).values_list("mentor_id", "mentee_id"):
            for pk in set(row):
                if pk in result:
                    result[pk]["eng_partnerships"] += 1
    if apps.is_installed("training.progress"):
        VideoProgress = apps.get_model("training_progress", "VideoProgress")
        done = (
            VideoProgress.objects.filter(
                participant_id__in=participant_ids, completed_at__isnull=False
            )
            .values("participant_id")
            .annotate(n=Count("page_id", distinct=True))
            .values_list("participant_id", "n")
        )
        for pk, n in done:
            result[pk]["eng_training_done"] = n
    return result


def _study_dates(participant_ids) -> dict[int, dict]:
    dates: dict[int, dict] = defaultdict(dict)
    for pk, submitted in Response.objects.filter(
        participant_id__in=participant_ids, wave=Wave.FOLLOW_UP, submitted_at__isnull=False
    ).values_list("participant_id", "submitted_at"):
        dates[pk]["follow_up_on"] = _date(submitted)
    Withdrawal = apps.get_model("research", "Withdrawal")
    for pk, at, deleted in Withdrawal.objects.filter(
        participant_id__in=participant_ids
    ).values_list("participant_id", "withdrawn_at", "survey_data_deleted_at"):
        dates[pk]["withdrawn_on"] = _date(at)
        dates[pk]["data_deleted"] = int(deleted is not None)
    return dates


def wide_rows(variables: list[Variable]) -> Iterator[list]:
    """Header, then one row per participant, in the order of `variables`."""
    names = [v.name for v in variables]
    yield names
    pid = pseudonymizer()
    queryset = study_participants().select_related(
        "user", "organization", "enrolment", "allocation"
    )
    for chunk in _chunks(queryset):
        ids = [p.pk for p in chunk]
        cells = _answer_cells(_answers(ids))
        engagement = _engagement(ids)
        dates = _study_dates(ids)
        for p in chunk:
            allocation = getattr(p, "allocation", None)
            row = {
                "pid": pid(p.pk),
                "email": p.user.email,
                "first_name": p.user.first_name,
                "last_name": p.user.last_name,
                "arm": p.effective_arm or "",
                "route": p.enrolment.route,
                "organization_type": p.organization.organization_type if p.organization else "",
                "region": p.region,
                "consented_on": _date(p.enrolment.consented_at),
                "baseline_on": _date(p.enrolment.baseline_submitted_at),
                "allocated_on": _date(allocation.allocated_at) if allocation else "",
                "data_deleted": 0,
                **dates.get(p.pk, {}),
                **engagement.get(p.pk, {}),
            }
            answered = cells.get(p.pk, {})
            for variable in variables:
                if variable.source and variable.type == "binary":
                    # A multi-choice option not chosen is 0 once the question was answered.
                    wave = variable.source[0]
                    answered.setdefault(variable.name, 0 if _answered_wave(row, wave) else "")
            row.update(answered)
            yield [_cell(row.get(name, "")) for name in names]


def _answered_wave(row: dict, wave: str) -> bool:
    return bool(row["baseline_on"] if wave == Wave.BASELINE else row.get("follow_up_on"))


def _cell(value):
    return "" if value is None else value


LONG_HEADER = ["pid", "arm", "route", "wave", "item", "variable", "value"]


def long_rows() -> Iterator[list]:
    """Header, then one row per participant, wave and answered variable (a multi-choice item
    gives one row per option chosen; a competency grid one row per competency)."""
    yield LONG_HEADER
    pid = pseudonymizer()
    queryset = study_participants()
    for chunk in _chunks(queryset.only("pk", "enrolment__route").select_related("enrolment")):
        meta = {p.pk: (pid(p.pk), p.effective_arm or "", p.enrolment.route) for p in chunk}
        ids = list(meta)
        rows = _answers(ids).order_by(
            "response__participant_id",
            "response__wave",
            "item__page__number",
            "item__order",
            "pk",
        )
        for participant_id, wave, code, kind, *values in rows.iterator(chunk_size=_chunk_size()):
            variable, value = _variable_value(code, wave, kind, *values)
            yield [*meta[participant_id], wave, code, variable, _cell(value)]
