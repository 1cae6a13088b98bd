"""What happens when a baseline is submitted: the profile gets the self-ratings, then the
participant is placed (case-study access, held for a duplicate check, or randomized)."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from mentorship.choices import Region
from mentorship.models import CompetencyRating, Participant
from surveys import randomization
from surveys.models import Allocation, Arm, DuplicateFlag, Enrolment, Item, Response, Wave
from surveys.services.access import grant_access, issue_access_code
from surveys.services.responses import submit_response

MENTOR_TOPICS_ITEM = "mentor_topics"
REGION_ITEM = "region"


def likely_duplicates(*, participant: Participant) -> QuerySet:
    """Other accounts with the same first and last name (any case) at the same organization."""
    user = participant.user
    if not (user.first_name and user.last_name and participant.organization_id):
        return Participant.objects.none()
    return Participant.objects.filter(
        organization_id=participant.organization_id,
        user__first_name__iexact=user.first_name,
        user__last_name__iexact=user.last_name,
    ).exclude(pk=participant.pk)


def carry_over_ratings(*, participant: Participant, response: Response) -> None:
    """Baseline self-ratings become the profile's competency ratings (editable there); topics
    they expect to seek a mentor in mark `seeking_mentor`."""
    answers = response.answers.select_related("item", "option", "competency")
    levels = {
        a.competency: a.value_int for a in answers if a.item.type == Item.Type.COMPETENCY_GRID
    }
    topics = {a.option.code for a in answers if a.item.code == MENTOR_TOPICS_ITEM and a.option_id}
    for competency, level in levels.items():
        rating, _ = CompetencyRating.objects.get_or_create(
            participant=participant,
            competency=competency,
            defaults={"level": level, "seeking_mentor": competency.code in topics},
        )
        rating.level = level
        rating.seeking_mentor = rating.seeking_mentor or competency.code in topics
        rating.full_clean()
        rating.save()


PROFILE_ITEMS = {
    # item code -> Participant field; both use the vocabularies in mentorship.choices.
    "position": "position",
    "years_in_field": "years_in_field",
    "client_populations": "client_populations",
    "certifications": "certifications",
}


def carry_over_profile(*, participant: Participant, response: Response) -> None:
    """Fill the profile's empty work fields from the baseline; never overwrite what they wrote."""
    chosen: dict[str, list[str]] = {}
    answers = response.answers.filter(item__code__in=PROFILE_ITEMS, option__isnull=False)
    for item_code, option_code in answers.values_list("item__code", "option__code"):
        chosen.setdefault(item_code, []).append(option_code)
    changed = []
    for item_code, field_name in PROFILE_ITEMS.items():
        field = participant._meta.get_field(field_name)
        valid = {value for value, _ in getattr(field, "item_choices", None) or field.choices}
        codes = [code for code in chosen.get(item_code, []) if code in valid]
        if not codes or getattr(participant, field_name):
            continue
        is_list = hasattr(field, "item_choices")
        setattr(participant, field_name, codes if is_list else codes[0])
        changed.append(field_name)
    if changed:
        participant.save(update_fields=changed)


def _region_answer(response: Response) -> str:
    answer = response.answers.filter(item__code=REGION_ITEM, option__isnull=False).first()
    code = answer.option.code if answer else ""
    return code if code in Region.values else ""


@transaction.atomic
def submit_baseline(*, participant: Participant) -> Enrolment:
    """Submit the baseline and place the participant, once.

    Invariant: repeating it (a double click, a replayed POST) changes nothing: the response is
    submitted once and `place_participant` returns the first placement."""
    enrolment = Enrolment.objects.select_for_update().get(participant=participant)
    response = Response.objects.get(participant=participant, wave=Wave.BASELINE)
    response = submit_response(response=response)  # raises IncompleteResponse
    if enrolment.baseline_submitted_at is None:
        enrolment.baseline_submitted_at = response.submitted_at
        enrolment.save(update_fields=["baseline_submitted_at"])
        carry_over_ratings(participant=participant, response=response)
        carry_over_profile(participant=participant, response=response)
        region = _region_answer(response)
        if region and region != participant.region:
            participant.region = region
            participant.save(update_fields=["region"])
    place_participant(participant=participant)
    return enrolment


@transaction.atomic
def place_participant(*, participant: Participant) -> None:
    """Give a participant who has submitted the baseline their place: case-study sites get access
    at once; a likely duplicate waits for review; everyone else is randomized, and Group 1 gets an
    access code. Idempotent."""
    # Read fresh rows: callers may hold instances cached before the baseline was submitted.
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    enrolment = Enrolment.objects.get(participant=participant)
    if enrolment.baseline_submitted_at is None:
        return
    if enrolment.is_case_study:
        grant_access(participant)
        return
    allocation = Allocation.objects.filter(participant=participant).first()
    if allocation is None:
        flag = DuplicateFlag.objects.filter(participant=participant).first()
        if flag is None:
            matches = list(likely_duplicates(participant=participant))
            if matches:
                flag = DuplicateFlag.objects.create(participant=participant)
                flag.matches.set(matches)
        if flag is not None and flag.status != DuplicateFlag.Status.ALLOWED:
            return
        allocation = randomization.assign(participant)
    if allocation.effective_arm == Arm.IMMEDIATE and not participant.has_access:
        issue_access_code(participant=participant)


@transaction.atomic
def resolve_duplicate(*, flag: DuplicateFlag, allow: bool, by, note: str = "") -> DuplicateFlag:
    """An administrator's decision on a held registration; allowing it lets assignment proceed.
    A decision is made once."""
    flag = DuplicateFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        return flag
    flag.status = DuplicateFlag.Status.ALLOWED if allow else DuplicateFlag.Status.REJECTED
    flag.resolved_by = by
    flag.resolved_at = timezone.now()
    flag.note = note.strip()
    flag.full_clean()
    flag.save()
    if allow:
        place_participant(participant=flag.participant)
    return flag


