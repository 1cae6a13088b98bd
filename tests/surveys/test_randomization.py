"""The sequence (pure functions) and `assign` (database): balance within the block bound at every
point, reproducibility from the seed, one assignment per participant, append-only records."""

import itertools

import pytest
from django.core.exceptions import ValidationError

from mentorship.choices import Region
from surveys import randomization
from surveys.models import Allocation, AllocationCorrection, Arm
from tests.factories import ParticipantFactory, UserFactory
from tests.surveys.factories import RandomizationSchemeFactory, use_scheme

IMM, DEL = Arm.IMMEDIATE.value, Arm.DELAYED.value
SIMULATED = 5000


def first(seed, n, *, stratum="all", sizes=(2, 4, 6), ratio=(1, 1)):
    return list(itertools.islice(randomization.sequence(seed, stratum, sizes, ratio), n))


@pytest.mark.parametrize("seed", ["alpha", "beta", "7f3a9c", "trial-2026"])
@pytest.mark.parametrize("sizes", [(2,), (4,), (2, 4, 6), (4, 8)])
def test_one_to_one_imbalance_never_exceeds_half_the_largest_block(seed, sizes):
    arms = first(seed, SIMULATED, sizes=sizes)
    bound = max(sizes) // 2
    difference = 0
    worst = 0
    for arm in arms:
        difference += 1 if arm == IMM else -1
        worst = max(worst, abs(difference))
    assert worst <= bound
    assert worst >= 1  # it is random, not alternating by construction only


@pytest.mark.parametrize("ratio", [(1, 1), (2, 1), (1, 2), (3, 2)])
def test_every_prefix_stays_within_the_block_bound_for_any_ratio(ratio):
    unit = sum(ratio)
    sizes = (unit, 2 * unit, 3 * unit)
    arms = first("ratio-check", SIMULATED, sizes=sizes, ratio=ratio)
    share = ratio[0] / unit
    immediate = 0
    for n, arm in enumerate(arms, start=1):
        immediate += arm == IMM
        # Inside one block the count can drift from the target by at most the block's share.
        assert abs(immediate - n * share) <= max(sizes) * share * (1 - share) + 1e-9


def test_blocks_are_balanced_and_use_only_the_configured_sizes():
    sizes, ratio = (2, 4, 6), (1, 1)
    seen = set()
    for index in range(2000):
        block = randomization.block("sizes", "all", index, sizes, ratio)
        seen.add(len(block))
        assert block.count(IMM) == block.count(DEL)
    assert seen == set(sizes)


def test_the_seed_reproduces_the_sequence_and_other_seeds_or_strata_do_not():
    assert first("seed-a", 1000) == first("seed-a", 1000)
    assert first("seed-a", 1000) != first("seed-b", 1000)
    assert first("seed-a", 1000, stratum="north_coast") != first("seed-a", 1000)


def test_arm_at_agrees_with_the_whole_sequence():
    arms = first("positions", 300)
    for position in (1, 2, 3, 17, 150, 300):
        assert randomization.arm_at("positions", "all", position, (2, 4, 6), (1, 1)) == arms[
            position - 1
        ]
    with pytest.raises(ValueError):
        randomization.arm_at("positions", "all", 0, (2, 4, 6), (1, 1))


def test_first_allocations_vary_across_seeds():
    firsts = [first(f"seed-{n}", 1)[0] for n in range(400)]
    assert 120 < firsts.count(IMM) < 280


@pytest.mark.django_db
class TestAssign:
    def test_assigns_positions_in_order_with_the_arm_the_seed_gives(self):
        scheme = use_scheme(seed="db-seed")
        participants = ParticipantFactory.create_batch(20, without_access=True)
        allocations = [randomization.assign(p) for p in participants]
        assert [a.position for a in allocations] == list(range(1, 21))
        assert [a.arm for a in allocations] == first("db-seed", 20)
        assert all(a.scheme == scheme and a.stratum == "all" for a in allocations)

    def test_a_second_call_returns_the_first_assignment(self):
        use_scheme(seed="twice")
        participant = ParticipantFactory(without_access=True)
        one = randomization.assign(participant)
        again = randomization.assign(participant)
        assert again.pk == one.pk
        assert Allocation.objects.count() == 1
        assert randomization.assign(ParticipantFactory(without_access=True)).position == 2

    def test_stratified_schemes_keep_a_sequence_per_region(self):
        scheme = use_scheme(seed="strata", stratify_by="region")
        north = [ParticipantFactory(region=Region.NORTH_COAST) for _ in range(3)]
        south = [ParticipantFactory(region=Region.LOWER_MAINLAND) for _ in range(2)]
        unknown = ParticipantFactory(region="")
        for participant in [*north, *south, unknown]:
            randomization.assign(participant)
        rows = {a.participant_id: a for a in Allocation.objects.all()}
        assert [rows[p.pk].position for p in north] == [1, 2, 3]
        assert [rows[p.pk].position for p in south] == [1, 2]
        assert rows[unknown.pk].stratum == "unknown"
        for allocation in rows.values():
            assert allocation.arm == randomization.scheme_arm_at(
                scheme, allocation.stratum, allocation.position
            )

    def test_allocations_cannot_be_changed_or_deleted(self):
        use_scheme(seed="frozen")
        allocation = randomization.assign(ParticipantFactory())
        allocation.arm = DEL if allocation.arm == IMM else IMM
        with pytest.raises(ValidationError):
            allocation.save()
        with pytest.raises(ValidationError):
            Allocation.objects.filter(pk=allocation.pk).update(arm=DEL)
        with pytest.raises(ValidationError):
            allocation.delete()
        with pytest.raises(ValidationError):
            Allocation.objects.all().delete()
        allocation.refresh_from_db()
        assert Allocation.objects.count() == 1

    def test_a_correction_is_an_appended_audited_event(self):
        use_scheme(seed="correct")
        allocation = randomization.assign(ParticipantFactory())
        original = allocation.arm
        other = DEL if original == IMM else IMM
        admin = UserFactory()
        correction = randomization.correct_allocation(
            allocation=allocation, new_arm=other, reason="Consent withdrawn and re-given", by=admin
        )
        allocation.refresh_from_db()
        assert allocation.arm == original
        assert allocation.effective_arm == other
        assert correction.corrected_by == admin
        assert correction.reason == "Consent withdrawn and re-given"
        with pytest.raises(ValidationError):
            correction.save()
        with pytest.raises(ValidationError):
            randomization.correct_allocation(
                allocation=allocation, new_arm=other, reason=" ", by=admin
            )
        assert AllocationCorrection.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sizes", "ratio", "message"),
    [
        ([], (1, 1), "positive whole numbers"),
        ([0, 2], (1, 1), "positive whole numbers"),
        ("4", (1, 1), "positive whole numbers"),
        ([3], (1, 1), "multiple of 2"),
        ([4], (2, 1), "multiple of 3"),
        ([2], (0, 1), "at least 1"),
    ],
)
def test_invalid_schemes_are_refused(sizes, ratio, message):
    scheme = RandomizationSchemeFactory.build(
        block_sizes=sizes, ratio_immediate=ratio[0], ratio_delayed=ratio[1], active=False
    )
    with pytest.raises(ValidationError, match=message):
        scheme.full_clean()
