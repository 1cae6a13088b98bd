"""Study state of a participant: consent, how they enrolled, duplicate checks and access codes.

The mentorship app's Participant holds only the access gate; everything the study needs to prove
(who consented to which text and when, which route they came in by) lives here."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from mentorship.models import Organization, Participant
from surveys.codes import generate_code


class ConsentVersion(models.Model):
    """A versioned consent text. The newest published version is the one people agree to; a
    version someone has answered is never edited (publish a new one instead)."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200, default="Consent to take part in the study")
    body = models.TextField(help_text="Plain text; blank lines separate paragraphs.")
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty while drafting."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"Consent v{self.number}"

    def clean(self):
        super().clean()
        if self.pk and self.decisions.exists():
            original = ConsentVersion.objects.get(pk=self.pk)
            if (original.title, original.body) != (self.title, self.body):
                raise ValidationError(
                    "People have already answered this version, so its text cannot change. "
                    "Add a new version instead."
                )


class ConsentDecision(models.Model):
    """Every agree/decline, kept as a log. A decline stores nothing else about the person."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    class Decision(models.TextChoices):
        AGREED = "agreed", "Agreed"
        DECLINED = "declined", "Declined"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_decisions"
    )
    version = models.ForeignKey(ConsentVersion, on_delete=models.PROTECT, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_at"]

    def __str__(self):
        return f"{self.user} {self.decision} {self.version}"


class CaseStudyEnrolmentCode(models.Model):
    """A code a case-study organization hands its staff: they enrol without randomization."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="enrolment_codes",
        limit_choices_to={"is_case_study_site": True},
    )
    code = models.CharField(max_length=14, unique=True, default=generate_code, editable=False)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["organization__name"]
        verbose_name = "case-study enrolment code"

    def __str__(self):
        return f"{self.organization} ({self.code})"

    def clean(self):
        super().clean()
        if self.organization_id and not self.organization.is_case_study_site:
            raise ValidationError(
                {"organization": "Only case-study sites enrol without randomization."}
            )


class Enrolment(models.Model):
    """A participant's place in the study: one per participant, so one per account."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    class Route(models.TextChoices):
        RANDOMIZED = "randomized", "Randomized"
        CASE_STUDY = "case_study", "Case-study site"

    participant = models.OneToOneField(
        Participant, on_delete=models.PROTECT, related_name="enrolment"
    )
    consent_version = models.ForeignKey(
        ConsentVersion, on_delete=models.PROTECT, related_name="enrolments"
    )
    consented_at = models.DateTimeField()
    route = models.CharField(max_length=12, choices=Route.choices, default=Route.RANDOMIZED)
    enrolment_code = models.ForeignKey(
        CaseStudyEnrolmentCode,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    baseline_submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-consented_at"]

    def __str__(self):
        return f"{self.participant} ({self.get_route_display()})"

    @property
    def is_case_study(self) -> bool:
        return self.route == self.Route.CASE_STUDY


class DuplicateFlag(models.Model):
    """A likely second registration (same name and organization under another account). The
    participant's assignment waits until an administrator allows or rejects it."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for review"
        ALLOWED = "allowed", "Allowed: not a duplicate"
        REJECTED = "rejected", "Rejected: duplicate registration"

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="duplicate_flag"
    )
    matches = models.ManyToManyField(Participant, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = "possible duplicate"

    def __str__(self):
        return f"{self.participant} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class AccessCodeQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(redeemed_at__isnull=True, revoked_at__isnull=True)


class AccessCode(models.Model):
    """Unlocks the mentoring platform for the one participant it was issued to, once."""

    wagtail_reference_index_ignore = True  # study records, not CMS content

    code = models.CharField(max_length=14, unique=True, default=generate_code, editable=False)
    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="access_codes"
    )
    issued_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    resent_count = models.PositiveSmallIntegerField(default=0)
    redeemed_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = AccessCodeQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self):
        return self.code

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.redeemed_at:
            return "redeemed"
        return "issued"
