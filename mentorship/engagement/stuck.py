"""Who is stuck where. Each rule is a Participant queryset with `stuck_since` and `key` (the
occurrence: which request or partnership), so the dashboard pages it and the nudge command
remembers it, both in a constant number of queries however many people are stuck."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import (
    CharField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast
from django.utils import timezone

from mentorship.engagement.models import CheckIn, EngagementSettings, Nudge, Situation
from mentorship.models import MentorshipRequest, Participant, SearchLog
from mentorship.partnerships.models import Meeting, Partnership
from surveys.models import Response, Wave
from surveys.research.models import Withdrawal
from surveys.selectors import follow_up_after_days


def _min(queryset, field: str, *, per: str):
    """The smallest `field` of `queryset` rows for the outer participant, as an aggregate:
    ORDER BY ... LIMIT 1 lets PostgreSQL walk a date index and filter, once per participant."""
    return Subquery(
        queryset.order_by().values(per).annotate(smallest=Min(field)).values("smallest")
    )


def no_profile(people: QuerySet, *, days: int, now: datetime) -> QuerySet:
    """Access opened at least `days` ago and they have never saved their profile."""
    return people.filter(
        access_granted_at__lte=now - timedelta(days=days), profile_updated_at__isnull=True
    ).annotate(stuck_since=F("access_granted_at"), key=Value("profile"))


def searched_no_request(people: QuerySet, *, days: int, now: datetime) -> QuerySet:
    """First searched at least `days` ago and have never sent a mentorship request."""
    cutoff = now - timedelta(days=days)
    # Filter through the search table (a semi-join), then look up the first search only for
    # the rows shown: a per-participant subquery in WHERE would run once per participant.
    searches = SearchLog.objects.filter(participant=OuterRef("pk"))
    return (
        people.filter(pk__in=SearchLog.objects.filter(created_at__lte=cutoff).values("participant"))
        .exclude(Exists(MentorshipRequest.objects.filter(mentee=OuterRef("pk"))))
        .annotate(
            stuck_since=_min(searches, "created_at", per="participant"), key=Value("search")
        )
    )


def request_unanswered(people: QuerySet, *, days: int, now: datetime) -> QuerySet:
    """Mentors with a request pending at least `days`; the key is the first such request (the
    lowest id), so a mentor is nudged again only once that one is answered and another waits."""
    waiting = MentorshipRequest.objects.filter(
        status=MentorshipRequest.Status.PENDING, created_at__lte=now - timedelta(days=days)
    )
    theirs = waiting.filter(mentor=OuterRef("pk"))
    return people.filter(pk__in=waiting.values("mentor")).annotate(
        stuck_since=_min(theirs, "created_at", per="mentor"),
        key=Cast(_min(theirs, "pk", per="mentor"), CharField()),
    )


def no_meeting(people: QuerySet, *, days: int, now: datetime) -> QuerySet:
    """Both people of an active partnership, started at least `days` ago, with no meeting
    dated within the last `days`; the key is the partnership (the lowest id if several)."""
    cutoff = now - timedelta(days=days)
    silent = Partnership.objects.filter(
        status=Partnership.Status.ACTIVE, started_at__lte=cutoff
    ).exclude(
        Exists(
            Meeting.objects.filter(partnership=OuterRef("pk"), date__gte=timezone.localdate(cutoff))
        )
    )
    theirs = silent.filter(Q(mentor=OuterRef("pk")) | Q(mentee=OuterRef("pk"))).annotate(
        everyone=Value(1)
    )
    return people.filter(
        Q(pk__in=silent.values("mentor")) | Q(pk__in=silent.values("mentee"))
    ).annotate(
        stuck_since=_min(theirs, "started_at", per="everyone"),
        key=Cast(_min(theirs, "pk", per="everyone"), CharField()),
    )


def follow_up_overdue(people: QuerySet, *, days: int, now: datetime) -> QuerySet:
    """The follow-up survey opened at least `days` ago and they have not submitted it. People who
    withdrew from the study were promised no more contact about it, so they are never listed."""
    opens_after = follow_up_after_days()
    return (
        people.filter(
            enrolment__baseline_submitted_at__lte=now - timedelta(days=opens_after + days)
        )
        .exclude(
            Exists(
                Response.objects.filter(
                    participant=OuterRef("pk"), wave=Wave.FOLLOW_UP, submitted_at__isnull=False
                )
            )
        )
        .exclude(Exists(Withdrawal.objects.filter(participant=OuterRef("pk"))))
        .annotate(stuck_since=F("enrolment__baseline_submitted_at"), key=Value("follow_up"))
    )


@dataclass(frozen=True)
class Rule:
    situation: str
    label: str
    since_label: str
    select: object


RULES = {
    Situation.NO_PROFILE: Rule(
        Situation.NO_PROFILE, "No profile after access opened", "Access opened", no_profile
    ),
    Situation.SEARCHED_NO_REQUEST: Rule(
        Situation.SEARCHED_NO_REQUEST,
        "Searched but never sent a request",
        "First search",
        searched_no_request,
    ),
    Situation.REQUEST_UNANSWERED: Rule(
        Situation.REQUEST_UNANSWERED,
        "Mentors with an unanswered request",
        "Request sent",
        request_unanswered,
    ),
    Situation.NO_MEETING: Rule(
        Situation.NO_MEETING, "Partnerships with no meeting logged", "Partnership began", no_meeting
    ),
    Situation.FOLLOW_UP_OVERDUE: Rule(
        Situation.FOLLOW_UP_OVERDUE,
        "Follow-up survey overdue",
        "Baseline submitted",
        follow_up_overdue,
    ),
}


def stuck(
    situation: str,
    *,
    people: QuerySet | None = None,
    thresholds: EngagementSettings | None = None,
    now: datetime | None = None,
) -> QuerySet[Participant]:
    """The people stuck in `situation`, longest first, with when they were last contacted."""
    thresholds = thresholds or EngagementSettings.load()
    people = Participant.objects.all() if people is None else people
    queryset = RULES[situation].select(
        people, days=thresholds.threshold(situation), now=now or timezone.now()
    )
    return queryset.annotate(
        last_contacted_at=Subquery(
            CheckIn.objects.filter(participant=OuterRef("pk"))
            .values("participant")
            .annotate(latest=Max("at"))
            .values("latest")
        ),
        last_nudged_at=Subquery(
            Nudge.objects.filter(participant=OuterRef("pk"), situation=situation)
            .values("participant")
            .annotate(latest=Max("sent_at"))
            .values("latest")
        ),
    ).select_related("user", "organization").order_by("stuck_since", "pk")


__all__ = ["RULES", "stuck"]
