"""Who may mentor whom, and in which order to suggest them.

Eligibility is the pilot's rule (PRODUCT.md): strictly higher self-rated level than the mentee in
the competency, willing to receive requests in it, not unavailable. We add: the mentor has access,
is not the mentee, is not already at capacity (active partnerships), and is not already mentoring
this mentee in this competency.

Ranking happens in the database so a search costs the same few queries at any size, and reads
only columns of the candidate rows (the figures in mentorship.services.ranking), so each extra
candidate costs little. Each factor below is a small function returning a SQL expression of
points; `RANKING_FACTORS` lists them and is the place to add, drop or re-weigh one. Reasons shown
to the mentee are written from the same figures in `reasons_for`.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Greatest, Least
from django.utils import timezone

from mentorship.choices import ClientPopulation, Level, Region
from mentorship.models import Competency, CompetencyRating, Participant
from mentorship.models.fields import ChoiceListField
from mentorship.partnerships.models import Partnership


@dataclass(frozen=True)
class SearchContext:
    mentee: Participant
    competency: Competency
    mentee_level: int  # 0 when the mentee has not rated themself in the competency
    now: datetime


@dataclass
class MentorMatch:
    mentor: Participant
    level: int
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def level_label(self) -> str:
        return Level(self.level).label


def mentee_level(*, mentee: Participant, competency: Competency) -> int:
    rating = CompetencyRating.objects.filter(participant=mentee, competency=competency).first()
    return rating.level if rating else 0


def _active_partnerships():
    return Partnership.objects.filter(mentor=OuterRef("pk"), status=Partnership.Status.ACTIVE)


def eligible_mentors(*, context: SearchContext) -> QuerySet[Participant]:
    """Every mentor the rule lets this mentee see for this competency, unranked.

    "At capacity" reads the stored active-mentee count (kept by signals on every partnership
    save), so the database filters candidates without counting partnerships for each of them;
    `is_eligible`, which guards sending a request, and accepting both count exactly.
    """
    already_mentoring = _active_partnerships().filter(
        mentee=context.mentee, competency=context.competency
    )
    return (
        Participant.objects.with_access()
        .available()
        .exclude(pk=context.mentee.pk)
        .annotate(
            rating=FilteredRelation(
                "competency_ratings",
                condition=Q(competency_ratings__competency=context.competency),
            )
        )
        .filter(rating__willing_to_mentor=True, rating__level__gt=context.mentee_level)
        .filter(ranking_active_mentees__lt=F("mentee_capacity"))
        .exclude(Exists(already_mentoring))
    )


def _when(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


# --- Ranking factors ---------------------------------------------------------------------------
# Each returns whole points (tenths of the displayed score) computed from columns only, so ranking
# thousands of candidates costs one pass over them. The figures they read are kept current by
# mentorship.services.ranking.


def level_gap_points(context: SearchContext):
    """Reward a mentor further ahead, up to three levels: 8 points a level."""
    return Least(F("rating__level") - Value(context.mentee_level), Value(3)) * Value(80)


def shared_region_points(context: SearchContext):
    """Same region makes meeting in person possible: 15 points."""
    if not context.mentee.region:
        return Value(0)
    return _when(Q(region=context.mentee.region)) * Value(150)


def shared_populations_points(context: SearchContext):
    """Serving the same clients makes advice transferable: 5 points each, at most 15."""
    codes = context.mentee.client_populations
    if not codes:
        return Value(0)
    shared = sum(
        (
            _when(Q(client_populations__contains=ChoiceListField.pattern(code)))
            for code in codes
        ),
        start=Value(0),
    )
    return Least(shared, Value(3)) * Value(50)


def remaining_capacity_points(context: SearchContext):
    """Spread requests: 6 points per free place not already claimed by a pending request (max 3)."""
    free = (
        F("mentee_capacity") - F("ranking_active_mentees") - F("ranking_pending_requests")
    )
    return Greatest(Least(free, Value(3)), Value(0)) * Value(60)


def recent_load_penalty(context: SearchContext):
    """Spread requests: a mentor asked often lately drops back (-3 per request in 30 days)."""
    return Least(F("ranking_recent_requests"), Value(8)) * Value(-30)


def responsiveness_points(context: SearchContext):
    """Mentors who answer get up to 25 points; new mentors start in the middle (smoothed rate)."""
    return (F("ranking_answered_requests") + Value(1)) * Value(250) / (
        F("ranking_resolved_requests") + Value(2)
    )


def completeness_points(context: SearchContext):
    """A fuller profile (photo first) helps the mentee decide: up to 10 points."""
    return F("profile_completeness")


RANKING_FACTORS = [
    level_gap_points,
    shared_region_points,
    shared_populations_points,
    remaining_capacity_points,
    recent_load_penalty,
    responsiveness_points,
    completeness_points,
]


def spread_tiebreak(context: SearchContext):
    """Equal scores are ordered differently for each mentee so no one mentor is always first."""
    return (F("pk") * Value(7919) + Value(context.mentee.pk * 104729)) % Value(997)


def ranked_mentors(*, context: SearchContext) -> QuerySet[Participant]:
    """Eligible mentors, best prospects first, each with `mentor_level` and `match_score`."""
    score = sum((factor(context) for factor in RANKING_FACTORS), start=Value(0))
    return (
        eligible_mentors(context=context)
        .annotate(
            mentor_level=F("rating__level"),
            match_score=ExpressionWrapper(score, output_field=IntegerField()),
        )
        .select_related("user", "organization")
        .order_by("-match_score", spread_tiebreak(context).asc(), "pk")
    )


# --- Reasons -----------------------------------------------------------------------------------

_NUMBER_WORDS = {1: "one", 2: "two", 3: "three"}


def reasons_for(mentor: Participant, context: SearchContext) -> list[str]:
    """Plain-language reasons a mentor was suggested, from the ranking's own annotations."""
    level = Level(mentor.mentor_level).label
    gap = mentor.mentor_level - context.mentee_level
    if context.mentee_level:
        plural = "level" if gap == 1 else "levels"
        reasons = [f"{level}, {_NUMBER_WORDS.get(gap, gap)} {plural} above you"]
    else:
        reasons = [f"{level} in this area"]
    if context.mentee.region and mentor.region == context.mentee.region:
        reasons.append(f"Also in {Region(mentor.region).label}")
    mentee_codes = context.mentee.client_populations
    shared = [code for code in mentee_codes if code in mentor.client_populations]
    if shared:
        names = [ClientPopulation(code).label for code in shared if code in ClientPopulation.values]
        reasons.append(f"Serves {_join(names).lower()}, like you")
    if mentor.ranking_resolved_requests:
        rate = round(100 * mentor.ranking_answered_requests / mentor.ranking_resolved_requests)
        reasons.append(f"Answers {rate}% of requests")
    else:
        reasons.append("New mentor: no requests answered or missed yet")
    room = mentor.mentee_capacity - mentor.ranking_active_mentees
    reasons.append(f"Has room for {room} more mentee{'s' if room != 1 else ''}")
    if mentor.profile_completeness >= 90:
        reasons.append("Complete profile")
    return reasons


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class RankedMentors:
    """A lazily evaluated, sliceable ranking: `count()` asks one query, a slice asks one more."""

    def __init__(self, context: SearchContext):
        self.context = context
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = eligible_mentors(context=self.context).count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        return [self._match(mentor) for mentor in ranked_mentors(context=self.context)[index]]

    def __iter__(self):
        return iter(self[:])

    def page(self, number, per_page: int) -> Page:
        """One page of matches; a missing or out-of-range number gives the first or last page.

        Two queries (count, then the page): a window count in one query was measured slower on
        PostgreSQL, because it forces a full sort instead of a top-N sort of the candidates.
        """
        return Paginator(self, per_page).get_page(number)

    def mentor_ids(self) -> list[int]:
        return list(eligible_mentors(context=self.context).values_list("pk", flat=True))

    def _match(self, mentor: Participant) -> MentorMatch:
        return MentorMatch(
            mentor=mentor,
            level=mentor.mentor_level,
            score=mentor.match_score / 10,
            reasons=reasons_for(mentor, self.context),
        )


def find_mentors(
    mentee: Participant, competency: Competency, *, now: datetime | None = None
) -> RankedMentors:
    """The mentors this mentee may ask for mentoring in this competency, best prospects first."""
    context = SearchContext(
        mentee=mentee,
        competency=competency,
        mentee_level=mentee_level(mentee=mentee, competency=competency),
        now=now or timezone.now(),
    )
    return RankedMentors(context)


def is_eligible(*, mentee: Participant, mentor: Participant, competency: Competency) -> bool:
    """Whether this mentor would appear in this mentee's search right now."""
    context = find_mentors(mentee, competency).context
    if not eligible_mentors(context=context).filter(pk=mentor.pk).exists():
        return False
    active = Partnership.objects.filter(mentor=mentor, status=Partnership.Status.ACTIVE).count()
    return active < mentor.mentee_capacity
