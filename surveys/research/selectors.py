"""Reads about withdrawal. Every sender of study contact checks `is_withdrawn` (or filters with
`contactable`) so that withdrawing stops all contact from one place."""

from django.db.models import QuerySet

from mentorship.models import Participant


def is_withdrawn(*, participant: Participant) -> bool:
    from surveys.research.models import Withdrawal

    return Withdrawal.objects.filter(participant_id=participant.pk).exists()


def contactable(queryset: QuerySet) -> QuerySet:
    """Participants the study may still write to (a Participant queryset)."""
    return queryset.filter(withdrawal__isnull=True)


def withdrawn_ids() -> set[int]:
    from surveys.research.models import Withdrawal

    return set(Withdrawal.objects.values_list("participant_id", flat=True))
