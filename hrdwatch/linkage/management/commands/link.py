"""``hrdwatch link``: which reports are the same person, from a CSV to a CSV, without a database."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from hrdwatch.linkage.aliases import load_alias_table
from hrdwatch.linkage.clusters import DEFAULT_THRESHOLD
from hrdwatch.linkage.inputs import InputError, LinkRecord, RowProblem, read_records
from hrdwatch.linkage.pipeline import link_records

OUTPUT_COLUMNS = ("record_id", "cluster_id")


def write_clusters_atomically(
    path: Path, records: list[LinkRecord], clusters: dict[str, str]
) -> None:
    """Write record_id, cluster_id in input order; readers never see a half-written file."""
    path = path.resolve()
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed into place
        "w",
        newline="",
        encoding="utf-8",
        dir=path.parent,
        prefix=f".{path.name}.",
        delete=False,
    )
    try:
        with handle:
            writer = csv.writer(handle)
            writer.writerow(OUTPUT_COLUMNS)
            for record in records:
                writer.writerow((record.record_id, clusters[record.record_id]))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = (
        "Link reports of the same person: records CSV in, record_id/cluster_id CSV out.\n\n"
        "Input columns: record_id, source_org, name, name_original_script, country, birth_year,\n"
        "gender, role, arrest_date, detention_place (only record_id and name are required).\n"
        "Needs no database. A bad row stops the run, with its line, unless --skip-invalid."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="Records CSV.")
        parser.add_argument("--output", required=True, type=Path, help="Clusters CSV to write.")
        parser.add_argument(
            "--backend",
            choices=("duckdb", "spark"),
            default="duckdb",
            help="Where Splink runs: DuckDB in this process (default) or Spark (local mode).",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Report bad rows and link the others, instead of stopping with nothing written.",
        )
        parser.add_argument(
            "--threshold",
            type=float,
            default=DEFAULT_THRESHOLD,
            help=f"Match probability needed to link two records (default {DEFAULT_THRESHOLD}).",
        )
        parser.add_argument(
            "--aliases",
            type=Path,
            action="append",
            default=[],
            help="Extra alias table (YAML, same shape as hrdwatch/linkage/aliases.yaml); repeatable.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(stderr=True)
        source: Path = options["input"]
        if not source.is_file():
            raise CommandError(f"{source}: no such file")
        records: list[LinkRecord] = []
        problems: list[RowProblem] = []
        try:
            for item in read_records(source):
                (problems if isinstance(item, RowProblem) else records).append(item)  # type: ignore[arg-type]
        except (InputError, UnicodeDecodeError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        for problem in problems:
            console.print(f"[yellow]{source}:{problem.line}[/]: {problem.message}", highlight=False)
        if problems and not options["skip_invalid"]:
            raise CommandError(
                f"{len(problems)} bad row(s); nothing written (use --skip-invalid to link the others)"
            )
        aliases = load_alias_table(*options["aliases"])
        columns = (
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=console, transient=False) as progress:
            keys = progress.add_task("name keys", total=len(records))
            stage = progress.add_task("model", total=None)

            def advance() -> None:
                progress.advance(keys)

            def say(message: str) -> None:
                progress.update(stage, description=message)

            result = link_records(
                records,
                backend=options["backend"],
                threshold=options["threshold"],
                aliases=aliases,
                progress=say,
                on_record=advance,
            )
            progress.update(stage, description="done", total=1, completed=1)
        write_clusters_atomically(options["output"], records, result.clusters)
        people = len(set(result.clusters.values()))
        console.print(f"{len(records)} records -> {people} people; written to {options['output']}")
