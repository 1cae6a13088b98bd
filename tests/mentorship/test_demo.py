import io

import pytest
from django.core.management.base import BaseCommand

from mentorship import demo
from mentorship.matching import find_mentors
from mentorship.models import Competency, CompetencyRating, MentorshipRequest, Participant
from website.models import User

pytestmark = pytest.mark.django_db


def run(participants=0):
    command = BaseCommand(stdout=io.StringIO())
    demo.load(command=command, options={"participants": participants})
    return command.stdout.getvalue()


def test_demo_people_are_created_once_and_the_mentee_finds_mentors():
    output = run()
    assert "mentee@example.org" in output
    counts = (User.objects.count(), Participant.objects.count(), CompetencyRating.objects.count())
    run()
    assert (User.objects.count(), Participant.objects.count(),
            CompetencyRating.objects.count()) == counts
    mentee = Participant.objects.get(user__email="mentee@example.org")
    assert mentee.has_access
    assert not Participant.objects.get(user__email="noaccess@example.org").has_access
    first = Competency.objects.get(sort_order=1)
    found = [m.mentor.user.email for m in find_mentors(mentee, first)]
    assert "mentor@example.org" in found and len(found) >= 2
    assert User.objects.get(email="mentor@example.org").check_password("mentoring-demo-2026")
    (waiting,) = MentorshipRequest.objects.pending()
    assert (waiting.mentee.user.email, waiting.mentor.user.email) == (
        "mentee@example.org",
        "mentor@example.org",
    )


def test_synthetic_participants_are_bulk_created_up_to_the_number_asked():
    run(participants=120)
    synthetic = Participant.objects.filter(user__email__endswith=demo.SYNTHETIC_DOMAIN)
    assert synthetic.count() == 120
    assert CompetencyRating.objects.filter(participant__in=synthetic).count() >= 240
    run(participants=120)
    assert synthetic.count() == 120
    run(participants=150)
    assert synthetic.count() == 150
