"""``hrdwatch extract``: propose candidate victims for every document of a JSONL file."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from hrdwatch.extraction.extractors import (
    DEFAULT_EXTRACTOR,
    UnknownExtractorError,
    extractor_names,
    get_extractor,
)
from hrdwatch.extraction.run import extract_lines, to_json_line


class Command(BaseCommand):
    help = (
        "Extract candidate victims, events and evidence from documents (JSONL in, JSONL out).\n\n"
        "Works without a database. Each input line is {id, text, published?, language?, url?, "
        "source?, title?}; each output line is {id, victims: [...]} in the same order, with an "
        "'error' key for a line that could not be read."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--input", required=True, type=Path, help="Documents, one JSON per line."
        )
        parser.add_argument("--output", required=True, type=Path, help="Where to write results.")
        parser.add_argument(
            "--extractor",
            default=DEFAULT_EXTRACTOR,
            help=f"Extractor name (default {DEFAULT_EXTRACTOR}; one of: {', '.join(extractor_names())}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            extractor = get_extractor(options["extractor"])
        except UnknownExtractorError as exc:
            raise CommandError(str(exc)) from exc
        source: Path = options["input"]
        if not source.is_file():
            raise CommandError(f"input file not found: {source}")
        lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        total = sum(1 for line in lines if line.strip())
        console = Console(file=sys.stderr)
        errors = 0
        with (
            options["output"].open("w", encoding="utf-8") as out,
            Progress(
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                disable=not console.is_terminal,
                transient=True,
            ) as progress,
        ):
            task = progress.add_task("extract", total=total)
            for result in extract_lines(lines, extractor):
                if result.error:
                    errors += 1
                    self.stderr.write(result.error)
                out.write(to_json_line(result) + "\n")
                progress.advance(task)
        self.stdout.write(
            f"{total} documents, {errors} errors, extractor {extractor.name} {extractor.version}"
        )
