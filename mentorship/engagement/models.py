"""Who is stuck and how staff reach them: thresholds, check-in templates, check-ins and nudges."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from mentorship.models import Participant


class Situation(models.TextChoices):
    NO_PROFILE = "no_profile", "No profile yet"
    SEARCHED_NO_REQUEST = "searched_no_request", "Searched but never asked a mentor"
    REQUEST_UNANSWERED = "request_unanswered", "Request waiting for their answer"
    NO_MEETING = "no_meeting", "Partnership with no meeting logged"
    FOLLOW_UP_OVERDUE = "follow_up_overdue", "Follow-up survey overdue"


def _days(default: int, help_text: str):
    return models.PositiveSmallIntegerField(
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=help_text,
    )


@register_setting(icon="time")
class EngagementSettings(BaseGenericSetting):
    """When a participant counts as stuck, in days. One row; staff edit it under Settings."""

    no_profile_days = _days(14, "Access opened this many days ago and no profile saved.")
    searched_no_request_days = _days(14, "First search this many days ago, no request sent.")
    request_unanswered_days = _days(5, "A request has waited this many days for the mentor.")
    no_meeting_days = _days(21, "An active partnership has logged no meeting for this long.")
    follow_up_overdue_days = _days(14, "The follow-up survey opened this long ago, not answered.")
    nudges_enabled = models.BooleanField(
        "send automatic nudges",
        default=True,
        help_text="The scheduled command emails each stuck person once per situation.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("no_profile_days"),
                FieldPanel("searched_no_request_days"),
                FieldPanel("request_unanswered_days"),
                FieldPanel("no_meeting_days"),
                FieldPanel("follow_up_overdue_days"),
            ],
            heading="Who counts as stuck (days)",
        ),
        FieldPanel("nudges_enabled"),
    ]

    class Meta:
        verbose_name = "engagement thresholds"

    def threshold(self, situation: str) -> int:
        return {
            Situation.NO_PROFILE: self.no_profile_days,
            Situation.SEARCHED_NO_REQUEST: self.searched_no_request_days,
            Situation.REQUEST_UNANSWERED: self.request_unanswered_days,
            Situation.NO_MEETING: self.no_meeting_days,
            Situation.FOLLOW_UP_OVERDUE: self.follow_up_overdue_days,
        }[situation]


class CheckInTemplate(models.Model):
    """An editable check-in email. `{first_name}` in the subject or body becomes the person's
    first name. The template marked for a situation is also the automatic nudge for it."""

    name = models.CharField(max_length=120, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text. {first_name} is replaced by the first name.")
    nudge_for = models.CharField(
        "automatic nudge for",
        max_length=30,
        choices=Situation.choices,
        blank=True,
        unique=True,
        null=True,
        help_text="Use this text for the automatic nudge in this situation.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "check-in email"

    def __str__(self):
        return self.name

    def render(self, *, participant: Participant) -> tuple[str, str]:
        first_name = participant.user.first_name or "there"
        return (
            self.subject.replace("{first_name}", first_name),
            self.body.replace("{first_name}", first_name),
        )


class CheckIn(models.Model):
    """A check-in by a program administrator: an email sent, or only a note of a conversation."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="check_ins"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    template = models.ForeignKey(
        CheckInTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    situation = models.CharField(max_length=30, choices=Situation.choices, blank=True)
    emailed = models.BooleanField(default=False)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["participant", "at"])]
        permissions = [("view_dashboard", "Can see the engagement dashboard and check in")]

    def __str__(self):
        kind = "email" if self.emailed else "note"
        return f"Check-in {kind} with {self.participant} on {self.at:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if not self.emailed and not self.note.strip():
            raise ValidationError({"note": "Write what the check-in was about."})


class Nudge(models.Model):
    """An automatic reminder: at most one per participant, situation and occurrence (`key`,
    e.g. the request or partnership it is about), whatever how often the command runs."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="nudges")
    situation = models.CharField(max_length=30, choices=Situation.choices)
    key = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "situation", "key"], name="one_nudge_per_situation"
            )
        ]

    def __str__(self):
        return f"Nudge {self.get_situation_display()} to {self.participant}"
