from django.db import models
from django.utils import timezone

from mentorship.models.profiles import Competency, Participant


class SearchLog(models.Model):
    """One mentor search, kept for the program's analytics (searches per person, per competency)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="search_logs"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    result_count = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.participant} searched {self.competency} ({self.result_count})"


class SavedSearch(models.Model):
    """A search the mentee asked to be told about when a new eligible mentor appears.

    `known_mentor_ids` holds every mentor the mentee has already been shown or told about for
    this search, so each mentor triggers at most one email.
    """

    mentee = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="saved_searches")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)
    known_mentor_ids = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "competency"], name="one_saved_search_per_competency"
            )
        ]
        verbose_name_plural = "saved searches"

    def __str__(self):
        return f"{self.mentee}: {self.competency}"
