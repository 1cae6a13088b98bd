from django.db import models
from django.utils import timezone

from mentorship.models import Participant
from mentorship.partnerships.choices import ReminderReason

from .partnership import Partnership


class ReminderText(models.Model):
    """The email staff write for one reminder reason; {placeholders} are filled per partnership."""

    reason = models.CharField(max_length=30, choices=ReminderReason.choices, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(
        help_text=(
            "Placeholders: {recipient_name}, {other_name}, {competency}, {step_name}, "
            "{planned_end_date}, {days}, {url}."
        )
    )

    class Meta:
        ordering = ["reason"]

    def __str__(self):
        return self.get_reason_display()


class ReminderLog(models.Model):
    """A reminder sent; the unique key makes sure the same reminder is never sent twice."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="reminders"
    )
    recipient = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=30, choices=ReminderReason.choices)
    key = models.CharField(
        max_length=60, help_text="What the reminder is about, e.g. the step or the end date."
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "recipient", "reason", "key"], name="one_reminder_per_key"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} to {self.recipient}"
