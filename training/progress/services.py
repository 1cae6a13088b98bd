"""Writes of training progress. Progress only moves forward, whatever order beacons arrive in."""

import math
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.models import Participant
from training.models import TrainingModulePage
from training.progress.models import COMPLETION_SHARE, VideoProgress
from training.progress.selectors import trackable_video_id

# A training video longer than this is not one of ours; a beacon claiming it is is refused.
MAX_DURATION_SECONDS = 6 * 60 * 60


class InvalidProgress(ValueError):
    """A position or duration that cannot come from a real player."""


def _seconds(value, *, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidProgress(f"{name} must be a number of seconds.") from None
    if not math.isfinite(number) or number < 0 or number > MAX_DURATION_SECONDS:
        raise InvalidProgress(f"{name} must be between 0 and {MAX_DURATION_SECONDS} seconds.")
    return number


@transaction.atomic
def record_progress(
    *,
    participant: Participant,
    page: TrainingModulePage,
    video_id: str,
    position: float,
    duration: float,
    self_reported: bool = False,
    now: datetime | None = None,
) -> VideoProgress:
    """Record that `participant` reached `position` seconds of a `duration`-second video.

    Invariants: one row per participant and video; `furthest_seconds` and `share` never decrease
    (late, repeated or out-of-order beacons change nothing but `last_watched_at`); the furthest
    point never exceeds the duration; `completed_at` is set once, the first time the share
    reaches 90%, and never moves. The duration is taken from the first report that knows it.
    """
    position = _seconds(position, name="Position")
    duration = _seconds(duration, name="Duration")
    now = now or timezone.now()
    progress = _locked_row(participant=participant, page=page, video_id=video_id, now=now)
    if progress.duration_seconds <= 0 and duration > 0:
        progress.duration_seconds = duration
    known = progress.duration_seconds
    reached = min(position, known) if known > 0 else 0.0
    progress.furthest_seconds = max(progress.furthest_seconds, reached)
    if known > 0:
        progress.share = max(progress.share, min(1.0, progress.furthest_seconds / known))
    progress.self_reported = progress.self_reported or self_reported
    if progress.completed_at is None and progress.share >= COMPLETION_SHARE:
        progress.completed_at = now
    progress.last_watched_at = max(progress.last_watched_at, now)
    progress.full_clean()
    progress.save()
    return progress


def _locked_row(*, participant, page, video_id, now) -> VideoProgress:
    """The participant's row for this video, locked; created if this is the first beacon.

    Two beacons racing to create the row both end up updating the one row (the unique
    constraint turns the loser's insert into a retry).
    """
    rows = VideoProgress.objects.select_for_update()
    progress = rows.filter(participant=participant, video_id=video_id).first()
    if progress is not None:
        return progress
    try:
        with transaction.atomic():
            return VideoProgress.objects.create(
                participant=participant,
                page=page,
                video_id=video_id,
                first_watched_at=now,
                last_watched_at=now,
            )
    except IntegrityError:
        return rows.get(participant=participant, video_id=video_id)


def mark_watched(
    *, participant: Participant, page: TrainingModulePage, now: datetime | None = None
) -> VideoProgress:
    """The no-JavaScript path: the participant says they watched the module to the end.

    Recorded as 100% of the module's video (or of the module itself when it has no uploaded
    video) and flagged self-reported, so reports can tell it from what a player measured.
    """
    video_id = trackable_video_id(page)
    existing = VideoProgress.objects.filter(participant=participant, video_id=video_id).first()
    duration = existing.duration_seconds if existing and existing.duration_seconds > 0 else 1.0
    return record_progress(
        participant=participant,
        page=page,
        video_id=video_id,
        position=duration,
        duration=duration,
        self_reported=True,
        now=now,
    )
