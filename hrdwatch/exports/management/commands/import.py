"""hrdwatch import: load CSV, XLSX or JSON into the record, all-or-nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdwatch.exports.importer import Importer, ImportReport
from hrdwatch.exports.readers import FileError, read_import_file
from hrdwatch.exports.scope import ImportScope, ScopeError
from hrdwatch.exports.uwazi import command as uwazi


class Command(BaseCommand):
    help = (
        "Import defenders and cases from a CSV, XLSX or JSON file, or an Uwazi CSV export.\n\n"
        "Every bad cell is reported with its line, column, value and what is accepted. By default a "
        "file with any bad row changes nothing; --skip-invalid imports the good rows. The separator "
        "and encoding are detected; unknown columns are ignored with a warning (or read with --map). "
        "Re-importing the same file changes nothing (records are matched by defender_id/case_id or "
        "uid, only among the importing organisation's records, see --organisation); charges the file no "
        "longer lists are reported and removed only with --prune. Columns: docs/import-export.md."
        " From Uwazi: hrdwatch import --from uwazi EXPORT.csv "
        "--suggest-mapping > mapping.yaml, check it, then hrdwatch import --from uwazi "
        "EXPORT.csv --mapping mapping.yaml [--date-format dd/MM/yyyy] [--dry-run]."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .csv, .xlsx or .json (hrdwatch export) file.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument(
            "--skip-invalid", action="store_true", help="Import the valid rows, skip the bad ones."
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Remove the charges of the file's cases that the file no longer lists "
            "(without it they are only reported).",
        )
        parser.add_argument(
            "--user", help="Username recorded in the history as the author of the changes."
        )
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="COLUMN=FIELD",
            help="Read a column of the file as one of the format's columns (repeatable), "
            "e.g. --map 'Date of arrest=arrest_date'.",
        )
        parser.add_argument(
            "--organisation",
            help="Slug of the importing organisation: new records are its drafts, and only its "
            "records (or cases shared with it to edit) are matched and updated (default: the "
            "user's only organisation; none: an operator's import, owners from the file).",
        )
        uwazi.add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        user = None
        if options.get("user"):
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user named {options['user']!r}")
        try:
            scope = ImportScope.resolve(user, options.get("organisation"))
        except ScopeError as exc:
            raise CommandError(f"{exc}. Nothing was imported.") from None
        path = Path(options["file"])
        mapping = {}
        for item in options["map"]:
            column, sep, target = item.partition("=")
            if not sep or not column.strip() or not target.strip():
                raise CommandError(
                    f"--map {item!r}: expected COLUMN=FIELD, e.g. --map 'Date of arrest=arrest_date'"
                )
            mapping[column.strip()] = target.strip()
        if options["source_format"] == "uwazi":
            conversion = uwazi.read_uwazi(options, self.stdout)
            if conversion is None:
                return
            for message in conversion.errors:
                self.stderr.write(message)
            if conversion.errors and not options["skip_invalid"]:
                raise CommandError(
                    f"{len(conversion.errors)} value(s) cannot be imported; nothing was imported "
                    "(fix the export or the mapping, or use --skip-invalid)."
                )
            document, locations = conversion.document, conversion.locations
        else:
            try:
                document, locations = read_import_file(path, mapping)
            except FileError as exc:
                raise CommandError(f"{exc}. Nothing was imported.") from None
        importer = Importer(
            dry_run=options["dry_run"],
            skip_invalid=options["skip_invalid"],
            user=user,
            refuse_formulas=path.suffix.lower() != ".json",  # spreadsheets evaluate formulas
            prune=options["prune"],
            scope=scope,
            label=f"{path.name} sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}",
        )
        report = importer.run(document, locations)
        self._print(report, options)
        if report.errors and not options["skip_invalid"]:
            raise CommandError(
                f"{report.invalid_rows} invalid row(s); nothing was imported "
                "(fix them, or use --skip-invalid to import the valid rows)."
            )

    def _print(self, report: ImportReport, options: dict[str, Any]) -> None:
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        for location, message in report.errors:
            self.stderr.write(f"{location}: {message}")
        if report.errors and not options["skip_invalid"]:
            return
        verb = "would be" if options["dry_run"] else "were"
        for removal in report.removals:
            if options["prune"]:
                self.stdout.write(f"{removal}: {verb} removed")
            else:
                self.stdout.write(f"{removal}: kept (--prune removes it)")
        for label, counter in (
            ("created", report.created),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
            ("removed", report.removed),
        ):
            if counter:
                details = ", ".join(f"{n} {name}" for name, n in sorted(counter.items()))
                self.stdout.write(f"{label}: {details}")
        total_changed = (
            sum(report.created.values())
            + sum(report.updated.values())
            + sum(report.removed.values())
        )
        self.stdout.write(
            f"{report.rows_total - report.rows_skipped} row(s) read, {report.rows_skipped} skipped; "
            f"{total_changed} record(s) {verb} created, changed or removed"
            + (" (dry run: nothing was written)" if options["dry_run"] else "")
        )
