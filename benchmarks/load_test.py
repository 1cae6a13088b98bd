"""Load test on loopback: gunicorn + PostgreSQL with N seeded participants, Locust driving a mix of
training, search, requests and forms, then a plain Django view on the same server, as a ratio.

    .venv/bin/pip install -r benchmarks/requirements.txt
    .venv/bin/python benchmarks/load_test.py --participants 10000 --users 8 --run-time 45

Everything runs against 127.0.0.1 and stops by itself after --run-time seconds per phase.
"""

import argparse
import csv
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_database(name: str) -> str:
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server did not come up at {url}")


def run_locust(host: str, classes: list[str], users: int, seconds: int, out: Path) -> dict:
    prefix = out / "-".join(classes).lower()
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "benchmarks/load/locustfile.py"), "--headless",
         "--host", host, "--users", str(users), "--spawn-rate", str(users),
         "--run-time", f"{seconds}s", "--stop-timeout", "5", "--csv", str(prefix),
         "--only-summary", *classes],
        cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "p99": float(total["99%"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--run-time", type=int, default=45, help="seconds per phase")
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="mp-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
        "DATABASE_URL": fresh_database("mp_load"),
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
    }
    print(f"seeding {args.participants} participants into PostgreSQL ...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo", "--participants", str(args.participants))
    manage(env, "collectstatic", "--noinput")

    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "website.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    try:
        wait_until_up(host + "/bench/plain/")
        mix = run_locust(host, ["Visitor", "Mentee"], args.users, args.run_time, work)
        plain = run_locust(host, ["Plain"], args.users, args.run_time, work)
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{args.participants} participants, {args.users} users, {args.workers} gunicorn "
          f"workers, {args.run_time}s per phase (loopback, same 2-core machine as Locust)")
    print(f"{'':8}{'requests':>10}{'errors':>8}{'req/s':>9}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    for name, row in (("mix", mix), ("plain", plain)):
        print(f"{name:8}{row['requests']:>10}{row['failures']:>8}{row['rps']:>9.1f}"
              f"{row['p50']:>8.0f}{row['p95']:>8.0f}{row['p99']:>8.0f}")
    print(f"throughput ratio mix/plain: {mix['rps'] / plain['rps']:.3f}; "
          f"p95 ratio mix/plain: {mix['p95'] / max(plain['p95'], 1):.1f}x")


if __name__ == "__main__":
    main()
