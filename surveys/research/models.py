"""Research records: withdrawals and the data policy each consent version promises, the
gift-card draws, and a log of exports (whose Meta carries the personal-data permission)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from mentorship.models import Participant
from surveys.models import ConsentVersion


class DataPolicy(models.TextChoices):
    KEEP = "keep", "Keep the answers already given"
    DELETE = "delete", "Delete the survey answers"


class ConsentDataPolicy(models.Model):
    """What a consent version promised about data on withdrawal. A version without a row keeps
    data (`DEFAULT_POLICY`), the usual promise of a trial's consent form."""

    DEFAULT_POLICY = DataPolicy.KEEP

    consent_version = models.OneToOneField(
        ConsentVersion, on_delete=models.CASCADE, related_name="data_policy"
    )
    on_withdrawal = models.CharField(max_length=10, choices=DataPolicy.choices)

    class Meta:
        verbose_name = "consent data policy"

    def __str__(self):
        return f"{self.consent_version}: {self.get_on_withdrawal_display()}"


class Withdrawal(models.Model):
    """A participant left the study. The allocation stays; contact stops; `policy_applied` records
    which promise was kept (and `survey_data_deleted_at` when answers were erased)."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="withdrawal"
    )
    withdrawn_at = models.DateTimeField(default=timezone.now)
    policy_applied = models.CharField(max_length=10, choices=DataPolicy.choices)
    survey_data_deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"{self.participant_id} withdrew {self.withdrawn_at:%Y-%m-%d}"


class GiftCardDraw(models.Model):
    """One draw among follow-up completers. Reproducible: the winners are a pure function of the
    seed and the sorted eligible ids, both stored. Never part of a research export."""

    seed = models.CharField(max_length=64)
    winners_wanted = models.PositiveSmallIntegerField()
    eligible_ids = models.JSONField(help_text="Participant ids in the pool, sorted.")
    winner_ids = models.JSONField(help_text="Participant ids drawn, in draw order.")
    drawn_at = models.DateTimeField(default=timezone.now)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-drawn_at"]

    def __str__(self):
        return f"Draw {self.pk} ({len(self.winner_ids)} of {len(self.eligible_ids)})"


class ExportLog(models.Model):
    """Who exported research data, when, and whether personal data was included."""

    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    exported_at = models.DateTimeField(default=timezone.now)
    include_personal_data = models.BooleanField(default=False)
    rows = models.PositiveIntegerField(default=0)
    via = models.CharField(max_length=20, default="admin")

    class Meta:
        ordering = ["-exported_at"]
        permissions = [
            ("export_personal_data", "Can include names and emails in research exports"),
        ]

    def __str__(self):
        return f"Export {self.exported_at:%Y-%m-%d %H:%M}"
