"""Ingestion throughput and worker memory, end to end through the real CLI and worker processes.

Generates COUNT article pages (with some syndicated near-copies), serves them on 127.0.0.1,
follows them through one sitemap source, and times ``hrdwatch ingest --workers W`` for each W
(fetch, archive, extract text and metadata, identify language, detect near-duplicates, store).
While it runs, the resident memory of the worker processes is sampled against the number of
documents done, to show whether memory stays flat as the count grows.

    .venv/bin/python bench/ingest.py --count 2000 --workers 1 2
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
    path = installation.root / "data" / "hrdwatch.sqlite3"
    if not path.exists():
        return -1
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
        return db.execute(
            "SELECT count(*) FROM ingestion_document WHERE state = 'done'"
        ).fetchone()[0]


def measure(installation: Installation, workers: int, count: int) -> dict:
    started = time.monotonic()
    process = installation.start("ingest", "--workers", str(workers))
    samples: list[tuple[int, int]] = []
    next_mark = 0
    while process.poll() is None:
        time.sleep(1)
        done = done_count(installation)
        rss = sum(rss_kib(pid) for pid in children(process.pid))
        if done >= next_mark and rss:
            samples.append((done, rss // max(workers, 1)))
            next_mark = done + max(count // 10, 1)
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
        "worker_rss_mib_by_done": [(done, round(kib / 1024)) for done, kib in samples],
        "summary": out.strip().splitlines()[0] if out.strip() else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="documents to generate")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try"
    )
    args = parser.parse_args()
    os.environ.pop("DATABASE_URL", None)  # the bench measures the default SQLite installation
    work = Path(tempfile.mkdtemp(prefix="hrdwatch-bench-"))
    try:
        site = work / "site"
        site.mkdir()
        generate(site, args.count)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        sitemap = f"http://127.0.0.1:{server.server_address[1]}/sitemap.xml"
        template = Installation(work / "template", SETTINGS)
        for workers in args.workers:
            installation = Installation(work / f"w{workers}", SETTINGS, template=template)
            installation.hrdwatch("sources", "add", sitemap, "--kind", "sitemap")
            print(json.dumps(measure(installation, workers, args.count)), flush=True)
        server.shutdown()
    finally:
        subprocess.run(["sync"], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
