"""The funnel and the program figures of the pilot report, computed live from the records.

Every function runs a fixed number of aggregate queries (conditional counts, EXISTS subqueries,
GROUP BY over competencies or modules), so the dashboard costs the same whether the program has
a hundred participants or a hundred thousand.
"""

from dataclasses import dataclass

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from mentorship.engagement.filters import effective_arm
from mentorship.models import CompetencyRating, MentorshipRequest, SearchLog
from mentorship.partnerships.models import FinalAssessment, Partnership
from mentorship.selectors import completeness_expression
from surveys.models import AccessCode, Arm, Enrolment
from training.progress.models import VideoProgress

DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    count: int


def _partnered(**filters) -> Exists:
    return Exists(
        Partnership.objects.filter(
            Q(mentor=OuterRef("pk")) | Q(mentee=OuterRef("pk")), **filters
        )
    )


def funnel_counts(people: QuerySet) -> dict[str, int]:
    """Every funnel step and head count in one aggregate query.

    Each step is a per-participant flag (an EXISTS or a condition) computed in an inner query,
    then counted in the outer one, so filters on `people` and the flags compose safely.
    """
    mine = OuterRef("pk")
    enrolment = Enrolment.objects.filter(participant=mine)
    flags = {
        "consented": Exists(enrolment),
        "baseline": Exists(enrolment.filter(baseline_submitted_at__isnull=False)),
        "assigned_immediate": Q(arm=Arm.IMMEDIATE),
        "assigned_delayed": Q(arm=Arm.DELAYED),
        "case_study": Exists(enrolment.filter(route=Enrolment.Route.CASE_STUDY)),
        "redeemed": Exists(AccessCode.objects.filter(participant=mine, redeemed_at__isnull=False)),
        "with_access": Q(access_granted_at__isnull=False),
        "profile_created": Q(profile_updated_at__isnull=False),
        "profile_complete": Q(completeness__gte=100),
        "available_mentor": Q(is_unavailable=False)
        & Q(Exists(CompetencyRating.objects.filter(participant=mine, willing_to_mentor=True))),
        "searched": Exists(SearchLog.objects.filter(participant=mine)),
        "contacted": Exists(MentorshipRequest.objects.filter(mentee=mine)),
        "in_partnership": _partnered(),
        "partnership_completed": _partnered(status=Partnership.Status.COMPLETED),
        "finished_training": Exists(
            VideoProgress.objects.filter(participant=mine, completed_at__isnull=False)
        ),
    }
    annotated = people.annotate(arm=effective_arm(), completeness=completeness_expression())
    annotated = annotated.annotate(
        **{
            f"is_{name}": ExpressionWrapper(flag, output_field=BooleanField())
            for name, flag in flags.items()
        }
    )
    return annotated.aggregate(
        enrolled=Count("pk"),
        **{name: Count("pk", filter=Q(**{f"is_{name}": True})) for name in flags},
    )


def funnel(counts: dict[str, int]) -> list[Step]:
    labels = [
        ("enrolled", "Enrolled"),
        ("consented", "Consented"),
        ("baseline", "Baseline survey done"),
        ("assigned_immediate", "Assigned: Group 1 (immediate)"),
        ("assigned_delayed", "Assigned: Group 2 (delayed)"),
        ("case_study", "Case-study sites (not randomized)"),
        ("redeemed", "Access code redeemed"),
        ("profile_complete", "Profile complete"),
        ("available_mentor", "Available as mentor"),
        ("searched", "Searched for a mentor"),
        ("contacted", "Contacted a mentor"),
        ("in_partnership", "In a partnership"),
        ("partnership_completed", "Partnership completed"),
    ]
    return [Step(key, label, counts[key] or 0) for key, label in labels]


def searches_by_competency(people: QuerySet) -> list[dict]:
    """Searches per competency, most searched first, with each one's share of all searches."""
    rows = list(
        SearchLog.objects.filter(participant__in=people.values("pk"))
        .values("competency__name")
        .annotate(searches=Count("pk"))
        .order_by("-searches", "competency__name")
    )
    total = sum(row["searches"] for row in rows)
    return [
        {
            "label": row["competency__name"],
            "count": row["searches"],
            "percent": round(100 * row["searches"] / total, 1) if total else 0,
        }
        for row in rows
    ]


def requests_per_mentor(people: QuerySet) -> list[dict]:
    """How many mentors received 1, 2, 3… requests (grouped in the database, one query)."""
    received = (
        MentorshipRequest.objects.filter(mentor=OuterRef("pk"))
        .values("mentor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        people.annotate(received=Coalesce(Subquery(received, output_field=IntegerField()), 0))
        .filter(received__gt=0)
        .values("received")
        .annotate(mentors=Count("pk"))
        .order_by("received")
    )
    return [{"label": str(row["received"]), "count": row["mentors"]} for row in rows]


def partnership_figures(people: QuerySet) -> dict:
    """Partnerships whose mentee is in view: how many, how long the ended ones lasted."""
    length = ExpressionWrapper(F("ended_at") - F("started_at"), output_field=DurationField())
    figures = Partnership.objects.filter(mentee__in=people.values("pk")).aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(status=Partnership.Status.ACTIVE)),
        completed=Count("pk", filter=Q(status=Partnership.Status.COMPLETED)),
        ended_early=Count("pk", filter=Q(status=Partnership.Status.ENDED_EARLY)),
        average_length=Avg(length, filter=Q(ended_at__isnull=False)),
    )
    average = figures.pop("average_length")
    figures["average_months"] = (
        round(average.total_seconds() / 86400 / DAYS_PER_MONTH, 1) if average else None
    )
    return figures


def satisfaction(people: QuerySet) -> dict:
    """Share of submitted final assessments that were satisfied or very satisfied."""
    figures = FinalAssessment.objects.filter(
        participant__in=people.values("pk"),
        submitted_at__isnull=False,
        satisfaction__isnull=False,
    ).aggregate(answered=Count("pk"), satisfied=Count("pk", filter=Q(satisfaction__gte=4)))
    figures["percent"] = (
        round(100 * figures["satisfied"] / figures["answered"], 1) if figures["answered"] else None
    )
    return figures


def training_completion(people: QuerySet) -> list[dict]:
    """Per module: how many people in view started it and how many finished it."""
    rows = (
        VideoProgress.objects.filter(participant__in=people.values("pk"))
        .values("page__title")
        .annotate(
            started=Count("pk"),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        )
        .order_by("page__path")
    )
    return [
        {"label": row["page__title"], "started": row["started"], "count": row["completed"]}
        for row in rows
    ]


def percent(part: int | None, whole: int | None) -> float | None:
    return round(100 * (part or 0) / whole, 1) if whole else None


def report_figures(people: QuerySet, counts: dict[str, int]) -> dict:
    """The pilot report's program figures, for the people in view."""
    searches = searches_by_competency(people)
    distribution = requests_per_mentor(people)
    total_searches = sum(row["count"] for row in searches)
    return {
        "searches_by_competency": searches,
        "requests_per_mentor": distribution,
        "total_searches": total_searches,
        "searches_per_registrant": (
            round(total_searches / counts["enrolled"], 1) if counts["enrolled"] else None
        ),
        "mentors_contacted": sum(row["count"] for row in distribution),
        "most_requests": max((int(row["label"]) for row in distribution), default=0),
        "profile_share": percent(counts["profile_created"], counts["enrolled"]),
        "mentor_share": percent(counts["available_mentor"], counts["profile_created"]),
        "partnership_share": percent(counts["in_partnership"], counts["with_access"]),
        "training_share": percent(counts["finished_training"], counts["with_access"]),
        "partnerships": partnership_figures(people),
        "satisfaction": satisfaction(people),
        "training": training_completion(people),
    }


__all__ = ["funnel", "funnel_counts", "report_figures"]
