"""What the pair write in each step. Fields may be blank while a step is a draft; the services
check a step is complete before it can be confirmed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from mentorship.choices import Level, MeetingMode
from mentorship.models import Competency, Participant
from mentorship.partnerships.choices import Rating, Satisfaction

from .partnership import Partnership


def validate_meeting_modes(value):
    if not isinstance(value, list) or any(mode not in MeetingMode.values for mode in value):
        raise ValidationError("Choose meeting modes from the list.")


class Agreement(models.Model):
    """Step 1: the pair's shared agreement on how they will work together."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="agreement"
    )
    expectations = models.TextField(blank=True)
    confidentiality = models.TextField(blank=True)
    meeting_modes = models.JSONField(default=list, blank=True, validators=[validate_meeting_modes])
    frequency = models.CharField(max_length=120, blank=True)
    planned_end_date = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Agreement of {self.partnership_id}"

    def get_meeting_modes_display(self) -> str:
        labels = dict(MeetingMode.choices)
        return ", ".join(str(labels[mode]) for mode in self.meeting_modes if mode in labels)


class LearningObjective(models.Model):
    """Step 2: one of the mentee's learning objectives and how they will know it worked."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="objectives"
    )
    text = models.TextField("objective")
    competency = models.ForeignKey(
        Competency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    activities = models.TextField(blank=True)
    success_measure = models.TextField("how we will know it worked", blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:60]


class ObjectiveComment(models.Model):
    """The mentor's comment on a learning objective."""

    objective = models.ForeignKey(
        LearningObjective, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    text = models.TextField("comment")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


class Meeting(models.Model):
    """Step 3: one meeting of the pair, logged by either of them."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    mode = models.CharField(max_length=20, choices=MeetingMode.choices)
    covered = models.TextField("what was covered")
    logged_by = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"Meeting on {self.date}"


class MeetingProgress(models.Model):
    """Progress made on one learning objective at one meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="progress")
    objective = models.ForeignKey(
        LearningObjective, on_delete=models.CASCADE, related_name="progress"
    )
    note = models.TextField()

    class Meta:
        ordering = ["objective__order", "objective_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "objective"], name="one_progress_note_per_objective"
            )
        ]

    def __str__(self):
        return self.note[:60]


class Feedback(models.Model):
    """Step 4: what one person of the pair tells the other; final once submitted."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="feedback")
    giver = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    receiver = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    strengths = models.TextField("what went well", blank=True)
    suggestions = models.TextField("what could be better", blank=True)
    rating = models.PositiveSmallIntegerField(
        "overall rating", choices=Rating.choices, null=True, blank=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "giver"], name="one_feedback_per_giver"),
            models.CheckConstraint(
                condition=~models.Q(giver=models.F("receiver")), name="feedback_not_to_self"
            ),
        ]

    def __str__(self):
        return f"Feedback from {self.giver} to {self.receiver}"


class FinalAssessment(models.Model):
    """Step 5: one person's assessment of the partnership; final once submitted."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="assessments"
    )
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    quality = models.PositiveSmallIntegerField(
        "quality of the partnership", choices=Rating.choices, null=True, blank=True
    )
    effectiveness = models.PositiveSmallIntegerField(
        "effectiveness of the partnership", choices=Rating.choices, null=True, blank=True
    )
    satisfaction = models.PositiveSmallIntegerField(
        "your satisfaction", choices=Satisfaction.choices, null=True, blank=True
    )
    comments = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "participant"], name="one_assessment_per_person"
            )
        ]

    def __str__(self):
        return f"Final assessment by {self.participant}"


class CompetencyReRating(models.Model):
    """The mentee's new self-rated level in a competency worked on; copied to their profile."""

    assessment = models.ForeignKey(
        FinalAssessment, on_delete=models.CASCADE, related_name="reratings"
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "competency"], name="one_rerating_per_competency"
            )
        ]

    def __str__(self):
        return f"{self.competency}: {self.get_level_display()}"
