from django.conf import settings
from django.db import models
from django.utils import timezone

from mentorship.choices import Level, OrganizationType, Region


class Competency(models.Model):
    """One of the competency areas a practitioner rates themself in and seeks mentoring in.

    The code is stable (exports and survey items refer to it); staff may edit the name and order.
    """

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text="Inactive competencies are hidden from profiles and search."
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "competencies"

    def __str__(self):
        return self.name


class Organization(models.Model):
    """An employer of practitioners. Case-study sites enrol whole teams without randomization."""

    name = models.CharField(max_length=200, unique=True)
    organization_type = models.CharField(max_length=30, choices=OrganizationType.choices)
    region = models.CharField(max_length=30, choices=Region.choices)
    is_case_study_site = models.BooleanField("case-study site", default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ParticipantQuerySet(models.QuerySet):
    def with_access(self):
        return self.filter(access_granted_at__isnull=False)


class Participant(models.Model):
    """A practitioner taking part in the program; one per user account.

    `access_granted_at` is the gate to the mentoring platform: it is set when an access code is
    redeemed (or at once for case-study sites) and never cleared by ordinary use.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participant"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="participants"
    )
    region = models.CharField(max_length=30, choices=Region.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    access_granted_at = models.DateTimeField(null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.user)

    @property
    def has_access(self) -> bool:
        return self.access_granted_at is not None


class CompetencyRating(models.Model):
    """A participant's self-rated level in one competency, and what they want to do with it.

    The matching rule reads these rows: a mentor rated strictly higher than the mentee, willing to
    receive requests in that competency, and not unavailable.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="competency_ratings"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="ratings")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    willing_to_mentor = models.BooleanField(default=False)
    seeking_mentor = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "competency"], name="one_rating_per_competency"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="rating_level_in_range"
            ),
        ]
        indexes = [models.Index(fields=["competency", "willing_to_mentor", "level"])]

    def __str__(self):
        return f"{self.participant}: {self.competency} ({self.get_level_display()})"
