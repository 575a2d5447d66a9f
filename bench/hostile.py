"""Hostile sources and files against a real installation: the worker's peak memory and time per case.

One worker process (Django set up on a freshly migrated installation, ingestion inline so the
process that fetches and reads is the worker) runs every case in turn against local servers on
127.0.0.1 (the test suite's misbehaving site). For each case it prints the time, the Python
allocation peak during the case (``tracemalloc``) and the process's resident high-water mark
(``VmHWM``) before and after, so the memory a case adds shows beside the process's baseline.
Run through ``bench/ingest.py --hostile``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "ingestion"))

DEADLINE = 10  # seconds; the default of 60 would only make the dripping case longer
SETTINGS = f"""
TASKS = {{"default": {{"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}}}
HRDWATCH_FETCH_HOST_INTERVAL = 0
HRDWATCH_FETCH_DEADLINE = {DEADLINE}
"""
TARGET_MIB = 300
IMPORT_ROWS = [
    ["defender_id", "display_name", "case_id", "country", "status"],
    ["D1", "A Defender", "C1", "VN", "detained_awaiting_trial"],
]


def rss_mib() -> int:
    """This process's resident high-water mark (VmHWM: unlike getrusage, not inherited at exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def ingest_case(url: str, kind: str = "article") -> str:
    """Follow one source inline; the errors recorded on its documents (or the source)."""
    from django.core.management import call_command

    from hrdwatch.ingestion.models import Document, Source

    call_command("sources", "add", url, "--kind", kind, stdout=StringIO())
    source = Source.objects.get(url=url)
    call_command("ingest", "--source", source.slug, stdout=StringIO(), stderr=StringIO())
    source.refresh_from_db()
    errors = sorted({doc.error for doc in Document.objects.filter(source=source).exclude(error="")})
    return " | ".join(errors or [source.last_error or "no error"])[:240]


def import_case(path: Path) -> str:
    """Import a file written beforehand by ``write_files`` (so writing it is not measured)."""
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("import", str(path), stdout=StringIO(), stderr=StringIO())
    except CommandError as exc:
        return str(exc)[:240]
    return "imported (not refused)"


def write_files(work: Path) -> None:
    """The hostile import files, written by the parent process before the worker starts."""
    from tests.exports.hostile_files import deep_json, xlsx_bomb

    xlsx_bomb(work / "bomb.xlsx", IMPORT_ROWS, 300_000_000)
    nul_csv = "\n".join(",".join(row) for row in IMPORT_ROWS).replace("A Defender", "A\0Defender")
    (work / "nul.csv").write_text(nul_csv + "\n")
    (work / "deep.json").write_text(deep_json(100_000))


def cases(work: Path, site: str, robots: str) -> dict[str, Callable[[], str]]:
    return {
        "ordinary page (baseline)": lambda: ingest_case(f"{site}/news/trial-postponed.html"),
        "dripping headers (1 byte / 0.2 s)": lambda: ingest_case(f"{site}/drip"),
        "gzip bomb body (58 kB -> 60 MB)": lambda: ingest_case(f"{site}/bomb"),
        "brotli bomb body (-> 60 MB)": lambda: ingest_case(f"{site}/brotli-bomb"),
        "gzip bomb robots.txt (-> 60 MB)": lambda: ingest_case(f"{robots}/appeals.html"),
        "DOCX bomb (-> 60 MB document.xml)": lambda: ingest_case(f"{site}/docx-bomb"),
        "listing: malformed feed, bomb, page": lambda: ingest_case(
            f"{site}/hostile-listing.html", "listing"
        ),
        "XLSX bomb (296 kB -> 300 MB)": lambda: import_case(work / "bomb.xlsx"),
        "NUL byte in a CSV cell": lambda: import_case(work / "nul.csv"),
        "JSON nested 100,000 deep": lambda: import_case(work / "deep.json"),
    }


def worker() -> None:
    """The measured process: run every case, one JSON line each."""
    import django

    django.setup()
    from django.core.management import load_command_class

    from hrdwatch.ingestion import pipeline  # noqa: F401 - load the readers before measuring

    load_command_class("hrdwatch.exports", "import")  # and the import command with its readers

    work, site, robots = Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    print(json.dumps({"case": "process after start-up", "rss_mib": rss_mib()}), flush=True)
    tracemalloc.start()
    for name, case in cases(work, site, robots).items():
        before = rss_mib()
        tracemalloc.reset_peak()
        started = time.monotonic()
        result = case()
        seconds = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1] >> 20
        line = {
            "case": name,
            "seconds": round(seconds, 1),
            "python_peak_mib": peak,
            "rss_before_mib": before,
            "rss_after_mib": rss_mib(),
            "result": result,
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)


def run(work: Path) -> None:
    """Start the servers and one installation, then the measured worker process."""
    from server import SiteServer
    from standalone import Installation

    site = SiteServer().start()
    robots = SiteServer().start()
    robots.robots_bomb = True
    os.environ.pop("DATABASE_URL", None)
    installation = Installation(work / "hostile", SETTINGS)
    write_files(work)
    try:
        command = [sys.executable, __file__, "--worker", str(work), site.url(""), robots.url("")]
        done = subprocess.run(command, env=installation.env, text=True, check=False)
        if done.returncode:
            raise SystemExit(done.returncode)
    finally:
        site.stop()
        robots.stop()


if __name__ == "__main__" and sys.argv[1:2] == ["--worker"]:
    worker()
