"""Keep the figures search ranks by in step with the rows they summarise.

Each refresh recomputes from the source rows (requests, partnerships, the profile itself), never
by adding or subtracting, so a missed call is corrected by the next one instead of drifting.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

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
NEW_FIGURES = [f"new_{name}" for name in FIGURES]
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
    active = Partnership.objects.filter(mentor=OuterRef("pk"), status=Partnership.Status.ACTIVE)
    answered = [Status.ACCEPTED, Status.DECLINED]
    figures = [  # in the order of FIGURES
        completeness_expression(),
        _count(active),
        _count(received.filter(status=Status.PENDING)),
        _count(received.filter(created_at__gte=now - timedelta(days=RECENT_REQUEST_DAYS))),
        _count(received.filter(status__in=answered)),
        _count(received.filter(status__in=[*answered, Status.EXPIRED])),
    ]
    updated = 0
    for start in range(0, len(ids), CHUNK):
        rows = Participant.objects.filter(pk__in=ids[start : start + CHUNK]).annotate(
            **dict(zip(NEW_FIGURES, figures, strict=True))
        )
        # One UPDATE per distinct set of figures: a bulk load has only a handful of them.
        groups: dict[tuple, list[int]] = defaultdict(list)
        for row in rows.values_list("pk", *FIGURES, *NEW_FIGURES):
            pk, old, new = row[0], row[1 : len(FIGURES) + 1], row[len(FIGURES) + 1 :]
            if old != new:
                groups[new].append(pk)
        for values, pks in groups.items():
            Participant.objects.filter(pk__in=pks).update(**dict(zip(FIGURES, values, strict=True)))
            updated += len(pks)
    return updated


def mentor_ids_to_recheck(*, now: datetime | None = None) -> set[int]:
    """Mentors whose figures may be stale: requests in the sliding 30-day window (time alone
    moves it), and anyone with active partnerships or a non-zero count (a partnership changed
    by a bulk update would not have sent a signal)."""
    now = now or timezone.now()
    since = now - timedelta(days=RECENT_REQUEST_DAYS + 2)
    ids = set(
        MentorshipRequest.objects.filter(created_at__gte=since).values_list("mentor_id", flat=True)
    )
    ids.update(
        Partnership.objects.filter(status=Partnership.Status.ACTIVE).values_list(
            "mentor_id", flat=True
        )
    )
    ids.update(
        Participant.objects.filter(ranking_active_mentees__gt=0).values_list("pk", flat=True)
    )
    return ids
