"""hrdwatch export: write what a viewer at a visibility level may see."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdwatch.exports.base import audit_export, exporters
from hrdwatch.records.levels import Visibility
from hrdwatch.records.visibility import Viewer


class Command(BaseCommand):
    help = (
        "Export the record as CSV, JSON, XLSX or FtM for a visibility level (public by default).\n\n"
        "The JSON export is also an import format: `hrdwatch import` reads it back. CSV and XLSX hold "
        "one row per case with the columns described in docs/import-export.md; spreadsheet formulas "
        "are neutralised. Examples:\n"
        "  hrdwatch export --format csv --output cases.csv\n"
        "  hrdwatch export --format json --visibility partners --output partners.json"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--format", required=True, choices=sorted(exporters()), help="Output format."
        )
        parser.add_argument(
            "--visibility",
            default=Visibility.PUBLIC,
            choices=[v.value for v in Visibility],
            help="Write what a viewer at this level may see (default: public).",
        )
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args: Any, **options: Any) -> None:
        exporter = exporters()[options["format"]]()
        viewer = Viewer.at_level(options["visibility"])
        target = options.get("output")
        if not target:
            count = exporter.write(viewer, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            audit_export(None, viewer, options["format"], count)
            self.stderr.write(f"{count} records exported")
            return
        path = Path(target)
        if not path.parent.exists():
            raise CommandError(f"folder {path.parent} does not exist")
        # Write to a temporary file first so a failed export never leaves a half-written file.
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                count = exporter.write(viewer, stream)
            os.replace(temp_name, path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        audit_export(None, viewer, options["format"], count)
        self.stdout.write(
            f"{count} records exported to {path} ({options['visibility']} visibility)"
        )
