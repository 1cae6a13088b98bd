"""Vocabularies of the partnership steps (values are stable codes stored in the database)."""

from django.db import models


class Step(models.IntegerChoices):
    AGREEMENT = 1, "Establish the relationship"
    PLAN = 2, "Develop a plan"
    PRACTICE = 3, "Guidance and practice"
    FEEDBACK = 4, "Feedback"
    ASSESSMENT = 5, "Final assessment"


class Rating(models.IntegerChoices):
    POOR = 1, "1 – Poor"
    FAIR = 2, "2 – Fair"
    GOOD = 3, "3 – Good"
    VERY_GOOD = 4, "4 – Very good"
    EXCELLENT = 5, "5 – Excellent"


class Satisfaction(models.IntegerChoices):
    VERY_DISSATISFIED = 1, "1 – Very dissatisfied"
    DISSATISFIED = 2, "2 – Dissatisfied"
    NEUTRAL = 3, "3 – Neither satisfied nor dissatisfied"
    SATISFIED = 4, "4 – Satisfied"
    VERY_SATISFIED = 5, "5 – Very satisfied"


class ReminderReason(models.TextChoices):
    STEP_WAITING = "step_waiting", "A step is waiting on one person"
    NO_MEETING = "no_meeting", "No meeting logged for a while"
    END_APPROACHING = "end_approaching", "The planned end date is approaching"
    FINAL_DUE = "final_due", "The final assessment is due"
