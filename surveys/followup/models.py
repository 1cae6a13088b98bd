"""The follow-up wave's contact log and each participant's follow-up standing."""

from django.db import models
from django.utils import timezone

from mentorship.models import Participant


class FollowUpContact(models.Model):
    """One invitation (number 0) or reminder (1, 2, ...) emailed. Unique per participant and
    number, so a rerun of the sender never emails the same message twice."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="follow_up_contacts"
    )
    number = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["participant", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "number"], name="follow_up_contact_once"
            ),
        ]

    def __str__(self):
        kind = "invitation" if self.number == 0 else f"reminder {self.number}"
        return f"{self.participant_id}: {kind}"


class FollowUpStanding(models.Model):
    """Flags on a participant's follow-up: bounced (set by an administrator) and non-respondent
    (set by the sender after the last reminder and the grace period)."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="follow_up_standing"
    )
    bounced = models.BooleanField(
        default=False, help_text="Email to this participant bounced; no further contact is sent."
    )
    non_respondent_at = models.DateTimeField(null=True, blank=True)
    group_2_released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "follow-up standing"

    def __str__(self):
        return f"Follow-up of {self.participant_id}"

    @property
    def is_non_respondent(self) -> bool:
        return self.bounced or self.non_respondent_at is not None
