"""Vocabularies shared by profiles, matching and the surveys (values are stable codes)."""

from django.db import models


class Level(models.IntegerChoices):
    BEGINNER = 1, "Beginner"
    INTERMEDIATE = 2, "Intermediate"
    ADVANCED = 3, "Advanced"
    EXPERT = 4, "Expert"


class Region(models.TextChoices):
    LOWER_MAINLAND = "lower_mainland", "Lower Mainland"
    FRASER_VALLEY = "fraser_valley", "Fraser Valley"
    GREATER_VICTORIA = "greater_victoria", "Greater Victoria"
    CENTRAL_NORTH_ISLAND = "central_north_island", "Central/North Island"
    SOUTHEAST = "southeast", "Southeast BC"
    THOMPSON_OKANAGAN = "thompson_okanagan", "Thompson-Okanagan"
    CARIBOO = "cariboo", "Cariboo"
    NORTH_CENTRAL = "north_central", "North Central"
    NORTH_COAST = "north_coast", "North Coast"
    NORTHEAST = "northeast", "Northeast"


class OrganizationType(models.TextChoices):
    WORKBC = "workbc", "WorkBC centre"
    NON_PROFIT = "non_profit", "Other non-profit"
    GOVERNMENT_FUNDED = "government_funded", "Other government-funded"
    PRIVATE = "private", "Private for-profit"
    POST_SECONDARY = "post_secondary", "Post-secondary"
    OTHER = "other", "Other"


class MeetingMode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    VIDEO = "video", "Video call"
