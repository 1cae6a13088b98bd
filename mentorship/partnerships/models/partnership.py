from django.db import models
from django.utils import timezone

from mentorship.models import Competency, Participant
from mentorship.partnerships.choices import Step


class PartnershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Partnership.Status.ACTIVE)

    def involving(self, participant):
        return self.filter(models.Q(mentor=participant) | models.Q(mentee=participant))


class Partnership(models.Model):
    """A mentor and a mentee working on one competency through the five steps to an end date.

    `current_step` only moves forward, one step at a time, when both people have confirmed the
    step before it (see services.step_confirm); `step_started_at` is when it opened.
    """

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
    current_step = models.PositiveSmallIntegerField(choices=Step.choices, default=Step.AGREEMENT)
    step_started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    ended_by = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="partnership_not_with_self"
            ),
            models.CheckConstraint(
                condition=models.Q(current_step__gte=1, current_step__lte=5),
                name="partnership_step_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.mentor} mentoring {self.mentee} in {self.competency}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def is_member(self, participant) -> bool:
        return participant is not None and participant.pk in (self.mentor_id, self.mentee_id)

    def other(self, participant) -> Participant:
        return self.mentee if participant.pk == self.mentor_id else self.mentor


class StepConfirmation(models.Model):
    """One person's confirmation that a step is done; a step is done when both have confirmed."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="confirmations"
    )
    step = models.PositiveSmallIntegerField(choices=Step.choices)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["step", "confirmed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "step", "participant"], name="one_confirmation_per_step"
            )
        ]

    def __str__(self):
        return f"{self.participant} confirmed step {self.step}"
