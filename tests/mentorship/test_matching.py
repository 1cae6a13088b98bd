import datetime

import pytest
from django.utils import timezone

from mentorship.choices import ClientPopulation, Level, Region
from mentorship.matching import SearchContext, eligible_mentors, find_mentors, is_eligible
from mentorship.models import MentorshipRequest
from tests.factories import ParticipantFactory
from tests.mentorship.factories import (
    RatingFactory,
    RequestFactory,
    active_partnership,
    competency,
    mentee_in,
    mentor_in,
)

pytestmark = pytest.mark.django_db
Status = MentorshipRequest.Status


@pytest.fixture
def comp():
    return competency()


@pytest.fixture
def mentee(comp):
    return mentee_in(comp, level=Level.INTERMEDIATE)


def found(mentee, comp):
    return [match.mentor for match in find_mentors(mentee, comp)]


class TestEligibility:
    def test_strictly_higher_willing_available_mentor_is_found(self, mentee, comp):
        mentor = mentor_in(comp, level=Level.ADVANCED)
        assert found(mentee, comp) == [mentor]
        assert is_eligible(mentee=mentee, mentor=mentor, competency=comp)

    def test_equal_level_is_not_enough(self, mentee, comp):
        mentor_in(comp, level=Level.INTERMEDIATE)
        assert found(mentee, comp) == []

    def test_lower_level_is_not_found(self, mentee, comp):
        mentor_in(comp, level=Level.BEGINNER)
        assert found(mentee, comp) == []

    def test_not_willing_is_not_found(self, mentee, comp):
        participant = ParticipantFactory()
        RatingFactory(participant=participant, competency=comp, level=Level.EXPERT)
        assert found(mentee, comp) == []

    def test_willing_in_another_competency_only_is_not_found(self, mentee, comp):
        mentor_in(competency("facilitation_skills"), level=Level.EXPERT)
        assert found(mentee, comp) == []

    def test_unavailable_is_not_found(self, mentee, comp):
        mentor_in(comp, is_unavailable=True)
        assert found(mentee, comp) == []

    def test_mentor_without_access_is_not_found(self, mentee, comp):
        mentor_in(comp, without_access=True)
        assert found(mentee, comp) == []

    def test_mentor_at_capacity_is_not_found_until_a_place_frees(self, mentee, comp):
        mentor = mentor_in(comp, mentee_capacity=2)
        first = active_partnership(mentor=mentor)
        assert found(mentee, comp) == [mentor]
        active_partnership(mentor=mentor)
        assert found(mentee, comp) == []
        first.status = first.Status.COMPLETED
        first.save()
        assert found(mentee, comp) == [mentor]

    def test_never_the_mentee_themself(self, comp):
        participant = mentor_in(comp, level=Level.EXPERT)
        context = SearchContext(
            mentee=participant, competency=comp, mentee_level=0, now=timezone.now()
        )
        assert list(eligible_mentors(context=context)) == []

    def test_current_mentor_in_this_competency_is_not_suggested_again(self, mentee, comp):
        mentor = mentor_in(comp, mentee_capacity=3)
        active_partnership(mentor=mentor, mentee=mentee, comp=comp)
        assert found(mentee, comp) == []

    def test_unrated_mentee_sees_every_willing_mentor(self, comp):
        mentee = ParticipantFactory()
        beginner = mentor_in(comp, level=Level.BEGINNER)
        assert found(mentee, comp) == [beginner]

    def test_a_participant_can_be_mentor_and_mentee_at_once(self, comp):
        other = competency("facilitation_skills")
        both = mentee_in(comp, level=Level.BEGINNER)
        RatingFactory(
            participant=both, competency=other, level=Level.EXPERT, willing_to_mentor=True
        )
        mentor = mentor_in(comp)
        someone = mentee_in(other, level=Level.BEGINNER)
        assert found(both, comp) == [mentor]
        assert found(someone, other) == [both]


class TestRanking:
    def test_a_mentor_with_many_recent_requests_drops_below_a_quiet_one(self, mentee, comp):
        busy = mentor_in(comp, mentee_capacity=3)
        quiet = mentor_in(comp, mentee_capacity=3)
        for _ in range(4):
            RequestFactory(mentor=busy, competency=comp, status=Status.DECLINED)
        RequestFactory(mentor=busy, competency=comp)  # pending
        assert found(mentee, comp) == [quiet, busy]

    def test_more_room_ranks_higher(self, mentee, comp):
        nearly_full = mentor_in(comp, mentee_capacity=3)
        active_partnership(mentor=nearly_full)
        active_partnership(mentor=nearly_full)
        roomy = mentor_in(comp, mentee_capacity=3)
        assert found(mentee, comp) == [roomy, nearly_full]

    def test_a_mentor_who_lets_requests_expire_ranks_below_one_who_answers(self, mentee, comp):
        old = timezone.now() - datetime.timedelta(days=90)
        silent = mentor_in(comp)
        answers = mentor_in(comp)
        for _ in range(3):
            RequestFactory(mentor=silent, competency=comp, status=Status.EXPIRED, created_at=old)
            RequestFactory(mentor=answers, competency=comp, status=Status.DECLINED, created_at=old)
        assert found(mentee, comp) == [answers, silent]

    def test_shared_region_and_clients_rank_higher_and_are_explained(self, comp):
        mentee = mentee_in(
            comp,
            region=Region.FRASER_VALLEY,
            client_populations=[ClientPopulation.YOUTH, ClientPopulation.IMMIGRANTS],
        )
        far = mentor_in(comp, region=Region.NORTH_COAST)
        near = mentor_in(
            comp, region=Region.FRASER_VALLEY, client_populations=[ClientPopulation.YOUTH]
        )
        matches = list(find_mentors(mentee, comp))
        assert [m.mentor for m in matches] == [near, far]
        assert "Also in Fraser Valley" in matches[0].reasons
        assert "Serves youth, like you" in matches[0].reasons
        assert not any(reason.startswith("Also in") for reason in matches[1].reasons)
        assert matches[0].score > matches[1].score

    def test_reasons_explain_level_capacity_and_responsiveness(self, mentee, comp):
        mentor = mentor_in(comp, level=Level.EXPERT, mentee_capacity=3)
        active_partnership(mentor=mentor)
        old = timezone.now() - datetime.timedelta(days=90)
        for status in [Status.ACCEPTED] * 9 + [Status.EXPIRED]:
            RequestFactory(mentor=mentor, competency=comp, status=status, created_at=old)
        (match,) = find_mentors(mentee, comp)
        assert match.reasons[0] == "Expert, two levels above you"
        assert "Answers 90% of requests" in match.reasons
        assert "Has room for 2 more mentees" in match.reasons
        assert match.level_label == "Expert"

    def test_equal_mentors_are_ordered_differently_for_different_mentees(self, comp):
        mentors = [mentor_in(comp) for _ in range(6)]
        orders = {
            tuple(m.pk for m in found(mentee_in(comp), comp)) for _ in range(6)
        }
        assert all(set(order) == {m.pk for m in mentors} for order in orders)
        assert len(orders) > 1, "every mentee saw the same first mentor: requests would pile up"

    def test_paging_is_consistent_with_the_full_ranking(self, mentee, comp):
        for _ in range(13):
            mentor_in(comp)
        ranked = find_mentors(mentee, comp)
        everyone = [m.mentor.pk for m in ranked]
        assert ranked.count() == 13
        assert [m.mentor.pk for m in ranked[:10]] + [m.mentor.pk for m in ranked[10:20]] == everyone


def _search_queries(mentee, comp, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        ranked = find_mentors(mentee, comp)
        ranked.count()
        list(ranked[:10])


@pytest.mark.parametrize("mentors", [5, 50])
def test_query_count_does_not_grow_with_mentors(mentors, mentee, comp, django_assert_num_queries):
    for index in range(mentors):
        mentor = mentor_in(comp, region=Region.FRASER_VALLEY if index % 2 else Region.CARIBOO)
        RequestFactory(mentor=mentor, competency=comp, status=Status.DECLINED)
    # 1: the mentee's own level, 2: how many are eligible, 3: the ranked page with everything
    # the reasons need (organization and user joined in, ranking figures are columns).
    _search_queries(mentee, comp, django_assert_num_queries, 3)
