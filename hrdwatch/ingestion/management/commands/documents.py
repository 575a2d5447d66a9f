"""``hrdwatch documents``: list archived documents or show one."""

from __future__ import annotations

import json
import os
import sys
from argparse import ArgumentParser
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from hrdwatch.ingestion.management.database import ensure_database
from hrdwatch.ingestion.models import Document
from hrdwatch.ingestion.queries import describe_document


class Command(BaseCommand):
    help = (
        "List archived documents (--json: one object a line) or show one: documents list|show ID.\n"
        "JSON keys: id, url, final_url, title, published, language, sha256, characters, error, ..."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="List documents.")
        listing.add_argument("--json", action="store_true", help="One JSON object per line.")
        listing.add_argument("--source", default="", help="Only this source's documents.")
        show = sub.add_parser("show", help="Show one document's metadata and text.")
        show.add_argument("id", type=int, help="Document id.")

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_database(self.stderr)
        if options["action"] == "show":
            self.show(options["id"])
            return
        documents = Document.objects.select_related("source").order_by("id")
        if options["source"]:
            documents = documents.filter(source__slug=options["source"])
        if options["json"]:
            try:
                for document in documents.iterator(chunk_size=500):
                    self.stdout.write(json.dumps(describe_document(document), ensure_ascii=False))
            except BrokenPipeError:  # piped into head: the reader has what it wanted
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        table = Table("id", "published", "lang", "chars", "title", "error")
        for document in documents.iterator(chunk_size=500):
            table.add_row(
                str(document.pk),
                str(document.published or ""),
                document.language,
                str(document.characters),
                document.title[:70],
                document.error[:50],
            )
        Console(file=cast(IO[str], self.stdout), width=180).print(table)

    def show(self, pk: int) -> None:
        document = Document.objects.select_related("source").filter(pk=pk).first()
        if document is None:
            raise CommandError(f"no document {pk}")
        for key, value in describe_document(document).items():
            self.stdout.write(f"{key}: {value}")
        self.stdout.write("")
        self.stdout.write(document.text)
