"""Random assignment records. Allocations are append-only: nothing updates or deletes them, and a
correction is a separate, audited event."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from mentorship.models import Participant


class Arm(models.TextChoices):
    IMMEDIATE = "immediate", "Group 1 (immediate access)"
    DELAYED = "delayed", "Group 2 (access after the follow-up survey)"


class RandomizationScheme(models.Model):
    """How the sequence is generated. The seed is stored so the sequence can be reproduced for
    audit, and shown on no screen, so nobody can foresee the next allocation."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    seed = models.CharField(max_length=64, editable=False)
    block_sizes = models.JSONField(help_text="Block sizes drawn at random, e.g. [2, 4, 6].")
    ratio_immediate = models.PositiveSmallIntegerField(default=1)
    ratio_delayed = models.PositiveSmallIntegerField(default=1)
    stratify_by = models.CharField(
        max_length=20,
        blank=True,
        choices=[("", "No stratification"), ("region", "Region")],
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="one_active_scheme"
            ),
        ]

    def __str__(self):
        sizes = ", ".join(str(size) for size in self.block_sizes or [])
        return (
            f"Scheme {self.pk}: blocks [{sizes}], {self.ratio_immediate}:{self.ratio_delayed}"
            f"{', by ' + self.stratify_by if self.stratify_by else ''}"
        )

    def clean(self):
        super().clean()
        sizes = self.block_sizes
        if not isinstance(sizes, list) or not sizes or not all(
            isinstance(size, int) and size > 0 for size in sizes
        ):
            raise ValidationError({"block_sizes": "Give a list of positive whole numbers."})
        if self.ratio_immediate < 1 or self.ratio_delayed < 1:
            raise ValidationError("Both arms need a ratio of at least 1.")
        unit = self.ratio_immediate + self.ratio_delayed
        if any(size % unit for size in sizes):
            raise ValidationError(
                {"block_sizes": f"Every block size must be a multiple of {unit} (the ratio's sum)."}
            )
        if self.pk and self.allocations.exists():
            raise ValidationError("A scheme with allocations cannot change.")


class SequenceCounter(models.Model):
    """The last position used in one stratum's sequence; locked row by row while assigning."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    scheme = models.ForeignKey(
        RandomizationScheme, on_delete=models.PROTECT, related_name="counters"
    )
    stratum = models.CharField(max_length=60)
    last_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "stratum"], name="one_counter_per_stratum"),
        ]

    def __str__(self):
        return f"{self.scheme_id}/{self.stratum or '-'}"


class AllocationQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError("Allocations are never changed; record an AllocationCorrection.")

    def delete(self):
        raise ValidationError("Allocations are never deleted.")


class Allocation(models.Model):
    """A participant's assignment: which position of which stratum's sequence, and its arm."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    participant = models.OneToOneField(
        Participant, on_delete=models.PROTECT, related_name="allocation"
    )
    scheme = models.ForeignKey(
        RandomizationScheme, on_delete=models.PROTECT, related_name="allocations"
    )
    stratum = models.CharField(max_length=60)
    position = models.PositiveIntegerField()
    arm = models.CharField(max_length=10, choices=Arm.choices)
    allocated_at = models.DateTimeField(default=timezone.now)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-allocated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "stratum", "position"], name="one_allocation_per_position"
            ),
        ]

    def __str__(self):
        return f"{self.participant}: {self.get_arm_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Allocations are never changed; record an AllocationCorrection.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Allocations are never deleted.")

    @property
    def effective_arm(self) -> str:
        """The arm after any corrections (the latest wins); the original stays as allocated."""
        latest = self.corrections.order_by("-corrected_at", "-pk").first()
        return latest.new_arm if latest else self.arm


class AllocationCorrection(models.Model):
    """An appended, audited correction: who, when, why, and the arm that applies from now on."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    allocation = models.ForeignKey(
        Allocation, on_delete=models.PROTECT, related_name="corrections"
    )
    new_arm = models.CharField(max_length=10, choices=Arm.choices)
    reason = models.TextField()
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["corrected_at"]

    def __str__(self):
        return f"Correction of {self.allocation_id} to {self.new_arm}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Corrections are appended, never edited.")
        super().save(*args, **kwargs)
