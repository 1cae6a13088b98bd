"""Writes to a participant's own profile, self-assessment and availability."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from mentorship.models import Competency, CompetencyRating, Participant
from mentorship.services.saved_searches import saved_searches_changed

PROFILE_FIELDS = [
    "position",
    "organization",
    "region",
    "years_in_field",
    "client_populations",
    "certifications",
    "bio",
    "work_history",
    "pd_interests",
    "meeting_modes",
]


@transaction.atomic
def profile_update(
    *, participant: Participant, first_name: str, last_name: str, **fields
) -> Participant:
    """Save the public profile; the name lives on the user account."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Not profile fields: {', '.join(sorted(unknown))}")
    user = participant.user
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.full_clean(validate_unique=False)
    user.save(update_fields=["first_name", "last_name"])
    for name, value in fields.items():
        setattr(participant, name, value)
    participant.profile_updated_at = timezone.now()
    participant.full_clean()
    participant.save()
    return participant


@dataclass(frozen=True)
class RatingRow:
    competency: Competency
    level: int | None  # None: not rated (the row is removed)
    willing_to_mentor: bool = False
    seeking_mentor: bool = False


@transaction.atomic
def ratings_update(*, participant: Participant, rows: list[RatingRow]) -> None:
    """Replace the self-assessment for the given competencies.

    Invariant: one rating per competency; a competency without a level has no rating, so it can
    be neither offered nor sought. Saved searches are re-checked, since a raised level or a new
    "willing" tick can make this participant an eligible mentor for someone.
    """
    existing = {r.competency_id: r for r in participant.competency_ratings.all()}
    for row in rows:
        rating = existing.get(row.competency.pk)
        if row.level is None:
            if rating:
                rating.delete()
            continue
        rating = rating or CompetencyRating(participant=participant, competency=row.competency)
        rating.level = row.level
        rating.willing_to_mentor = row.willing_to_mentor
        rating.seeking_mentor = row.seeking_mentor
        rating.full_clean()
        rating.save()
    participant.profile_updated_at = timezone.now()
    participant.save(update_fields=["profile_updated_at"])
    saved_searches_changed(participant=participant)


@transaction.atomic
def availability_update(
    *,
    participant: Participant,
    is_unavailable: bool,
    mentee_capacity: int,
    unavailable_reason: str = "",
) -> Participant:
    """Mark the participant (un)available as a mentor and set how many mentees they take.

    Pending requests are left as they are: an unavailable mentor may still answer them.
    """
    opened = (participant.is_unavailable and not is_unavailable) or (
        mentee_capacity > participant.mentee_capacity
    )
    participant.is_unavailable = is_unavailable
    participant.unavailable_reason = unavailable_reason.strip() if is_unavailable else ""
    participant.mentee_capacity = mentee_capacity
    participant.full_clean()
    participant.save(update_fields=["is_unavailable", "unavailable_reason", "mentee_capacity"])
    if opened:
        saved_searches_changed(participant=participant)
    return participant
