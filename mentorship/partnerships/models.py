from django.db import models
from django.utils import timezone

from mentorship.models import Competency, Participant


class PartnershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Partnership.Status.ACTIVE)

    def involving(self, participant):
        return self.filter(models.Q(mentor=participant) | models.Q(mentee=participant))


class Partnership(models.Model):
    """A mentor and a mentee working on one competency through the five steps to an end date."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"
        ENDED_EARLY = "ended_early", "Ended early"

    mentor = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="partnerships_as_mentor"
    )
    mentee = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="partnerships_as_mentee"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    started_at = models.DateTimeField(default=timezone.now)
    planned_end_date = models.DateField()
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="partnership_not_with_self"
            )
        ]

    def __str__(self):
        return f"{self.mentor} mentoring {self.mentee} in {self.competency}"
