"""Study records for the demo participants, so every screen has something true to show.

The demo participants (from mentorship.demo) get consent, a submitted baseline, an allocation and,
for those with access, a redeemed access code. Their allocations come from a separate, inactive
demo scheme whose ratio fits the demo (everyone with access in Group 1, the rest in Group 2), so
each recorded arm is exactly the arm its sequence position gives: the audit check holds in the
demo too, and the live scheme's sequence is left untouched for real sign-ups.

Also: a case-study organization with a known enrolment code, a case-study participant, and one
participant half-way through the baseline. Idempotent: records that exist are left alone.
"""

import datetime
import random

from django.utils import timezone

from mentorship.choices import OrganizationType, Region
from mentorship.models import Competency, Organization, Participant
from surveys import randomization
from surveys.instruments.baseline_v1 import DEFINITION
from surveys.instruments.grid import grid_field_name
from surveys.instruments.loader import load_definition
from surveys.models import (
    AccessCode,
    Allocation,
    Arm,
    CaseStudyEnrolmentCode,
    ConsentVersion,
    Enrolment,
    Item,
    RandomizationScheme,
    SequenceCounter,
    Wave,
)
from surveys.services import consent, responses

DEMO_SEED = "demo-study-scheme"
CASE_STUDY_ORG = "North Island Employment Foundations Society"
CASE_STUDY_CODE = "CASE-STDY-NRTH"
DEMO_STRATUM = randomization.ALL


def load(*, command, options):
    version = consent.current_consent() or ConsentVersion.objects.order_by("-number").first()
    if version is None or not Competency.objects.exists():
        command.stdout.write("Study demo skipped: run migrations first.")
        return
    load_definition(DEFINITION)
    code = _case_study_code()
    demo = [p for p in Participant.objects.select_related("user") if _is_demo(p.user.email)]
    with_access = [p for p in demo if p.has_access and not hasattr(p, "enrolment")]
    waiting = [p for p in demo if not p.has_access and not hasattr(p, "enrolment")]
    if with_access or waiting:
        _allocate_in_sequence(with_access, waiting, version=version)
    _case_study_participant(code, version)
    _in_progress_participant(version)
    command.stdout.write(
        f"Study demo: case-study enrolment code {CASE_STUDY_CODE} ({CASE_STUDY_ORG}); "
        "casestudy@example.org (case-study site, access), inprogress@example.org (baseline "
        "page 3 of 7); noaccess@example.org is in Group 2."
    )


def _is_demo(email: str) -> bool:
    return email.endswith("@example.org") and not email.startswith(("casestudy@", "inprogress@"))


def _case_study_code() -> CaseStudyEnrolmentCode:
    organization, _ = Organization.objects.get_or_create(
        name=CASE_STUDY_ORG,
        defaults={
            "organization_type": OrganizationType.WORKBC,
            "region": Region.CENTRAL_NORTH_ISLAND,
            "is_case_study_site": True,
        },
    )
    code, _ = CaseStudyEnrolmentCode.objects.get_or_create(
        code=CASE_STUDY_CODE, defaults={"organization": organization}
    )
    return code


def _demo_scheme(immediate: int, delayed: int) -> RandomizationScheme:
    existing = RandomizationScheme.objects.filter(seed=DEMO_SEED).first()
    if existing is not None:
        return existing
    immediate, delayed = max(immediate, 1), max(delayed, 1)
    return RandomizationScheme.objects.create(
        seed=DEMO_SEED,
        block_sizes=[immediate + delayed],
        ratio_immediate=immediate,
        ratio_delayed=delayed,
        active=False,
    )


def _allocate_in_sequence(with_access, waiting, *, version) -> None:
    """Walk the demo sequence position by position, giving each position to a participant who
    belongs in its arm, so positions have no gaps. Stops where no one fits (a rerun after the
    demo people changed), leaving the rest unenrolled rather than bending the sequence."""
    scheme = _demo_scheme(len(with_access), len(waiting))
    pools = {Arm.IMMEDIATE: list(with_access), Arm.DELAYED: list(waiting)}
    counter, _ = SequenceCounter.objects.get_or_create(scheme=scheme, stratum=DEMO_STRATUM)
    while pools[Arm.IMMEDIATE] or pools[Arm.DELAYED]:
        position = counter.last_position + 1
        arm = randomization.scheme_arm_at(scheme, DEMO_STRATUM, position)
        if not pools[arm]:
            return
        _enrol(pools[arm].pop(0), version=version, scheme=scheme, position=position, arm=arm)
        counter.last_position = position
        counter.save(update_fields=["last_position"])


def plausible_answers(participant: Participant, response) -> dict:
    """Plausible answers, reproducible per participant; grid levels match their profile."""
    rng = random.Random(participant.user.email)
    levels = {r.competency_id: r.level for r in participant.competency_ratings.all()}
    data: dict = {}
    for item in Item.objects.filter(page__version=response.version).prefetch_related("options"):
        options = [option.code for option in item.options.all()]
        if item.type == Item.Type.COMPETENCY_GRID:
            for competency in Competency.objects.filter(is_active=True):
                data[grid_field_name(item, competency)] = str(levels.get(competency.pk, 2))
        elif item.type == Item.Type.MULTI_CHOICE:
            plain = [o.code for o in item.options.all() if not o.is_exclusive]
            data[item.code] = rng.sample(plain, k=min(2, len(plain)))
        elif options:
            data[item.code] = rng.choice(options[-3:] if item.type == Item.Type.LIKERT else options)
        elif item.type == Item.Type.NUMBER:
            data[item.code] = rng.randrange(0, 40)
    data["region"] = participant.region or data.get("region")
    return data


def _submit_baseline(participant: Participant, *, when: datetime.datetime):
    response = responses.start_response(participant=participant, wave=Wave.BASELINE)
    if response.is_submitted:
        return response
    data = plausible_answers(participant, response)
    for page in response.version.pages.all():
        responses.save_page(response=response, page=page, cleaned_data=data, go_to=page.number)
    response.submitted_at = when
    response.save(update_fields=["submitted_at"])
    return response


def _enrol(participant: Participant, *, version, scheme, position: int, arm: str) -> None:
    granted = participant.access_granted_at
    when = (granted or timezone.now()) - datetime.timedelta(days=40)
    enrolment = Enrolment.objects.create(
        participant=participant, consent_version=version, consented_at=when,
        baseline_submitted_at=when,
    )
    _submit_baseline(participant, when=enrolment.baseline_submitted_at)
    Allocation.objects.create(
        participant=participant, scheme=scheme, stratum=DEMO_STRATUM, position=position,
        arm=arm, allocated_at=when,
    )
    if granted:
        AccessCode.objects.create(participant=participant, sent_at=when, redeemed_at=granted)


def _demo_user(email: str, first: str, last: str):
    from allauth.account.models import EmailAddress

    from website.demo import DEMO_PASSWORD
    from website.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=DEMO_PASSWORD, first_name=first, last_name=last
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _case_study_participant(code: CaseStudyEnrolmentCode, version) -> None:
    user = _demo_user("casestudy@example.org", "Cass", "Study")
    if consent.is_enrolled(user):
        return
    consent.record_consent(
        user=user, version=version, agreed=True, first_name="Cass", last_name="Study",
        enrolment_code=code,
    )
    participant = Participant.objects.get(user=user)
    enrolment = participant.enrolment
    response = _submit_baseline(participant, when=timezone.now())
    enrolment.baseline_submitted_at = response.submitted_at
    enrolment.save(update_fields=["baseline_submitted_at"])
    from surveys.services.enrolment import carry_over_ratings, place_participant

    carry_over_ratings(participant=participant, response=response)
    place_participant(participant=participant)


def _in_progress_participant(version) -> None:
    user = _demo_user("inprogress@example.org", "Ivo", "Halfway")
    if consent.is_enrolled(user):
        return
    consent.record_consent(
        user=user, version=version, agreed=True, first_name="Ivo", last_name="Halfway"
    )
    participant = Participant.objects.get(user=user)
    response = responses.start_response(participant=participant, wave=Wave.BASELINE)
    data = plausible_answers(participant, response)
    for page in response.version.pages.filter(number__lt=3):
        responses.save_page(response=response, page=page, cleaned_data=data, go_to=page.number + 1)
