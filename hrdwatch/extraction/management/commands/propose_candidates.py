"""``hrdwatch propose_candidates``: run an extractor on archived documents into the review queue."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hrdwatch.extraction.extractors import DEFAULT_EXTRACTOR, UnknownExtractorError, get_extractor
from hrdwatch.extraction.queue import propose_for_documents


class Command(BaseCommand):
    help = (
        "Propose candidate victims for archived documents (review queue); safe to re-run.\n\n"
        "A new extractor version updates candidates and flags reviewed ones for re-review; "
        "reviewers' edits and decisions are kept."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, help="Extractor name.")
        parser.add_argument("--document", type=int, action="append", help="Only this document id.")

    def handle(self, *args: Any, **options: Any) -> None:
        from hrdwatch.ingestion.models import Document

        try:
            extractor = get_extractor(options["extractor"])
        except UnknownExtractorError as exc:
            raise CommandError(str(exc)) from exc
        documents = Document.objects.exclude(text="").order_by("id")
        if options["document"]:
            documents = documents.filter(id__in=options["document"])
        report = propose_for_documents(documents.iterator(), extractor)
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(
            f"created {report.created}, updated {report.updated} ({report.rereview} to re-review), "
            f"unchanged {report.unchanged}, withdrawn {report.withdrawn}, errors {len(report.errors)}, "
            f"documents with warnings {report.warned}"
        )
