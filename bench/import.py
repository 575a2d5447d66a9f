"""Rows per second of ``hrdwatch import`` on a CSV list shaped like the real ones, and peak memory.

    .venv/bin/python bench/import.py [--rows 1000]            # SQLite in a temporary folder
    DATABASE_URL=postgres://... .venv/bin/python bench/import.py --rows 1000

The rows are the invented list of tests/exports/reallist.py repeated with new identifiers (places
of detention, two charges with articles, one or two sources per row). Each run imports into an
empty database, then imports the same file again (the no-op re-import is timed too).
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


def timed_import(path: Path) -> tuple[float, str]:
    from django.core.management import call_command

    out = io.StringIO()
    start = time.perf_counter()
    call_command("import", str(path), stdout=out, stderr=io.StringIO())
    return time.perf_counter() - start, out.getvalue().strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
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
        first, summary = timed_import(path)
        again, again_summary = timed_import(path)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{engine}: {args.rows} rows imported in {first:.1f} s = {args.rows / first:.0f} rows/s ({summary})"
        )
        print(
            f"{engine}: re-import of the same file in {again:.1f} s = {args.rows / again:.0f} rows/s ({again_summary})"
        )
        print(f"peak memory (max RSS of the process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
