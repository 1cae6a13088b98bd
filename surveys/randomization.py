"""Random assignment by permuted blocks, reproducible from a recorded seed.

The arm at position n of a stratum's sequence is a pure function of (seed, stratum, n): block k
is drawn from `random.Random(f"{seed}:{stratum}:{k}")` (its size among the scheme's block sizes,
then a shuffle of the arms in the allocation ratio). Positions are handed out from a counter row
locked with SELECT ... FOR UPDATE, so concurrent enrolments never share, skip or reuse one.
"""

import random
from collections.abc import Iterator
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.utils import timezone

from mentorship.models import Participant
from surveys.models import Allocation, AllocationCorrection, Arm, RandomizationScheme
from surveys.models.allocation import SequenceCounter

ALL = "all"


@lru_cache(maxsize=4096)
def block(
    seed: str, stratum: str, index: int, block_sizes: tuple[int, ...], ratio: tuple[int, int]
) -> tuple[str, ...]:
    """Block `index` of a stratum's sequence: a random size, then the arms in ratio, shuffled."""
    rng = random.Random(f"{seed}:{stratum}:{index}")
    size = rng.choice(block_sizes)
    per_unit = size // sum(ratio)
    arms = [Arm.IMMEDIATE.value] * (ratio[0] * per_unit) + [Arm.DELAYED.value] * (
        ratio[1] * per_unit
    )
    rng.shuffle(arms)
    return tuple(arms)


def sequence(
    seed: str, stratum: str, block_sizes: tuple[int, ...], ratio: tuple[int, int]
) -> Iterator[str]:
    """The stratum's whole (endless) sequence of arms, position 1 first."""
    index = 0
    while True:
        yield from block(seed, stratum, index, block_sizes, ratio)
        index += 1


def arm_at(
    seed: str, stratum: str, position: int, block_sizes: tuple[int, ...], ratio: tuple[int, int]
) -> str:
    """The arm at a 1-based position of a stratum's sequence."""
    if position < 1:
        raise ValueError("Positions start at 1.")
    remaining = position
    index = 0
    while True:
        arms = block(seed, stratum, index, block_sizes, ratio)
        if remaining <= len(arms):
            return arms[remaining - 1]
        remaining -= len(arms)
        index += 1


def scheme_arm_at(scheme: RandomizationScheme, stratum: str, position: int) -> str:
    return arm_at(
        scheme.seed,
        stratum,
        position,
        tuple(scheme.block_sizes),
        (scheme.ratio_immediate, scheme.ratio_delayed),
    )


def stratum_for(scheme: RandomizationScheme, participant: Participant) -> str:
    """The stratum a participant is randomized in; extend here to stratify by something else."""
    if scheme.stratify_by == "region":
        return participant.region or "unknown"
    return ALL


def active_scheme() -> RandomizationScheme:
    return RandomizationScheme.objects.get(active=True)


def assign(participant: Participant) -> Allocation:
    """Assign a participant exactly once.

    Invariant: a participant has at most one allocation; a second call (or a concurrent one)
    returns the first. Each stratum's positions are used 1, 2, 3, ... with no gap or repeat.
    """
    try:
        with transaction.atomic():
            return _allocate(participant)
    except IntegrityError:
        # Another request for the same participant committed first (possible only where the
        # database has no row locks); its allocation is the one that counts. Any other
        # integrity failure (a position clash) must surface, never be papered over.
        existing = Allocation.objects.filter(participant=participant).first()
        if existing is None:
            raise
        return existing


def _allocate(participant: Participant) -> Allocation:
    # Locking the participant row serializes two submissions of the same person.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    existing = Allocation.objects.filter(participant=participant).first()
    if existing is not None:
        return existing
    scheme = active_scheme()
    stratum = stratum_for(scheme, participant)
    counter = _locked_counter(scheme, stratum)
    position = counter.last_position + 1
    allocation = Allocation(
        participant=participant,
        scheme=scheme,
        stratum=stratum,
        position=position,
        arm=scheme_arm_at(scheme, stratum, position),
        allocated_at=timezone.now(),
    )
    # The database enforces the foreign keys and the unique participant and position, and does
    # so race-free; full_clean's look-ups for the same would add five round trips to every
    # assignment while the counter row is locked.
    allocation.full_clean(
        exclude=["participant", "scheme"], validate_unique=False, validate_constraints=False
    )
    allocation.save()
    counter.last_position = position
    counter.save(update_fields=["last_position"])
    return allocation


def _locked_counter(scheme: RandomizationScheme, stratum: str) -> SequenceCounter:
    """The stratum's counter row, locked until the transaction ends (created on first use)."""
    counters = SequenceCounter.objects.select_for_update()
    counter = counters.filter(scheme=scheme, stratum=stratum).first()
    if counter is None:
        try:
            with transaction.atomic():
                SequenceCounter.objects.create(scheme=scheme, stratum=stratum)
        except IntegrityError:
            pass  # created meanwhile by a concurrent first assignment in this stratum
        counter = counters.get(scheme=scheme, stratum=stratum)
    return counter


@transaction.atomic
def correct_allocation(
    *, allocation: Allocation, new_arm: str, reason: str, by
) -> AllocationCorrection:
    """Record a correction as a new event; the allocation row itself never changes."""
    correction = AllocationCorrection(
        allocation=allocation, new_arm=new_arm, reason=reason.strip(), corrected_by=by
    )
    correction.full_clean()
    correction.save()
    return correction
