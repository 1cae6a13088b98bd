from django.db import models


class Audience(models.TextChoices):
    MENTORS = "mentors", "For mentors"
    MENTEES = "mentees", "For mentees"
    EVERYONE = "everyone", "For everyone"
