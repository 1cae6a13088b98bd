"""Factories and helpers for study records."""

import factory
from django.utils import timezone

from mentorship.models import Competency
from surveys.instruments.grid import grid_field_name
from surveys.models import (
    CaseStudyEnrolmentCode,
    Enrolment,
    Item,
    RandomizationScheme,
    Wave,
)
from surveys.services import consent, enrolment, responses
from tests.factories import OrganizationFactory, ParticipantFactory


class RandomizationSchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RandomizationScheme

    seed = factory.Sequence(lambda n: f"test-seed-{n}")
    block_sizes = [2, 4, 6]
    ratio_immediate = 1
    ratio_delayed = 1
    stratify_by = ""
    active = True


class CaseStudyOrganizationFactory(OrganizationFactory):
    is_case_study_site = True


class CaseStudyEnrolmentCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudyEnrolmentCode

    organization = factory.SubFactory(CaseStudyOrganizationFactory)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    """An enrolled participant who has consented and not yet answered the baseline."""

    class Meta:
        model = Enrolment

    participant = factory.SubFactory(ParticipantFactory, without_access=True)
    consent_version = factory.LazyFunction(lambda: consent.current_consent())
    consented_at = factory.LazyFunction(timezone.now)


def seed_giving(arm: str) -> str:
    """A seed whose first allocation (unstratified) is `arm`, found by trying seeds in order."""
    from surveys import randomization

    for n in range(100):
        if randomization.arm_at(f"s{n}", "all", 1, (2, 4, 6), (1, 1)) == arm:
            return f"s{n}"
    raise AssertionError("no seed found")


def use_scheme(**kwargs) -> RandomizationScheme:
    """Make a known scheme the active one (the migration's scheme has a secret seed)."""
    RandomizationScheme.objects.filter(active=True).update(active=False)
    return RandomizationSchemeFactory(**kwargs)


def valid_answer(item: Item):
    """A valid form value for one item (the first option, a number in range, some text)."""
    options = list(item.options.all())
    if item.type in (Item.Type.SINGLE_CHOICE, Item.Type.LIKERT):
        return options[0].code
    if item.type == Item.Type.MULTI_CHOICE:
        return [options[0].code]
    if item.type == Item.Type.NUMBER:
        return "12"
    return "Some words"


def page_post_data(page, *, action="next", level="2", overrides=None) -> dict:
    """POST data that answers every question on a page validly."""
    data = {"action": action}
    for item in page.items.all():
        if item.type == Item.Type.COMPETENCY_GRID:
            for competency in Competency.objects.filter(is_active=True):
                data[grid_field_name(item, competency)] = level
        else:
            data[item.code] = valid_answer(item)
    data.update(overrides or {})
    return {key: value for key, value in data.items() if value is not None}


def answer_baseline(participant, *, level="2", overrides=None):
    """Answer every page of the baseline through the services (not yet submitted)."""
    from surveys.forms.survey import build_page_form_class

    response = responses.start_response(participant=participant, wave=Wave.BASELINE)
    for page in response.version.pages.all():
        data = page_post_data(page, level=level, overrides=overrides)
        form = build_page_form_class(page)(data)
        assert form.is_valid(), form.errors
        responses.save_page(
            response=response, page=page, cleaned_data=form.cleaned_data, go_to=page.number + 1
        )
    return response


def enrol_and_submit(participant=None, **kwargs):
    """An enrolled participant with a submitted baseline, placed by the real services."""
    enrolment_row = (
        Enrolment.objects.filter(participant=participant).first() if participant else None
    ) or EnrolmentFactory(**({"participant": participant} if participant else {}))
    answer_baseline(enrolment_row.participant, **kwargs)
    enrolment.submit_baseline(participant=enrolment_row.participant)
    enrolment_row.participant.refresh_from_db()
    return enrolment_row.participant


