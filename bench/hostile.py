"""Hostile sources and files against a real installation: the worker's peak memory and time per case.

Each case runs in its own ``hrdwatch`` process (ingestion inline, so the process that fetches and
reads is the worker), on a fresh copy of one migrated installation, against local servers on
127.0.0.1 (the test suite's misbehaving site). The peak resident memory is the kernel's figure for
that process (``os.wait4`` rusage), so a short spike is not missed by sampling. Run through
``bench/ingest.py --hostile``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "ingestion"))
from server import SiteServer  # noqa: E402
from standalone import Installation  # noqa: E402

from tests.exports.hostile_files import deep_json, xlsx_bomb  # noqa: E402

DEADLINE = 10  # seconds; the default of 60 would only make the dripping case longer
SETTINGS = f"""
TASKS = {{"default": {{"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}}}
HRDWATCH_FETCH_HOST_INTERVAL = 0
HRDWATCH_FETCH_DEADLINE = {DEADLINE}
"""
TARGET_MIB = 300
IMPORT_HEADER = ["defender_id", "display_name", "case_id", "country", "status"]
IMPORT_ROW = ["D1", "A Defender", "C1", "VN", "detained_awaiting_trial"]


def run_measured(installation: Installation, *args: str) -> tuple[float, int, str]:
    """(seconds, peak RSS in MiB, last output line) of one hrdwatch command."""
    started = time.monotonic()
    process = installation.start(*args)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    assert process.stdout is not None and process.stderr is not None
    out = (process.stdout.read() + process.stderr.read()).strip().splitlines()
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_mib = usage.ru_maxrss // 1024 if sys.platform != "darwin" else usage.ru_maxrss >> 20
    return elapsed, peak_mib, out[-1] if out else ""


def ingest_case(
    installation: Installation, url: str, kind: str = "article"
) -> tuple[float, int, str]:
    installation.hrdwatch("sources", "add", url, "--kind", kind)
    elapsed, peak, _ = run_measured(installation, "ingest")
    errors = sorted({d["error"] for d in installation.documents() if d["error"]})
    return elapsed, peak, " | ".join(errors)[:200] or "no document error"


def import_case(
    installation: Installation, write: Callable[[Path], None], name: str
) -> tuple[float, int, str]:
    path = installation.root / name
    write(path)
    return run_measured(installation, "import", str(path))


def cases(
    site: SiteServer, robots: SiteServer
) -> dict[str, Callable[[Installation], tuple[float, int, str]]]:
    rows = [IMPORT_HEADER, IMPORT_ROW]
    return {
        "dripping headers (1 byte / 0.2 s)": lambda i: ingest_case(i, site.url("/drip")),
        "gzip bomb body (58 kB -> 60 MB)": lambda i: ingest_case(i, site.url("/bomb")),
        "brotli bomb body (-> 60 MB)": lambda i: ingest_case(i, site.url("/brotli-bomb")),
        "gzip bomb robots.txt": lambda i: ingest_case(i, robots.url("/news/trial-postponed.html")),
        "DOCX bomb (-> 60 MB document.xml)": lambda i: ingest_case(i, site.url("/docx-bomb")),
        "listing: malformed feed + bomb + page": lambda i: ingest_case(
            i, site.url("/hostile-listing.html"), "listing"
        ),
        "XLSX bomb (-> 300 MB)": lambda i: import_case(
            i, lambda p: xlsx_bomb(p, rows, 300_000_000), "bomb.xlsx"
        ),
        "NUL byte in a CSV cell": lambda i: import_case(
            i,
            lambda p: p.write_text(
                ",".join(IMPORT_HEADER) + "\n" + ",".join(IMPORT_ROW).replace("A ", "A\0") + "\n"
            ),
            "nul.csv",
        ),
        "JSON nested 100,000 deep": lambda i: import_case(
            i, lambda p: p.write_text(deep_json(100_000)), "deep.json"
        ),
    }


def run(work: Path) -> None:
    """Print one JSON line per case, then whether every case stayed under the memory target."""
    site = SiteServer().start()
    robots = SiteServer().start()
    robots.robots_bomb = True
    os.environ.pop("DATABASE_URL", None)
    template = Installation(work / "hostile-template", SETTINGS)
    worst = 0
    try:
        for number, (name, case) in enumerate(cases(site, robots).items()):
            installation = Installation(work / f"hostile-{number}", SETTINGS, template=template)
            seconds, peak, result = case(installation)
            worst = max(worst, peak)
            print(
                json.dumps(
                    {
                        "case": name,
                        "seconds": round(seconds, 1),
                        "peak_rss_mib": peak,
                        "result": result,
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
    finally:
        site.stop()
        robots.stop()
    print(
        json.dumps(
            {
                "worst_peak_rss_mib": worst,
                "target_mib": TARGET_MIB,
                "ok": worst < TARGET_MIB,
                "bench_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            }
        )
    )
