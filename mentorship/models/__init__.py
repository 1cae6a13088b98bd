"""The program's data: profiles and competencies, searches, and mentorship requests."""

from mentorship.models.profiles import (
    MAX_MENTEE_CAPACITY,
    Competency,
    CompetencyRating,
    Organization,
    Participant,
    ParticipantQuerySet,
)
from mentorship.models.requests import MentorshipRequest
from mentorship.models.searches import SavedSearch, SearchLog

__all__ = [
    "MAX_MENTEE_CAPACITY",
    "Competency",
    "CompetencyRating",
    "MentorshipRequest",
    "Organization",
    "Participant",
    "ParticipantQuerySet",
    "SavedSearch",
    "SearchLog",
]
