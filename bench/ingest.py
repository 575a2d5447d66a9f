"""Ingestion throughput and worker memory, end to end through the real CLI and worker processes.

Generates COUNT article pages (with some syndicated near-copies), serves them on 127.0.0.1,
follows them through one sitemap source, and times ``hrdwatch ingest --workers W`` for each W
(fetch, archive, extract text and metadata, identify language, detect near-duplicates, store).
While it runs, the resident memory of the worker processes is sampled against the number of
documents done (every ``--mark`` documents), to show whether memory stays flat as the count grows.
``--backends`` picks the configurations: ``sqlite`` (the default installation: SQLite and the
database task queue) and ``postgres-redis`` (PostgreSQL and the RQ queue on Redis, the
production path; needs DATABASE_URL's server and Redis on 127.0.0.1:6379).

    .venv/bin/python bench/ingest.py --count 2000 --workers 1 2 --backends sqlite postgres-redis
    .venv/bin/python bench/ingest.py --count 50000 --workers 2 --mark 10000
    .venv/bin/python bench/ingest.py --hostile   # bombs, a dripping server, broken files
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "ingestion"))
from standalone import Installation  # noqa: E402

WORDS = (
    "police detained defender lawyer journalist court prison sentence appeal family province district "
    "arrest trial charges release land rights protest activist authorities detention centre torture "
    "health hunger strike visit months years statement network organisation urgent action release"
).split()
SETTINGS = "\nHRDWATCH_FETCH_HOST_INTERVAL = 0\n"
REDIS_SETTINGS = """
REDIS_URL = "redis://127.0.0.1:6379/0"
TASKS = {{"default": {{"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default", "{queue}"]}}}}
RQ_QUEUES = {{name: {{"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}} for name in ("default", "{queue}")}}
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_rq", "django_rq"]
HRDWATCH_INGEST_QUEUE = "{queue}"
"""
PG_URL = "postgres://postgres@127.0.0.1:5432/postgres"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def generate(root: Path, count: int, seed: int = 7) -> None:
    """COUNT article pages, one in twenty a near-copy of an earlier one, and a sitemap of them all."""
    rng = random.Random(seed)
    bodies: list[str] = []
    urls = []
    for n in range(count):
        if n >= 20 and n % 20 == 0:
            body = bodies[rng.randrange(len(bodies))].replace(" the ", " a ", 1)
        else:
            body = "".join(
                "<p>" + " ".join(rng.choice(WORDS) for _ in range(60)) + f" case {n}-{k}.</p>"
                for k in range(6)
            )
        bodies.append(body)
        (root / f"{n}.html").write_text(
            f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Report {n}</title>"
            f"<meta property='article:published_time' content='2020-0{1 + n % 9}-1{n % 10}'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/donate'>Donate</a></nav><article><h1>Report {n}</h1>"
            f"{body}</article><footer>© NGO</footer></body></html>"
        )
        urls.append(f"<url><loc>/{n}.html</loc></url>")
    (root / "sitemap.xml").write_text(
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        + "".join(urls)
        + "</urlset>"
    )


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def done_count(installation: Installation) -> int:
    query = "SELECT count(*) FROM ingestion_document WHERE state = 'done'"
    if installation.pg_name:
        import psycopg

        with psycopg.connect(installation.env["DATABASE_URL"]) as db:
            row = db.execute(query).fetchone()
            return int(row[0]) if row else 0
    import sqlite3

    path = installation.root / "data" / "hrdwatch.sqlite3"
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
        return db.execute(query).fetchone()[0]


def measure(installation: Installation, workers: int, mark: int) -> dict:
    """Run ``ingest --workers W``; sample each worker's memory at every MARK documents done."""
    started = time.monotonic()
    process = installation.start("ingest", "--workers", str(workers))
    samples: list[tuple[int, int]] = []
    peak = 0
    next_mark = mark
    while process.poll() is None:
        time.sleep(1)
        rss = max((rss_kib(pid) for pid in children(process.pid)), default=0)
        peak = max(peak, rss)
        done = done_count(installation)
        if done >= next_mark:
            samples.append((done, peak))
            next_mark = (done // mark + 1) * mark
    elapsed = time.monotonic() - started
    out, err = process.communicate()
    assert process.returncode == 0, err[-2000:]
    docs = installation.documents()
    fetched = sorted(d["fetched_at"] for d in docs if d["fetched_at"])
    from datetime import datetime

    steady = (
        datetime.fromisoformat(fetched[-1]) - datetime.fromisoformat(fetched[0])
    ).total_seconds()
    return {
        "workers": workers,
        "documents": len(docs),
        "failed": sum(1 for d in docs if d["error"]),
        "duplicate_groups": len({d["duplicate_group"] for d in docs if d["duplicate_group"]}),
        "wall_seconds": round(elapsed, 1),
        "docs_per_second_wall": round(len(docs) / elapsed, 1),
        "docs_per_second_steady": round(len(docs) / steady, 1) if steady else None,
        "peak_worker_rss_mib_by_done": [(done, round(kib / 1024)) for done, kib in samples],
        "peak_worker_rss_mib": round(peak / 1024),
        "summary": out.strip().splitlines()[0] if out.strip() else "",
    }


def forget_queue(extra_settings: str) -> None:
    """Delete the bench queue's keys from Redis."""
    import redis

    queue = extra_settings.split('HRDWATCH_INGEST_QUEUE = "')[1].split('"')[0]
    client = redis.Redis.from_url("redis://127.0.0.1:6379/0")
    for key in client.scan_iter(f"*{queue}*"):
        client.delete(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="documents to generate")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try"
    )
    parser.add_argument(
        "--backends",
        nargs="+",
        default=["sqlite"],
        choices=["sqlite", "postgres-redis"],
        help="database and task queue configurations to try",
    )
    parser.add_argument("--mark", type=int, default=0, help="sample memory every N documents")
    parser.add_argument(
        "--hostile",
        action="store_true",
        help="instead: peak worker memory and time for each hostile source and file (bench/hostile.py)",
    )
    args = parser.parse_args()
    mark = args.mark or max(args.count // 10, 1)
    work = Path(tempfile.mkdtemp(prefix="hrdwatch-bench-"))
    if args.hostile:
        from hostile import run

        try:
            run(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return
    try:
        site = work / "site"
        site.mkdir()
        generate(site, args.count)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        sitemap = f"http://127.0.0.1:{server.server_address[1]}/sitemap.xml"
        for backend in args.backends:
            extra = SETTINGS
            if backend == "postgres-redis":
                os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", PG_URL)
                extra += REDIS_SETTINGS.format(queue=f"bench-{uuid.uuid4().hex[:8]}")
            else:
                os.environ.pop("DATABASE_URL", None)
            template = Installation(work / f"template-{backend}", extra)
            for workers in args.workers:
                installation = Installation(work / f"{backend}-{workers}", extra, template=template)
                try:
                    installation.hrdwatch("sources", "add", sitemap, "--kind", "sitemap")
                    result = measure(installation, workers, mark)
                finally:
                    installation.close()
                print(json.dumps({"backend": backend, **result}), flush=True)
            template.close()
            if backend == "postgres-redis":
                forget_queue(extra)
        server.shutdown()
    finally:
        subprocess.run(["sync"], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
