"""Rows per second of ``hrdwatch import`` on a CSV list shaped like the real ones, and peak memory.

    .venv/bin/python bench/import.py [--rows 1000]            # SQLite in a temporary folder
    DATABASE_URL=postgres://... .venv/bin/python bench/import.py --rows 1000
    .venv/bin/python bench/import.py --rows 100000 --no-reimport

On a shared machine the wall-clock rate depends on the other load; the rate per CPU second of the
importing process (the database server's own work excluded) says what the code costs.

The rows are the invented list of tests/exports/reallist.py repeated with new identifiers (places
of detention, two charges with articles, one or two sources per row). Each run imports into an
empty database, then imports the same file again (the no-op re-import is timed too, unless
``--no-reimport``). Each run prints its rows per second and the peak memory (max RSS) of the
process so far; the last line sums the runs up.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_csv(rows: int, path: Path) -> None:
    from tests.exports import reallist

    items = []
    for i in range(1, rows + 1):
        item = reallist.row(i % reallist.SIZE + 1)
        item.update(defender_id=f"B-{i:06d}", case_id=f"B-{i:06d}-1")
        items.append(item)
    path.write_text(reallist.as_csv(items), encoding="utf-8")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_import(path: Path, rows: int, what: str, engine: str) -> float:
    """Import ``path``, print the run's line; returns rows per second."""
    from django.core.management import call_command

    out = io.StringIO()
    start, cpu = time.perf_counter(), time.process_time()
    call_command("import", str(path), stdout=out, stderr=io.StringIO())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    summary = out.getvalue().strip().splitlines()[-1]
    rate = rows / seconds
    print(
        f"{engine}: {what} of {rows} rows in {seconds:.1f} s = {rate:.0f} rows/s "
        f"({rows / cpu:.0f} rows per CPU second of this process), peak memory {peak_mb():.0f} MB ({summary})",
        flush=True,
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument(
        "--no-reimport", action="store_true", help="do not time the re-import of the same file"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("HRDWATCH_DATA_DIR", folder)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdwatch.project.settings.demo")
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        path = Path(folder) / "list.csv"
        build_csv(args.rows, path)
        engine = str(settings.DATABASES["default"]["ENGINE"]).rsplit(".", 1)[-1]
        first = timed_import(path, args.rows, "import", engine)
        again = None if args.no_reimport else timed_import(path, args.rows, "re-import", engine)
        print(
            f"summary: {engine}, {args.rows} rows: import {first:.0f} rows/s"
            + (f", re-import {again:.0f} rows/s" if again is not None else "")
            + f", peak memory {peak_mb():.0f} MB (target >= 500 rows/s: "
            + ("met" if first >= 500 else "not met")
            + ")"
        )


if __name__ == "__main__":
    main()
