"""Real concurrency on PostgreSQL: many submissions at once never share, skip or reuse a
sequence position, and one participant submitting twice at once gets one allocation."""

import threading
from collections import Counter, defaultdict

import pytest
from django.db import connection

from mentorship.choices import Region
from surveys import randomization
from surveys.models import Allocation
from tests.factories import ParticipantFactory
from tests.surveys.factories import use_scheme

# serialized_rollback restores the rows data migrations made (groups, competencies, instruments)
# after the flush that ends a transactional test, so later tests still find them.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 8
PER_THREAD = 15


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (set DATABASE_URL to a PostgreSQL database)")


def run_in_threads(work_items_per_thread):
    """Run each thread's list of callables after all threads are ready; re-raise any error."""
    barrier = threading.Barrier(len(work_items_per_thread))
    errors = []

    def worker(items):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            for item in items:
                item()
        except Exception as error:  # noqa: BLE001 - collected and re-raised in the main thread
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=worker, args=(items,)) for items in work_items_per_thread]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


@pytest.mark.parametrize("stratify_by", ["", "region"])
def test_concurrent_assignments_use_each_position_exactly_once(stratify_by):
    scheme = use_scheme(seed="concurrency", stratify_by=stratify_by)
    regions = [Region.LOWER_MAINLAND, Region.FRASER_VALLEY, Region.NORTH_COAST]
    participants = [
        ParticipantFactory(without_access=True, region=regions[i % len(regions)])
        for i in range(THREADS * PER_THREAD)
    ]
    chunks = [participants[i::THREADS] for i in range(THREADS)]
    run_in_threads(
        [[(lambda p=p: randomization.assign(p)) for p in chunk] for chunk in chunks]
    )

    allocations = list(Allocation.objects.filter(scheme=scheme))
    assert len(allocations) == len(participants)
    assert len({a.participant_id for a in allocations}) == len(participants)
    by_stratum = defaultdict(list)
    for allocation in allocations:
        by_stratum[allocation.stratum].append(allocation)
    expected_strata = {r.value for r in regions} if stratify_by else {randomization.ALL}
    assert set(by_stratum) == expected_strata
    for stratum, rows in by_stratum.items():
        positions = sorted(a.position for a in rows)
        assert positions == list(range(1, len(rows) + 1)), stratum
        for allocation in rows:  # every arm is the one the seed gives its position
            assert allocation.arm == randomization.scheme_arm_at(
                scheme, stratum, allocation.position
            )


def test_one_participant_submitting_from_many_threads_at_once_is_assigned_once():
    use_scheme(seed="same-person")
    participant = ParticipantFactory(without_access=True)
    results = []
    run_in_threads(
        [[lambda: results.append(randomization.assign(participant).pk)] for _ in range(THREADS)]
    )
    assert Allocation.objects.filter(participant=participant).count() == 1
    assert Counter(results) == {Allocation.objects.get(participant=participant).pk: THREADS}
    assert Allocation.objects.get(participant=participant).position == 1
