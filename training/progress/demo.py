"""Demo progress: the demo mentee has watched part of one module and finished another.

Idempotent: nothing is recorded once the demo mentee has any progress.
"""

from mentorship.models import Participant
from training.models import TrainingModulePage
from training.progress.models import VideoProgress
from training.progress.selectors import has_player, trackable_video_id
from training.progress.services import mark_watched, record_progress


def load(*, command, options):
    mentee = Participant.objects.filter(user__email="mentee@example.org").first()
    modules = list(TrainingModulePage.objects.visible().order_by("path"))
    if mentee is None or not modules:
        command.stdout.write("training progress: no demo mentee or modules yet, skipped.")
        return
    if VideoProgress.objects.filter(participant=mentee).exists():
        return
    with_video = next((m for m in modules if has_player(m)), None)
    if with_video is not None:
        record_progress(participant=mentee, page=with_video,
                        video_id=trackable_video_id(with_video), position=40, duration=100)
    others = [m for m in modules if m != with_video]
    if others:
        mark_watched(participant=mentee, page=others[0])
    command.stdout.write("training progress: mentee@example.org has started the training.")
