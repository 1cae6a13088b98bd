"""Research export: time and peak memory for N participants, against a plain CSV dump of the same
answer rows straight from the database.

    DATABASE_URL=sqlite:////tmp/export_bench.sqlite3 \
        .venv/bin/python benchmarks/export_research.py --participants 10000 100000

Use a scratch database (it is migrated, and filled with synthetic participants: consent,
allocation, baseline for everyone, follow-up for about 60%). Each measurement runs in a fresh
subprocess so its peak resident memory (ru_maxrss) is its own; "plain" is
`Answer.objects.values_list(...).iterator()` through csv.writer, the floor any export pays.
"""

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

BATCH = 2000


def _setup():
    import django

    django.setup()


def generate(count: int) -> None:
    """Add synthetic study participants until there are `count` of them."""
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from mentorship.models import Competency, Participant
    from surveys.models import (
        Allocation,
        Answer,
        Enrolment,
        Item,
        RandomizationScheme,
        Response,
        Wave,
    )
    from surveys.services.consent import current_consent
    from surveys.services.responses import current_version
    from website.models import User

    have = Enrolment.objects.count()
    if have >= count:
        return
    rng = random.Random(7)
    scheme = RandomizationScheme.objects.filter(active=True).first()
    consent = current_consent()
    competencies = list(Competency.objects.filter(is_active=True))
    plans = {}
    for wave in (Wave.BASELINE, Wave.FOLLOW_UP):
        version = current_version(wave=wave)
        items = list(Item.objects.filter(page__version=version).prefetch_related("options"))
        plans[wave] = (version, items)
    now = timezone.now()
    for start in range(have, count, BATCH):
        size = min(BATCH, count - start)
        users = User.objects.bulk_create(
            User(email=f"bench-{start + i}@bench.example.org", first_name="B", last_name="X")
            for i in range(size)
        )
        people = Participant.objects.bulk_create(
            Participant(user=u, region="lower_mainland") for u in users
        )
        Enrolment.objects.bulk_create(
            Enrolment(participant=p, consent_version=consent, consented_at=now,
                      baseline_submitted_at=now) for p in people
        )
        Allocation.objects.bulk_create(
            Allocation(participant=p, scheme=scheme, stratum="bench", position=start + i + 1,
                       arm="immediate" if i % 2 else "delayed") for i, p in enumerate(people)
        )
        responses = []
        for p in people:
            responses.append(Response(participant=p, wave=Wave.BASELINE,
                                      version=plans[Wave.BASELINE][0], submitted_at=now))
            if rng.random() < 0.6:
                responses.append(Response(participant=p, wave=Wave.FOLLOW_UP,
                                          version=plans[Wave.FOLLOW_UP][0], submitted_at=now))
        responses = Response.objects.bulk_create(responses)
        answers = []
        for response in responses:
            for item in plans[response.wave][1]:
                options = list(item.options.all())
                if item.type == Item.Type.COMPETENCY_GRID:
                    answers += [Answer(response=response, item=item, competency=c,
                                       value_int=rng.randint(1, 4)) for c in competencies]
                elif item.type == Item.Type.MULTI_CHOICE:
                    answers += [Answer(response=response, item=item, option=o)
                                for o in rng.sample(options, min(2, len(options)))]
                elif options:
                    o = rng.choice(options)
                    answers.append(Answer(response=response, item=item, option=o,
                                          value_int=o.value))
                elif item.type == Item.Type.NUMBER:
                    answers.append(Answer(response=response, item=item, value_decimal=12))
                elif rng.random() < 0.2:
                    answers.append(Answer(response=response, item=item, value_text="More time."))
        Answer.objects.bulk_create(answers, batch_size=5000)


def measure(mode: str, out: Path) -> dict:
    from django.conf import settings

    settings.DEBUG = False  # as in production: no query log growing with every query
    from surveys.models import Answer
    from surveys.research.export.rows import ANSWER_FIELDS
    from surveys.research.export.writers import write_export

    started = time.perf_counter()
    rows = 0
    if mode == "plain":
        with open(out / "plain.csv", "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(ANSWER_FIELDS)
            for row in Answer.objects.values_list(*ANSWER_FIELDS).iterator(chunk_size=BATCH):
                writer.writerow(row)
                rows += 1
    elif mode == "csv":
        rows = write_export(out, xlsx=False)["research_long"]
    elif mode == "xlsx":
        rows = write_export(out, xlsx=True)["research_long"]
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "seconds": round(seconds, 2), "peak_mib": round(peak_mib, 1),
            "rows": rows}


def child(args) -> None:
    _setup()
    if args.generate:
        generate(args.generate)
        return
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(measure(args.measure, Path(tmp))))


def run_child(*extra) -> dict | None:
    result = subprocess.run([sys.executable, __file__, "--child", *extra], capture_output=True,
                            text=True, check=True)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--xlsx", action="store_true", help="Also time the XLSX files.")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    for count in sorted(args.participants):
        run_child("--generate", str(count))
        plain = run_child("--measure", "plain")
        export = run_child("--measure", "csv")
        line = (
            f"{count:>7} participants: plain answer dump {plain['seconds']}s "
            f"({plain['rows']} rows, peak {plain['peak_mib']} MiB); export CSV wide+long+codebook "
            f"{export['seconds']}s ({export['rows']} long rows, peak {export['peak_mib']} MiB); "
            f"ratio {export['seconds'] / plain['seconds']:.2f}"
        )
        if args.xlsx:
            xlsx = run_child("--measure", "xlsx")
            line += f"; with XLSX {xlsx['seconds']}s, peak {xlsx['peak_mib']} MiB"
        print(line, flush=True)


if __name__ == "__main__":
    main()
