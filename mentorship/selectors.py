"""Reads about profiles: completeness, what others may see, and a participant's own lists."""

from dataclasses import dataclass

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Cast

from mentorship.models import (
    Competency,
    CompetencyRating,
    MentorshipRequest,
    Participant,
    SavedSearch,
)


@dataclass(frozen=True)
class ProfileItem:
    """One thing a complete profile has; `filled` asks the database the same question."""

    key: str
    label: str
    filled: Q


def _not_blank(field: str) -> Q:
    return ~Q(**{field: ""}) & Q(**{f"{field}__isnull": False})


def _has_ratings() -> Q:
    return Q(Exists(CompetencyRating.objects.filter(participant=OuterRef("pk"))))


# The photo comes first: in the pilot, mentors with a photo were far likelier to be contacted.
PROFILE_ITEMS = [
    ProfileItem("photo", "a photo", _not_blank("photo")),
    ProfileItem("name", "your first and last name", _not_blank("user__first_name")
                & _not_blank("user__last_name")),
    ProfileItem("position", "your position", _not_blank("position")),
    ProfileItem("organization", "your organization", Q(organization__isnull=False)),
    ProfileItem("region", "your region", _not_blank("region")),
    ProfileItem("years_in_field", "years in the field", _not_blank("years_in_field")),
    ProfileItem("client_populations", "client populations you serve",
                _not_blank("client_populations")),
    ProfileItem("certifications", "certifications", _not_blank("certifications")),
    ProfileItem("bio", "a short bio", _not_blank("bio")),
    ProfileItem("work_history", "your work history", _not_blank("work_history")),
    ProfileItem("pd_interests", "professional development interests", _not_blank("pd_interests")),
    ProfileItem("meeting_modes", "how you like to meet", _not_blank("meeting_modes")),
    ProfileItem("competencies", "your competency self-assessment", _has_ratings()),
]


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: list[ProfileItem]

    @property
    def has_photo(self) -> bool:
        return all(item.key != "photo" for item in self.missing)


def completeness_expression():
    """Profile completeness as a whole percentage, computed by the database for many rows."""
    filled = sum(
        (Case(When(item.filled, then=Value(1)), default=Value(0)) for item in PROFILE_ITEMS),
        start=Value(0),
    )
    return Cast(filled * 100 / len(PROFILE_ITEMS), IntegerField())


def profile_completeness(*, participant: Participant) -> Completeness:
    """What share of the profile is filled in and what is still missing (one query)."""
    flags = (
        Participant.objects.filter(pk=participant.pk)
        .annotate(
            **{
                f"has_{item.key}": Case(When(item.filled, then=Value(1)), default=Value(0))
                for item in PROFILE_ITEMS
            }
        )
        .values(*(f"has_{item.key}" for item in PROFILE_ITEMS))
        .get()
    )
    missing = [item for item in PROFILE_ITEMS if not flags[f"has_{item.key}"]]
    percent = (len(PROFILE_ITEMS) - len(missing)) * 100 // len(PROFILE_ITEMS)
    return Completeness(percent=percent, missing=missing)


def ratings_by_competency(*, participant: Participant) -> dict[int, CompetencyRating]:
    return {r.competency_id: r for r in participant.competency_ratings.all()}


def public_ratings(*, participant: Participant) -> list[CompetencyRating]:
    """The self-assessment as others see it, in the program's order of competencies."""
    return list(
        participant.competency_ratings.filter(competency__is_active=True)
        .select_related("competency")
        .order_by("competency__sort_order", "competency__name")
    )


def active_competencies() -> QuerySet[Competency]:
    return Competency.objects.filter(is_active=True)


def requests_sent(*, participant: Participant) -> QuerySet[MentorshipRequest]:
    return participant.requests_sent.select_related(
        "mentor__user", "mentor__organization", "competency"
    )


def requests_received(*, participant: Participant) -> QuerySet[MentorshipRequest]:
    return participant.requests_received.select_related(
        "mentee__user", "mentee__organization", "competency"
    )


def saved_searches(*, participant: Participant) -> QuerySet[SavedSearch]:
    return participant.saved_searches.select_related("competency")


def visible_participants() -> QuerySet[Participant]:
    """Participants whose profile another participant with access may open."""
    return Participant.objects.with_access().select_related("user", "organization")
