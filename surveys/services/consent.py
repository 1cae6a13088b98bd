"""Consent: the first step of enrolment, and the only one a person can decline."""

from django.db import transaction
from django.utils import timezone

from mentorship.models import Organization, Participant
from surveys.models import CaseStudyEnrolmentCode, ConsentDecision, ConsentVersion, Enrolment


class AlreadyEnrolled(Exception):
    """The account already has an enrolment; nobody enrols twice."""


def current_consent() -> ConsentVersion | None:
    """The newest published consent text."""
    return (
        ConsentVersion.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())
        .order_by("-number")
        .first()
    )


def is_enrolled(user) -> bool:
    return Enrolment.objects.filter(participant__user=user).exists()


@transaction.atomic
def record_consent(
    *,
    user,
    version: ConsentVersion,
    agreed: bool,
    first_name: str = "",
    last_name: str = "",
    organization: Organization | None = None,
    enrolment_code: CaseStudyEnrolmentCode | None = None,
) -> Enrolment | None:
    """Log the decision; on agreement create the participant and their enrolment.

    Invariants: one enrolment per account (AlreadyEnrolled otherwise); a decline stores the
    decision and nothing else, and creates no participant."""
    if is_enrolled(user):
        raise AlreadyEnrolled
    now = timezone.now()
    decision = ConsentDecision(
        user=user,
        version=version,
        decision=ConsentDecision.Decision.AGREED if agreed else ConsentDecision.Decision.DECLINED,
        decided_at=now,
    )
    decision.full_clean()
    decision.save()
    if not agreed:
        return None

    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    participant, _ = Participant.objects.get_or_create(user=user)
    if enrolment_code is not None:
        organization = enrolment_code.organization
    participant.organization = organization
    if organization is not None and not participant.region:
        participant.region = organization.region
    participant.full_clean()
    participant.save()

    enrolment = Enrolment(
        participant=participant,
        consent_version=version,
        consented_at=now,
        route=Enrolment.Route.CASE_STUDY if enrolment_code else Enrolment.Route.RANDOMIZED,
        enrolment_code=enrolment_code,
    )
    enrolment.full_clean()
    enrolment.save()
    return enrolment
