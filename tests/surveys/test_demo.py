"""The study demo: true records (arms match their sequence positions) and idempotent."""

import io

import pytest

from surveys import demo, randomization
from surveys.models import AccessCode, Allocation, Answer, Enrolment, Response
from tests.factories import ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db


class FakeCommand:
    def __init__(self):
        self.stdout = io.StringIO()


def counts():
    return tuple(m.objects.count() for m in (Enrolment, Response, Answer, Allocation, AccessCode))


def test_demo_records_are_true_to_the_sequence_and_a_rerun_changes_nothing():
    with_access = [
        ParticipantFactory(user=UserFactory(email=f"mentor{n}@example.org")) for n in range(4)
    ]
    waiting = ParticipantFactory(
        without_access=True, user=UserFactory(email="noaccess@example.org")
    )
    demo.load(command=FakeCommand(), options={})
    first = counts()
    demo.load(command=FakeCommand(), options={})
    assert counts() == first

    for allocation in Allocation.objects.all():
        assert allocation.arm == randomization.scheme_arm_at(
            allocation.scheme, allocation.stratum, allocation.position
        )
    positions = sorted(Allocation.objects.values_list("position", flat=True))
    assert positions == list(range(1, 6))
    assert {a.participant for a in Allocation.objects.filter(arm="immediate")} == set(with_access)
    assert Allocation.objects.get(arm="delayed").participant == waiting
    assert AccessCode.objects.filter(redeemed_at__isnull=False).count() == 4
    case_study = Enrolment.objects.get(participant__user__email="casestudy@example.org")
    assert case_study.is_case_study and case_study.participant.has_access
    in_progress = Response.objects.get(participant__user__email="inprogress@example.org")
    assert in_progress.current_page == 3 and not in_progress.is_submitted
