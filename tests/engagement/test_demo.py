from io import StringIO
from types import SimpleNamespace

from mentorship.engagement import demo
from mentorship.engagement.models import CheckIn
from tests.factories import ParticipantFactory, UserFactory


def test_demo_adds_one_note_and_is_idempotent(db):
    ParticipantFactory(user=UserFactory(email="noaccess@example.org"), without_access=True)
    UserFactory(email="programadmin@example.org", groups=["Program administrators"])
    command = SimpleNamespace(stdout=StringIO())
    demo.load(command=command, options={})
    demo.load(command=command, options={})
    assert CheckIn.objects.count() == 1
    assert "/admin/engagement/" in command.stdout.getvalue()


def test_demo_skips_without_people(db):
    command = SimpleNamespace(stdout=StringIO())
    demo.load(command=command, options={})
    assert not CheckIn.objects.exists()
