"""Throughput of `surveys.randomization.assign` under concurrent load on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mp_surveys \
        .venv/bin/python benchmarks/assign_throughput.py --threads 8 --per-thread 250

Works in a throwaway database (`test_<name>`, created with all migrations and dropped at the
end), so it never touches real allocations. Each thread assigns its own fresh participants with
its own connection. Reports assignments per second and checks that every stratum's positions are
1..n with no gap or repeat, that nobody has two allocations, and that every arm is the one the
seed gives its position.
"""

import argparse
import os
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402


def build_participants(count: int, regions: list[str], run_id: str):
    from mentorship.models import Participant
    from website.models import User

    users = User.objects.bulk_create(
        User(email=f"{run_id}-{i}@bench.example.org", first_name="Bench", last_name=str(i))
        for i in range(count)
    )
    return Participant.objects.bulk_create(
        Participant(user=user, region=regions[i % len(regions)]) for i, user in enumerate(users)
    )


def run(threads: int, per_thread: int, stratify: bool) -> dict:
    from mentorship.choices import Region
    from surveys import randomization
    from surveys.models import Allocation, RandomizationScheme

    RandomizationScheme.objects.filter(active=True).update(active=False)
    run_id = f"bench-{time.time_ns()}"
    scheme = RandomizationScheme.objects.create(
        seed=run_id, block_sizes=[2, 4, 6], stratify_by="region" if stratify else "", active=True
    )
    participants = build_participants(threads * per_thread, list(Region.values), run_id)
    chunks = [participants[i::threads] for i in range(threads)]
    barrier = threading.Barrier(threads + 1)
    errors = []

    def worker(chunk):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            for participant in chunk:
                randomization.assign(participant)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            thread_connection.close()

    pool = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
    for thread in pool:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]

    rows = list(Allocation.objects.filter(scheme=scheme).values_list(
        "participant_id", "stratum", "position", "arm"))
    by_stratum = defaultdict(list)
    for _, stratum, position, arm in rows:
        by_stratum[stratum].append((position, arm))
    gaps_or_repeats = [
        s for s, pairs in by_stratum.items()
        if sorted(p for p, _ in pairs) != list(range(1, len(pairs) + 1))
    ]
    wrong_arm = sum(
        randomization.scheme_arm_at(scheme, s, p) != arm for s, pairs in by_stratum.items()
        for p, arm in pairs
    )
    return {
        "assigned": len(rows),
        "expected": len(participants),
        "distinct_participants": len({r[0] for r in rows}),
        "strata": len(by_stratum),
        "gaps_or_repeats": gaps_or_repeats,
        "wrong_arm": wrong_arm,
        "seconds": elapsed,
        "per_second": len(rows) / elapsed,
    }


def commit_floor(samples: int = 200) -> float:
    """Single-row write transactions per second on this server: the ceiling fsync puts on any
    one-transaction-per-assignment design, printed so the figures above can be read against it."""
    from django.db import transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_commit_floor (id serial PRIMARY KEY)")
    started = time.perf_counter()
    for _ in range(samples):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO bench_commit_floor DEFAULT VALUES")
    return samples / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 4, 8, 16])
    parser.add_argument("--per-thread", type=int, default=200)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: this measures row-lock contention.")
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    ok = True
    try:
        print(f"commit floor: {commit_floor():.0f} single-row write transactions/s, one thread")
        for stratify in (False, True):
            for threads in args.threads:
                result = run(threads, args.per_thread, stratify)
                sound = (
                    result["assigned"] == result["expected"] == result["distinct_participants"]
                    and not result["gaps_or_repeats"] and result["wrong_arm"] == 0
                )
                ok &= sound
                print(
                    f"stratified={'region' if stratify else 'no':6} threads={threads:3} "
                    f"assigned={result['assigned']:5} strata={result['strata']:2} "
                    f"time={result['seconds']:.2f}s rate={result['per_second']:.0f}/s "
                    f"sequence={'OK' if sound else 'BROKEN'}"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
