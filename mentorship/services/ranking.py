"""Keep the figures search ranks by in step with the rows they summarise.

Each refresh recomputes from the source rows (requests, partnerships, the profile itself), never
by adding or subtracting, so a missed call is corrected by the next one instead of drifting.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from mentorship.models import MentorshipRequest, Participant
from mentorship.partnerships.models import Partnership
from mentorship.selectors import completeness_expression

RECENT_REQUEST_DAYS = 30
CHUNK = 1000
FIGURES = [
    "profile_completeness",
    "ranking_active_mentees",
    "ranking_pending_requests",
    "ranking_recent_requests",
    "ranking_answered_requests",
    "ranking_resolved_requests",
]
Status = MentorshipRequest.Status


def _count(queryset):
    counted = queryset.order_by().values("mentor").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def participant_figures_refresh(
    *, participant_ids: Iterable[int], now: datetime | None = None
) -> int:
    """Recompute profile completeness and mentoring figures for these participants.

    Returns how many participants were updated. Safe to call as often as needed.
    """
    now = now or timezone.now()
    ids = sorted(set(participant_ids))
    received = MentorshipRequest.objects.filter(mentor=OuterRef("pk"))
    updated = 0
    for start in range(0, len(ids), CHUNK):
        rows = Participant.objects.filter(pk__in=ids[start : start + CHUNK]).annotate(
            new_completeness=completeness_expression(),
            new_active=_count(
                Partnership.objects.filter(
                    mentor=OuterRef("pk"), status=Partnership.Status.ACTIVE
                )
            ),
            new_pending=_count(received.filter(status=Status.PENDING)),
            new_recent=_count(
                received.filter(created_at__gte=now - timezone.timedelta(days=RECENT_REQUEST_DAYS))
            ),
            new_answered=_count(received.filter(status__in=[Status.ACCEPTED, Status.DECLINED])),
            new_resolved=_count(
                received.filter(status__in=[Status.ACCEPTED, Status.DECLINED, Status.EXPIRED])
            ),
        )
        changed = []
        for row in rows.only("pk", *FIGURES):
            values = (row.new_completeness, row.new_active, row.new_pending, row.new_recent,
                      row.new_answered, row.new_resolved)
            if values != tuple(getattr(row, name) for name in FIGURES):
                for name, value in zip(FIGURES, values, strict=True):
                    setattr(row, name, value)
                changed.append(row)
        Participant.objects.bulk_update(changed, FIGURES, batch_size=500)
        updated += len(changed)
    return updated


def recent_mentor_ids(*, now: datetime | None = None) -> list[int]:
    """Mentors whose 30-day request count may have changed just by time passing."""
    now = now or timezone.now()
    since = now - timezone.timedelta(days=RECENT_REQUEST_DAYS + 2)
    return list(
        MentorshipRequest.objects.filter(created_at__gte=since)
        .values_list("mentor_id", flat=True)
        .distinct()
    )
