import io

import pytest

from mentorship.partnerships import demo
from mentorship.partnerships.choices import Step
from mentorship.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


class FakeCommand:
    def __init__(self):
        self.stdout = io.StringIO()


def test_demo_skips_without_the_demo_participants():
    demo.load(command=FakeCommand(), options={})
    assert not Partnership.objects.exists()


def test_demo_creates_one_partnership_with_step_one_done_and_is_idempotent(mentor, mentee):
    command = FakeCommand()
    demo.load(command=command, options={})
    demo.load(command=command, options={})
    partnership = Partnership.objects.get()
    assert (partnership.mentor, partnership.mentee) == (mentor, mentee)
    assert partnership.current_step == Step.PLAN
    assert partnership.objectives.count() == 2
    assert "mentor@example.org" in command.stdout.getvalue()
