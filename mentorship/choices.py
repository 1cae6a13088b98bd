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


class Position(models.TextChoices):
    CASE_MANAGER = "case_manager", "Case manager"
    MANAGER = "manager", "Manager"
    CAREER_ADVISOR = "career_advisor", "Career advisor"
    CAREER_COACH = "career_coach", "Career coach"
    FACILITATOR = "facilitator", "Facilitator"
    OTHER = "other", "Other"


class YearsInField(models.TextChoices):
    UNDER_6_MONTHS = "lt_6m", "Less than 6 months"
    UNDER_1_YEAR = "6_12m", "6 to 12 months"
    ONE_TO_THREE = "1_3y", "1 to 3 years"
    THREE_TO_TEN = "3_10y", "3 to 10 years"
    OVER_TEN = "gt_10y", "More than 10 years"


class ClientPopulation(models.TextChoices):
    MULTIPLE_BARRIERS = "multiple_barriers", "People with multiple barriers"
    DISABILITIES = "disabilities", "People with disabilities"
    YOUTH = "youth", "Youth"
    OLDER_WORKERS = "older_workers", "Older workers"
    IMMIGRANTS = "immigrants", "Immigrants"
    ABORIGINAL = "aboriginal", "Aboriginal peoples"
    WOMEN = "women", "Women"
    OTHER = "other", "Other"


class Certification(models.TextChoices):
    BC_CCDP = "bc_ccdp", "BC CCDP"
    OTHER = "other", "Other certification"
    NONE = "none", "None"
