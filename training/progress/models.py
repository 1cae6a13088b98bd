"""How far each participant has watched each training video."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from mentorship.models import Participant

# A video watched to at least this share counts as completed.
COMPLETION_SHARE = 0.9


class VideoProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class VideoProgress(models.Model):
    """One participant's furthest point in one video; it only ever moves forward.

    `video_id` is the player's `data-video-id` ("<page id>-<block id>"), or "<page id>-page" for a
    module without a trackable video that the participant marked as done. `self_reported` is set
    when the participant pressed "Mark as watched" rather than the player reporting it.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="video_progress"
    )
    video_id = models.CharField(max_length=80)
    page = models.ForeignKey(
        "training.TrainingModulePage", on_delete=models.CASCADE, related_name="+"
    )
    duration_seconds = models.FloatField(default=0, validators=[MinValueValidator(0)])
    furthest_seconds = models.FloatField(default=0, validators=[MinValueValidator(0)])
    share = models.FloatField(
        default=0, validators=[MinValueValidator(0), MaxValueValidator(1)]
    )
    self_reported = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    first_watched_at = models.DateTimeField(default=timezone.now)
    last_watched_at = models.DateTimeField(default=timezone.now)

    objects = VideoProgressQuerySet.as_manager()

    class Meta:
        ordering = ["-last_watched_at"]
        verbose_name_plural = "video progress"
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "video_id"], name="one_progress_per_participant_video"
            ),
            models.CheckConstraint(
                condition=models.Q(share__gte=0, share__lte=1), name="progress_share_in_range"
            ),
        ]
        indexes = [models.Index(fields=["page", "completed_at"])]

    def __str__(self):
        return f"{self.participant}: {self.video_id} ({self.percent}%)"

    @property
    def percent(self) -> int:
        return int(self.share * 100)

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None
