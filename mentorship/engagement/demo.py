"""Demo check-in: one logged note, so the dashboard's "last contacted" column shows something.

Idempotent: the note is added only if the demo mentee has no check-in yet.
"""

from mentorship.engagement.models import CheckIn
from mentorship.engagement.services import check_in_note
from mentorship.models import Participant
from website.models import User


def load(*, command, options):
    person = Participant.objects.filter(user__email="noaccess@example.org").first()
    staff = User.objects.filter(email="programadmin@example.org").first()
    if person is not None and staff is not None and not CheckIn.objects.filter(
        participant=person
    ).exists():
        check_in_note(participant=person, by=staff,
                      note="Phoned: waiting for Group 2 access, happy to wait.")
    command.stdout.write(
        "engagement: dashboard at /admin/engagement/ for programadmin@example.org"
    )
