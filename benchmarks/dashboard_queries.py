"""SQL queries and render time of the engagement dashboard at 10,000 and 100,000 participants.

    .venv/bin/python benchmarks/dashboard_queries.py                       # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mp_dashboard \
        .venv/bin/python benchmarks/dashboard_queries.py --sizes 10000 100000

Works in a throwaway test database (created with all migrations, dropped at the end). Seeds
participants with `mentorship.demo.seed_synthetic` (the same bulk loader as
`seed_demo --participants N`), then adds searches, requests, partnerships and study records
(consent, baseline, arm) for a share of them with bulk inserts, and renders the dashboard, a
filtered dashboard and one stuck list in-process as a program administrator, counting queries
with CaptureQueriesContext.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

BATCH = 5000


def add_activity(start: int):
    """Searches, requests and partnerships for participants created after id `start`."""
    from django.utils import timezone

    from mentorship.models import Competency, MentorshipRequest, Participant, SearchLog
    from mentorship.partnerships.models import Partnership

    rng = random.Random(start)
    competencies = list(Competency.objects.all())
    ids = list(Participant.objects.filter(pk__gt=start).values_list("pk", flat=True))
    now = timezone.now()
    searches, requests, partnerships = [], [], []
    for pk in ids:
        if rng.random() < 0.4:
            for _ in range(rng.randint(1, 8)):
                searches.append(SearchLog(
                    participant_id=pk, competency=rng.choice(competencies), result_count=3,
                    created_at=now - timedelta(days=rng.randint(0, 120))))
        if rng.random() < 0.2:
            mentor = rng.choice(ids)
            if mentor != pk:
                requests.append(MentorshipRequest(
                    mentee_id=pk, mentor_id=mentor, competency=rng.choice(competencies),
                    message="Bench", created_at=now - timedelta(days=rng.randint(0, 60)),
                    status=rng.choice(["pending", "accepted", "declined"])))
        if rng.random() < 0.05:
            mentor = rng.choice(ids)
            if mentor != pk:
                started = now - timedelta(days=rng.randint(0, 200))
                done = rng.random() < 0.4
                partnerships.append(Partnership(
                    mentor_id=mentor, mentee_id=pk, competency=rng.choice(competencies),
                    started_at=started, step_started_at=started,
                    planned_end_date=(started + timedelta(days=91)).date(),
                    status="completed" if done else "active",
                    ended_at=started + timedelta(days=rng.randint(30, 120)) if done else None))
    SearchLog.objects.bulk_create(searches, batch_size=BATCH)
    # One pending request per pair and competency: drop accidental repeats.
    seen, unique = set(), []
    for r in requests:
        key = (r.mentee_id, r.mentor_id, r.competency_id)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    MentorshipRequest.objects.bulk_create(unique, batch_size=BATCH)
    Partnership.objects.bulk_create(partnerships, batch_size=BATCH)
    add_study_records(ids, rng, now)


def add_study_records(ids, rng, now):
    """Consent for 90%, a baseline for most of them, and an arm for each baseline."""
    from surveys.models import Allocation, ConsentVersion, Enrolment, RandomizationScheme

    version = ConsentVersion.objects.order_by("-number").first()
    scheme = RandomizationScheme.objects.filter(active=True).first()
    if version is None or scheme is None:
        return
    position = Allocation.objects.filter(scheme=scheme, stratum="bench").count()
    enrolments, allocations = [], []
    for pk in ids:
        if rng.random() < 0.9:
            baseline = now - timedelta(days=rng.randint(0, 300)) if rng.random() < 0.85 else None
            enrolments.append(Enrolment(participant_id=pk, consent_version=version,
                                        consented_at=now, baseline_submitted_at=baseline))
            if baseline:
                position += 1
                allocations.append(Allocation(participant_id=pk, scheme=scheme, stratum="bench",
                                              position=position,
                                              arm=rng.choice(["immediate", "delayed"])))
    Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
    Allocation.objects.bulk_create(allocations, batch_size=BATCH)


SHOW_SLOWEST = 0


def measure(client, url: str, repeats: int = 3) -> tuple[int, float]:
    client.get(url)  # warm caches (session, permissions, settings)
    best = None
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.status_code
        best = elapsed if best is None else min(best, elapsed)
    for query in sorted(captured, key=lambda q: -float(q["time"]))[:SHOW_SLOWEST]:
        print(f"  {query['time']}s {query['sql'][:300]}")
    return len(captured), best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--slowest", type=int, default=0, help="print the N slowest queries")
    args = parser.parse_args()
    global SHOW_SLOWEST
    SHOW_SLOWEST = args.slowest

    setup_test_environment()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from django.contrib.auth.models import Group
        from django.test import Client

        from mentorship.demo import seed_synthetic
        from mentorship.models import Competency, Participant
        from website.models import User

        admin = User.objects.create_user(email="bench-admin@example.org", password="x")
        admin.groups.add(Group.objects.get(name="Program administrators"))
        client = Client()
        client.force_login(admin)
        competencies = list(Competency.objects.all())
        print(f"database: {connection.vendor}")
        results = []
        for size in sorted(args.sizes):
            last = Participant.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            started = time.perf_counter()
            seed_synthetic(count=size, competencies=competencies)
            add_activity(last)
            seeded = time.perf_counter() - started
            dashboard = measure(client, "/admin/engagement/")
            stuck_list = measure(client, "/admin/engagement/stuck/searched_no_request/")
            filtered = measure(client, "/admin/engagement/?group=immediate&region=lower_mainland")
            count = Participant.objects.count()
            results.append((count, dashboard, stuck_list, filtered))
            print(f"{count:>7} participants (seeded in {seeded:.0f}s): "
                  f"dashboard {dashboard[0]} queries {dashboard[1]:.2f}s; "
                  f"filtered {filtered[0]} queries {filtered[1]:.2f}s; "
                  f"stuck list {stuck_list[0]} queries {stuck_list[1]:.2f}s")
        if len(results) > 1:
            (n0, d0, _, _), (n1, d1, _, _) = results[0], results[-1]
            print(f"participants x{n1 / n0:.0f}: dashboard queries {d0[0]} -> {d1[0]}, "
                  f"render time x{d1[1] / d0[1]:.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
