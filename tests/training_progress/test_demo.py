from io import StringIO
from types import SimpleNamespace

from tests.factories import ParticipantFactory, UserFactory
from training.progress import demo
from training.progress.models import VideoProgress


def test_demo_records_progress_once(training):
    mentee = ParticipantFactory(user=UserFactory(email="mentee@example.org"))
    command = SimpleNamespace(stdout=StringIO())
    demo.load(command=command, options={})
    first = list(VideoProgress.objects.values_list("video_id", "share", "last_watched_at"))
    demo.load(command=command, options={})
    fields = ("video_id", "share", "last_watched_at")
    assert list(VideoProgress.objects.values_list(*fields)) == first
    assert sorted(share for _, share, _ in first) == [0.4, 1.0]
    assert VideoProgress.objects.filter(participant=mentee).count() == 2


def test_demo_skips_without_the_mentee(training):
    command = SimpleNamespace(stdout=StringIO())
    demo.load(command=command, options={})
    assert not VideoProgress.objects.exists()
