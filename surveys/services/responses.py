"""Saving survey pages as people go, and submitting a wave once every required answer is there."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.models import Competency, Participant
from surveys.instruments.grid import active_competencies, grid_field_name
from surveys.models import Answer, InstrumentPage, InstrumentVersion, Item, Response


class SurveyClosed(Exception):
    """The response was already submitted; it no longer changes."""


class IncompleteResponse(Exception):
    def __init__(self, page_number: int):
        super().__init__(f"Required answers are missing on page {page_number}.")
        self.page_number = page_number


def current_version(*, wave: str) -> InstrumentVersion:
    """The version new responses to a wave use: the newest fielded version of the instrument whose
    code is the wave's name ("baseline", "follow_up")."""
    return (
        InstrumentVersion.objects.fielded()
        .filter(instrument__code=wave)
        .order_by("-number")
        .first()
    )


def start_response(*, participant: Participant, wave: str) -> Response:
    """The participant's response to a wave, created on first visit (one per participant+wave)."""
    existing = Response.objects.filter(participant=participant, wave=wave).first()
    if existing is not None:
        return existing
    version = current_version(wave=wave)
    if version is None:
        raise InstrumentVersion.DoesNotExist(f"No fielded instrument for the {wave} wave.")
    try:
        with transaction.atomic():
            return Response.objects.create(participant=participant, wave=wave, version=version)
    except IntegrityError:
        return Response.objects.get(participant=participant, wave=wave)


def _answer_rows(item: Item, value, *, competency: Competency | None = None) -> list[Answer]:
    if item.type == Item.Type.COMPETENCY_GRID:
        return [Answer(item=item, competency=competency, value_int=int(value))] if value else []
    if item.type in (Item.Type.SINGLE_CHOICE, Item.Type.LIKERT):
        options = {option.code: option for option in item.options.all()}
        return [Answer(item=item, option=options[value], value_int=options[value].value)] if (
            value
        ) else []
    if item.type == Item.Type.MULTI_CHOICE:
        options = {option.code: option for option in item.options.all()}
        return [Answer(item=item, option=options[code]) for code in value]
    if item.type == Item.Type.NUMBER:
        return [Answer(item=item, value_decimal=value)] if value is not None else []
    text = (value or "").strip()
    return [Answer(item=item, value_text=text)] if text else []


@transaction.atomic
def save_page(
    *, response: Response, page: InstrumentPage, cleaned_data: dict, go_to: int
) -> Response:
    """Store the page's answers and where the participant goes next.

    Only the questions present in `cleaned_data` are replaced, so a partly valid page saved on
    "Back" keeps the earlier answers to the questions that did not validate. A submitted response
    never changes (raises SurveyClosed)."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.is_submitted:
        raise SurveyClosed
    competencies = active_competencies()
    new_rows: list[Answer] = []
    for item in page.items.prefetch_related("options"):
        if item.type == Item.Type.COMPETENCY_GRID:
            for competency in competencies:
                key = grid_field_name(item, competency)
                if key in cleaned_data:
                    response.answers.filter(item=item, competency=competency).delete()
                    new_rows += _answer_rows(item, cleaned_data[key], competency=competency)
        elif item.code in cleaned_data:
            response.answers.filter(item=item).delete()
            new_rows += _answer_rows(item, cleaned_data[item.code])
    for row in new_rows:
        row.response = response
    Answer.objects.bulk_create(new_rows)
    response.current_page = max(1, min(go_to, response.version.page_count))
    response.furthest_page = max(response.furthest_page, response.current_page)
    response.save(update_fields=["current_page", "furthest_page", "updated_at"])
    return response


def initial_for(*, response: Response, page: InstrumentPage) -> dict:
    """The saved answers of one page, shaped as form initial data."""
    initial: dict = {}
    answers = response.answers.filter(item__page=page).select_related(
        "item", "option", "competency"
    )
    for answer in answers:
        item = answer.item
        if item.type == Item.Type.COMPETENCY_GRID:
            initial[grid_field_name(item, answer.competency)] = str(answer.value_int)
        elif item.type == Item.Type.MULTI_CHOICE:
            initial.setdefault(item.code, []).append(answer.option.code)
        elif answer.option_id:
            initial[item.code] = answer.option.code
        elif answer.value_decimal is not None:
            initial[item.code] = answer.value_decimal
        else:
            initial[item.code] = answer.value_text
    return initial


def first_incomplete_page(*, response: Response) -> int | None:
    """The first page with a required question unanswered, or None when all are answered."""
    competency_count = len(active_competencies())
    answered: dict[int, int] = {}
    for item_id in response.answers.values_list("item_id", flat=True):
        answered[item_id] = answered.get(item_id, 0) + 1
    items = Item.objects.filter(page__version=response.version, required=True)
    items = items.select_related("page")
    for item in items.order_by("page__number", "order"):
        needed = competency_count if item.type == Item.Type.COMPETENCY_GRID else 1
        if answered.get(item.pk, 0) < needed:
            return item.page.number
    return None


@transaction.atomic
def submit_response(*, response: Response) -> Response:
    """Close the response. Invariant: a response is submitted once and only when complete; a
    repeat is a no-op."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.is_submitted:
        return response
    missing = first_incomplete_page(response=response)
    if missing is not None:
        raise IncompleteResponse(missing)
    response.submitted_at = timezone.now()
    response.save(update_fields=["submitted_at", "updated_at"])
    return response
