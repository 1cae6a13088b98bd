"""Partnership models, split by idea: the partnership, the content of each step, reminders."""

from .partnership import Partnership, PartnershipQuerySet, StepConfirmation
from .reminders import ReminderLog, ReminderText
from .steps import (
    Agreement,
    CompetencyReRating,
    Feedback,
    FinalAssessment,
    LearningObjective,
    Meeting,
    MeetingProgress,
    ObjectiveComment,
)

__all__ = [
    "Agreement",
    "CompetencyReRating",
    "Feedback",
    "FinalAssessment",
    "LearningObjective",
    "Meeting",
    "MeetingProgress",
    "ObjectiveComment",
    "Partnership",
    "PartnershipQuerySet",
    "ReminderLog",
    "ReminderText",
    "StepConfirmation",
]
