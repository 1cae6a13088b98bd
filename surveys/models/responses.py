"""Responses and typed answers: one row per answer value, never a JSON blob, so exports can
join answers to item and option codes directly."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentorship.models import Competency, Participant
from surveys.models.instruments import InstrumentVersion, Item, ItemOption


class Wave(models.TextChoices):
    BASELINE = "baseline", "Baseline"
    FOLLOW_UP = "follow_up", "Follow-up"


class ResponseQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)

    def in_progress(self):
        return self.filter(submitted_at__isnull=True)


class Response(models.Model):
    """A participant's answers to one wave. Pages save as they go; `current_page` is where they
    resume and `furthest_page` bounds how far ahead they may jump."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="responses"
    )
    wave = models.CharField(max_length=10, choices=Wave.choices)
    current_page = models.PositiveSmallIntegerField(default=1)
    furthest_page = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "wave"], name="one_response_per_wave"),
        ]
        permissions = [
            ("view_research_data", "Can view and export pseudonymized research data"),
        ]

    def __str__(self):
        return f"{self.participant} – {self.get_wave_display()}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Answer(models.Model):
    """One typed value. Multiple choice stores one row per chosen option; the competency grid one
    row per competency (level in `value_int`); scales store the option and its numeric value."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(
        ItemOption, null=True, blank=True, on_delete=models.PROTECT, related_name="answers"
    )
    competency = models.ForeignKey(
        Competency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    value_int = models.IntegerField(null=True, blank=True)
    value_decimal = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    value_text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "item", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item", "option"],
                condition=Q(option__isnull=False),
                name="answer_option_once",
            ),
            models.UniqueConstraint(
                fields=["response", "item", "competency"],
                condition=Q(competency__isnull=False),
                name="answer_competency_once",
            ),
            models.UniqueConstraint(
                fields=["response", "item"],
                condition=Q(option__isnull=True, competency__isnull=True),
                name="answer_value_once",
            ),
        ]

    def __str__(self):
        return f"{self.item.code}={self.display_value}"

    @property
    def display_value(self):
        if self.option_id:
            return self.option.code
        if self.value_decimal is not None:
            return self.value_decimal
        if self.value_int is not None:
            return self.value_int
        return self.value_text
