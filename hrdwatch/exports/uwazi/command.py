"""The ``--from uwazi`` part of ``hrdwatch import``: options, the drafted mapping, the document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser, OutputWrapper

from .convert import Conversion
from .document import build
from .export_file import UwaziFileError, read_export
from .mapping import MappingError, load_mapping, suggest


def add_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=["hrdwatch", "uwazi"],
        default="hrdwatch",
        help="The file's origin: hrdwatch's own CSV/XLSX/JSON (default), or an Uwazi CSV export.",
    )
    parser.add_argument(
        "--mapping",
        help="With --from uwazi: the mapping file (YAML) of templates and columns "
        "onto hrdwatch fields; draft one with --suggest-mapping.",
    )
    parser.add_argument(
        "--suggest-mapping",
        action="store_true",
        help="With --from uwazi: print a draft mapping for this export and import nothing.",
    )
    parser.add_argument(
        "--date-format",
        help="With --from uwazi: the Uwazi instance's date format, e.g. "
        "dd/MM/yyyy (a setting of the instance, not in the file; default: the mapping's, else "
        "yyyy-MM-dd).",
    )


def read_uwazi(options: dict[str, Any], stdout: OutputWrapper) -> Conversion | None:
    """The converted export, or None when only a mapping was asked for (printed to stdout)."""
    path = Path(options["file"])
    try:
        export = read_export(path)
        if options.get("suggest_mapping"):
            stdout.write(suggest(export, options.get("date_format") or "yyyy-MM-dd"), ending="")
            return None
        if not options.get("mapping"):
            raise CommandError(
                "--from uwazi needs --mapping MAPPING.yaml (draft one with --suggest-mapping)"
            )
        mapping = load_mapping(Path(options["mapping"]))
        conversion = build(export, mapping, options.get("date_format") or mapping.date_format)
    except (UwaziFileError, MappingError, ValueError) as exc:
        raise CommandError(f"{exc}. Nothing was imported.") from None
    for template, count in sorted(conversion.skipped_templates.items()):
        stdout.write(
            f"template {template!r}: {count} entities skipped (record: skip, or not in the mapping)"
        )
    counts = ", ".join(f"{n} {name}" for name, n in conversion.counts.items())
    stdout.write(f"{export.path.name}: {len(export.rows)} entities read; mapped to {counts}")
    return conversion
