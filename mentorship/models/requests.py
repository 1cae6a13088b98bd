import secrets

from django.db import models
from django.utils import timezone

from mentorship.models.profiles import Competency, Participant


def new_token() -> str:
    return secrets.token_urlsafe(24)


class MentorshipRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=MentorshipRequest.Status.PENDING)

    def involving(self, participant):
        return self.filter(models.Q(mentor=participant) | models.Q(mentee=participant))


class MentorshipRequest(models.Model):
    """A mentee asking one mentor for mentoring in one competency.

    Only one request per mentee, mentor and competency can be pending at a time. A pending request
    is answered (accepted or declined), withdrawn by the mentee, or expires unanswered.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired without an answer"
        WITHDRAWN = "withdrawn", "Withdrawn"

    mentee = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requests_sent"
    )
    mentor = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="requests_received"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(max_length=1500)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(max_length=1000, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MentorshipRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee", "mentor", "competency"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_pair_and_competency",
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="request_not_to_self"
            ),
        ]
        indexes = [
            models.Index(fields=["mentor", "status"]),
            models.Index(fields=["status", "created_at"]),
        ]

    def __str__(self):
        return f"{self.mentee} → {self.mentor} ({self.competency}, {self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
