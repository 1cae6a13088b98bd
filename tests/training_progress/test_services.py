"""Progress only moves forward, is capped at the duration, and completes once at 90%."""

from datetime import timedelta

import pytest
from django.utils import timezone

from training.progress.models import VideoProgress
from training.progress.services import InvalidProgress, mark_watched, record_progress


def record(participant, training, video_id, position, duration=100.0, **kwargs):
    return record_progress(
        participant=participant,
        page=training["mentor"],
        video_id=video_id,
        position=position,
        duration=duration,
        **kwargs,
    )


def test_first_beacon_creates_the_row(participant, training, video_id):
    progress = record(participant, training, video_id, 30)
    assert (progress.furthest_seconds, progress.share, progress.completed_at) == (30, 0.3, None)
    assert progress.page_id == training["mentor"].pk


def test_out_of_order_and_repeated_beacons_never_move_backwards(participant, training, video_id):
    for position in [40, 10, 40, 25]:
        record(participant, training, video_id, position)
    progress = VideoProgress.objects.get()
    assert progress.furthest_seconds == 40
    assert progress.share == 0.4


def test_position_is_capped_at_the_duration(participant, training, video_id):
    progress = record(participant, training, video_id, 500)
    assert progress.furthest_seconds == 100
    assert progress.share == 1.0


def test_completion_is_set_once_at_ninety_percent(participant, training, video_id):
    now = timezone.now()
    assert record(participant, training, video_id, 89, now=now).completed_at is None
    first = record(participant, training, video_id, 90, now=now + timedelta(minutes=1))
    assert first.completed_at == now + timedelta(minutes=1)
    later = record(participant, training, video_id, 100, now=now + timedelta(minutes=5))
    assert later.completed_at == first.completed_at
    assert later.last_watched_at == now + timedelta(minutes=5)


def test_duration_is_kept_from_the_first_report_that_knows_it(participant, training, video_id):
    record(participant, training, video_id, 0, duration=0)
    record(participant, training, video_id, 50, duration=100)
    progress = record(participant, training, video_id, 60, duration=1000)
    assert progress.duration_seconds == 100
    assert progress.share == 0.6


@pytest.mark.parametrize("position", [-1, float("nan"), float("inf"), "x", None, 10**9])
def test_impossible_positions_are_refused(participant, training, video_id, position):
    with pytest.raises(InvalidProgress):
        record(participant, training, video_id, position)
    assert not VideoProgress.objects.exists()


def test_each_participant_has_their_own_progress(participant, training, video_id):
    from tests.factories import ParticipantFactory

    other = ParticipantFactory()
    record(participant, training, video_id, 80)
    record(other, training, video_id, 10)
    assert VideoProgress.objects.get(participant=participant).furthest_seconds == 80
    assert VideoProgress.objects.get(participant=other).furthest_seconds == 10


def test_mark_watched_records_the_whole_module_as_self_reported(participant, training):
    progress = mark_watched(participant=participant, page=training["mentee"])
    assert progress.video_id == f"{training['mentee'].pk}-page"
    assert progress.share == 1.0
    assert progress.self_reported
    assert progress.completed_at is not None


def test_mark_watched_completes_a_partly_watched_video(participant, training, video_id):
    record(participant, training, video_id, 20)
    progress = mark_watched(participant=participant, page=training["mentor"])
    assert (progress.furthest_seconds, progress.share, progress.self_reported) == (100, 1.0, True)
    assert VideoProgress.objects.count() == 1
