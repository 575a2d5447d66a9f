"""hrdwatch opendata DIR: write a dated, versioned public open-data release."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hrdwatch.exports.opendata import write_release


class Command(BaseCommand):
    help = "Write a dated, versioned open-data release (public data, data dictionary, licence) into DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="Folder that holds the releases.")

    def handle(self, *args: Any, **options: Any) -> None:
        release = write_release(options["directory"])
        counts = ", ".join(
            f"{name}: {n}" for name, n in release.manifest["records_written"].items()
        )
        self.stdout.write(f"Wrote {release.folder} ({counts})")
