"""hrdwatch dossier wgad CASE | sanctions PERPETRATOR --output FILE.pdf|.docx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdwatch.advocacy.documents.labels import LANGUAGES
from hrdwatch.advocacy.documents.render import write
from hrdwatch.advocacy.documents.sanctions import build_sanctions
from hrdwatch.advocacy.documents.wgad import build_wgad
from hrdwatch.exports.base import audit_export
from hrdwatch.records.levels import Visibility
from hrdwatch.records.visibility import Viewer


class Command(BaseCommand):
    help = "Draft a WGAD communication for a case, or a sanctions dossier for a perpetrator, as PDF or DOCX."

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        wgad = kinds.add_parser(
            "wgad", help="Draft individual communication to the UN WGAD for a case uid."
        )
        wgad.add_argument("target", metavar="CASE", help="Case uid, e.g. case-1a2b3c4d5e6f.")
        wgad.add_argument(
            "--language", choices=LANGUAGES, default="en", help="Language of the draft."
        )
        sanctions = kinds.add_parser(
            "sanctions", help="Targeted-sanctions dossier for a perpetrator uid."
        )
        sanctions.add_argument(
            "target", metavar="PERPETRATOR", help="Perpetrator uid, e.g. per-1a2b3c4d5e6f."
        )
        for sub in (wgad, sanctions):
            sub.add_argument("--output", required=True, type=Path, help="FILE.pdf or FILE.docx.")
            sub.add_argument(
                "--visibility",
                choices=[v.value for v in Visibility],
                default=Visibility.PARTNERS,
                help="How much of the record the document may use (default partners).",
            )

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"]
        if output.suffix.lower() not in {".pdf", ".docx"}:
            raise CommandError("--output must end in .pdf or .docx")
        viewer = Viewer.at_level(options["visibility"])
        try:
            if options["kind"] == "wgad":
                doc = build_wgad(options["target"], viewer, options["language"])
            else:
                doc = build_sanctions(options["target"], viewer)
        except ObjectDoesNotExist as exc:
            raise CommandError(
                f"no visible {options['kind']} record {options['target']!r}"
            ) from exc
        write(doc, output)
        audit_export(None, viewer, output.suffix.lower().lstrip("."), 1, what=options["kind"])
        self.stdout.write(f"Wrote {output} ({len(doc.citations)} sources cited)")
