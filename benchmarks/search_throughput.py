"""Mentor search under load: throughput as a ratio to a plain Django view, and SQL per search.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mp_search_bench \\
        .venv/bin/python benchmarks/search_throughput.py --participants 10000 100000

For each size N it rebuilds the database named in DATABASE_URL (PostgreSQL: dropped and created;
SQLite: the file is replaced; default sqlite:////tmp/mp_search_bench.sqlite3), migrates, runs
`seed_demo --participants N`, starts gunicorn on a loopback port, signs in the demo mentee, and
sends the same bounded number of requests from several threads to the search page and to a plain
view in the same server, alternating rounds so both see the same machine load. It prints requests
per second for both, the ratio, and the SQL queries one search costs (counted in-process).
"""

import argparse
import http.client
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SETTINGS = "benchmarks.search_settings"
DEFAULT_DB = "sqlite:////tmp/mp_search_bench.sqlite3"
SEARCH_PATH = "/mentoring/find/?competency=professional_practices_ethics"
PLAIN_PATH = "/bench/plain/"
MENTEE = "mentee@example.org"


def reset_database(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme.startswith("sqlite"):
        Path(parsed.path).unlink(missing_ok=True)
        return
    import psycopg

    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def analyze(url: str) -> None:
    """Refresh planner statistics, as autovacuum would soon after a bulk load in production."""
    if urlparse(url).scheme.startswith("postgres"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("ANALYZE")


def manage(*args: str, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def session_cookie_and_queries(env: dict) -> tuple[str, dict]:
    """Sign the mentee in (a session row the server will read) and count one search's SQL."""
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from website.models import User

    client = Client()
    client.force_login(User.objects.get(email=MENTEE))
    client.get(SEARCH_PATH)  # warm caches as a running server would have them
    counts = {}
    for label, path in (("page 1", SEARCH_PATH), ("page 3", SEARCH_PATH + "&page=3")):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, response.status_code
        counts[label] = len(captured)
    from mentorship.matching import find_mentors
    from mentorship.models import Competency, Participant

    mentee = Participant.objects.get(user__email=MENTEE)
    competency = Competency.objects.get(code=SEARCH_PATH.rsplit("=", 1)[-1])
    counts["results"] = find_mentors(mentee, competency).count()
    return client.cookies["sessionid"].value, counts


def hammer(port: int, path: str, cookie: str, threads: int, per_thread: int) -> float:
    """Send threads × per_thread GET requests over keep-alive connections; return requests/s."""
    failures = []
    barrier = threading.Barrier(threads + 1)

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Cookie": f"sessionid={cookie}", "Host": "127.0.0.1"}
        barrier.wait()
        for _ in range(per_thread):
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failures.append(response.status)
        connection.close()

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} requests to {path} failed: {set(failures)}")
    return threads * per_thread / elapsed


def wait_for(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", PLAIN_PATH)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def run_size(n: int, args, env: dict) -> dict:
    reset_database(env["DATABASE_URL"])
    manage("migrate", "--noinput", "-v", "0", env=env)
    seed_seconds = manage("seed_demo", "--participants", str(n), env=env)
    analyze(env["DATABASE_URL"])
    child = subprocess.run(
        [sys.executable, __file__, "--measure-queries"], env=env, capture_output=True, text=True
    )
    if child.returncode:
        raise RuntimeError(child.stderr)
    cookie, counts = eval(child.stdout.strip().splitlines()[-1])  # noqa: S307 - our own output
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "website.wsgi:application", "-b", f"127.0.0.1:{args.port}",
         "-w", str(args.workers), "--keep-alive", "30", "--log-level", "warning"],
        env=env, cwd=ROOT,
    )
    try:
        wait_for(args.port)
        hammer(args.port, SEARCH_PATH, cookie, args.threads, 5)  # warm every worker
        hammer(args.port, PLAIN_PATH, cookie, args.threads, 5)
        search, plain = [], []
        for _ in range(args.rounds):
            search.append(hammer(args.port, SEARCH_PATH, cookie, args.threads, args.per_thread))
            plain.append(hammer(args.port, PLAIN_PATH, cookie, args.threads, args.per_thread))
    finally:
        server.terminate()
        server.wait(timeout=30)
    search_rps, plain_rps = sum(search) / len(search), sum(plain) / len(plain)
    return {
        "participants": n, "seed_seconds": seed_seconds, "results": counts["results"],
        "queries_page_1": counts["page 1"], "queries_page_3": counts["page 3"],
        "search_rps": search_rps, "plain_rps": plain_rps, "ratio": search_rps / plain_rps,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--port", type=int, default=8103)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="concurrent client connections")
    parser.add_argument("--per-thread", type=int, default=50, help="requests per thread a round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--measure-queries", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS,
           "DATABASE_URL": os.environ.get("DATABASE_URL", DEFAULT_DB),
           "PYTHONPATH": str(ROOT)}
    if args.measure_queries:
        print(repr(session_cookie_and_queries(env)))
        return
    database = urlparse(env["DATABASE_URL"]).scheme
    print(f"database: {database}; gunicorn workers: {args.workers}; client threads: "
          f"{args.threads}; {args.rounds} rounds of {args.threads * args.per_thread} requests each")
    print(f"{'participants':>12} {'seed s':>7} {'results':>7} {'SQL/search':>10} "
          f"{'search r/s':>10} {'plain r/s':>9} {'ratio':>6}")
    for n in args.participants:
        row = run_size(n, args, env)
        print(f"{row['participants']:>12} {row['seed_seconds']:>7.1f} {row['results']:>7} "
              f"{row['queries_page_1']:>4} / {row['queries_page_3']:<3} "
              f"{row['search_rps']:>10.1f} {row['plain_rps']:>9.1f} {row['ratio']:>6.3f}",
              flush=True)


if __name__ == "__main__":
    main()
