"""Where a person stands in the study, read from the records (nothing is stored twice)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from surveys.models import AccessCode, ConsentDecision, DuplicateFlag, Enrolment, Response, Wave
from surveys.services.responses import current_version

DEFAULT_FOLLOW_UP_AFTER_DAYS = 182


class Stage:
    NOT_ENROLLED = "not_enrolled"
    BASELINE = "baseline"
    HELD = "held"
    REJECTED = "rejected"
    GROUP_1 = "group_1"
    GROUP_2 = "group_2"
    HAS_ACCESS = "has_access"


@dataclass
class StudyStatus:
    stage: str
    enrolment: Enrolment | None = None
    declined: bool = False
    page: int = 1
    page_count: int = 0
    arm: str = ""
    access_code: AccessCode | None = None
    follow_up_opens: datetime.date | None = None
    has_access: bool = False

    @property
    def is_case_study(self) -> bool:
        return self.enrolment is not None and self.enrolment.is_case_study


def follow_up_after_days() -> int:
    """How many days after the baseline the follow-up survey opens (read at call time, so
    tests can change it)."""
    return getattr(settings, "FOLLOW_UP_AFTER_DAYS", DEFAULT_FOLLOW_UP_AFTER_DAYS)


def follow_up_opens(enrolment: Enrolment) -> datetime.date | None:
    """The date the follow-up survey opens: a fixed number of days after the baseline."""
    if enrolment.baseline_submitted_at is None:
        return None
    days = follow_up_after_days()
    return timezone.localdate(enrolment.baseline_submitted_at + datetime.timedelta(days=days))


def follow_up_opened_ids(*, now: datetime.datetime) -> set[int]:
    """Participants whose follow-up survey has opened by `now` (answered or not)."""
    days = follow_up_after_days()
    return set(
        Enrolment.objects.filter(
            baseline_submitted_at__lte=now - datetime.timedelta(days=days)
        ).values_list("participant_id", flat=True)
    )


def study_status(*, user) -> StudyStatus:
    participant = getattr(user, "participant", None)
    enrolment = Enrolment.objects.filter(participant__user=user).first()
    has_access = bool(participant and participant.has_access)
    if enrolment is None:
        last = ConsentDecision.objects.filter(user=user).order_by("-decided_at").first()
        declined = last is not None and last.decision == ConsentDecision.Decision.DECLINED
        stage = Stage.HAS_ACCESS if has_access else Stage.NOT_ENROLLED
        return StudyStatus(stage=stage, declined=declined, has_access=has_access)

    status = StudyStatus(stage=Stage.BASELINE, enrolment=enrolment, has_access=has_access)
    if enrolment.baseline_submitted_at is None:
        response = Response.objects.filter(participant=participant, wave=Wave.BASELINE).first()
        version = response.version if response else current_version(wave=Wave.BASELINE)
        status.page = response.current_page if response else 1
        status.page_count = version.page_count if version else 0
        return status
    if enrolment.is_case_study:
        status.stage = Stage.HAS_ACCESS
        return status

    allocation = getattr(participant, "allocation", None)
    if allocation is None:
        flag = DuplicateFlag.objects.filter(participant=participant).first()
        rejected = flag is not None and flag.status == DuplicateFlag.Status.REJECTED
        status.stage = Stage.REJECTED if rejected else Stage.HELD
        return status
    status.arm = allocation.effective_arm
    status.follow_up_opens = follow_up_opens(enrolment)
    if has_access:
        status.stage = Stage.HAS_ACCESS
    elif status.arm == "immediate":
        status.stage = Stage.GROUP_1
        status.access_code = participant.access_codes.usable().first()
    else:
        status.stage = Stage.GROUP_2
    return status
