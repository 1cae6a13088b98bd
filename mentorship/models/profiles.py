import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from mentorship.choices import (
    Certification,
    ClientPopulation,
    Level,
    MeetingMode,
    OrganizationType,
    Position,
    Region,
    YearsInField,
)
from mentorship.models.fields import ChoiceListField

MAX_MENTEE_CAPACITY = 10


def photo_path(instance, filename):
    """Random names: a photo's address must not reveal or enumerate who it belongs to."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"participants/photos/{uuid.uuid4().hex}.{extension}"


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

    def available(self):
        return self.filter(is_unavailable=False)


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

    # The public profile: what other participants with access see.
    position = models.CharField(max_length=30, choices=Position.choices, blank=True)
    years_in_field = models.CharField(
        "years in the field", max_length=10, choices=YearsInField.choices, blank=True
    )
    client_populations = ChoiceListField(
        "client populations served", item_choices=ClientPopulation.choices
    )
    certifications = ChoiceListField(item_choices=Certification.choices)
    bio = models.TextField(
        "short bio",
        max_length=1200,
        blank=True,
        help_text="A few sentences about you and your work.",
    )
    work_history = models.TextField(
        max_length=3000, blank=True, help_text="Roles and organizations, most recent first."
    )
    pd_interests = models.TextField(
        "professional development interests", max_length=1500, blank=True
    )
    meeting_modes = ChoiceListField(
        "how you like to meet", item_choices=MeetingMode.choices
    )
    photo = models.ImageField(upload_to=photo_path, blank=True)
    photo_small = models.FileField(upload_to=photo_path, blank=True, editable=False)
    photo_medium = models.FileField(upload_to=photo_path, blank=True, editable=False)

    # Availability as a mentor. The reason is private to the participant.
    is_unavailable = models.BooleanField(
        "unavailable as a mentor",
        default=False,
        help_text="You will not appear in searches and cannot receive new requests.",
    )
    unavailable_reason = models.CharField(
        max_length=200, blank=True, help_text="Only you can see this."
    )
    mentee_capacity = models.PositiveSmallIntegerField(
        "how many mentees at once",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MENTEE_CAPACITY)],
    )
    profile_updated_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Figures the search ranks by, kept here so ranking thousands of candidates reads columns
    # instead of counting rows per candidate. They are recomputed from the source rows by
    # mentorship.services.ranking whenever those rows change (and nightly for the 30-day window);
    # eligibility itself never relies on them.
    profile_completeness = models.PositiveSmallIntegerField(default=0, editable=False)
    ranking_active_mentees = models.PositiveSmallIntegerField(default=0, editable=False)
    ranking_pending_requests = models.PositiveIntegerField(default=0, editable=False)
    ranking_recent_requests = models.PositiveIntegerField(default=0, editable=False)
    ranking_answered_requests = models.PositiveIntegerField(default=0, editable=False)
    ranking_resolved_requests = models.PositiveIntegerField(default=0, editable=False)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.user)

    @property
    def has_access(self) -> bool:
        return self.access_granted_at is not None

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or "A participant"

    @property
    def client_population_labels(self) -> list[str]:
        return self._meta.get_field("client_populations").labels(self.client_populations)

    @property
    def certification_labels(self) -> list[str]:
        return self._meta.get_field("certifications").labels(self.certifications)

    @property
    def meeting_mode_labels(self) -> list[str]:
        return self._meta.get_field("meeting_modes").labels(self.meeting_modes)

    @property
    def initials(self) -> str:
        parts = [self.user.first_name[:1], self.user.last_name[:1]]
        return "".join(parts).upper() or "?"


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
