"""``hrdwatch sources``: add and list the sources the network follows."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import IO, Any, cast

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from hrdwatch.ingestion.management.database import ensure_database
from hrdwatch.ingestion.models import Source, SourceKind
from hrdwatch.ingestion.registry import (
    YAML_SUFFIXES,
    SourceError,
    add_file,
    add_url,
    load_directory,
    load_yaml,
    save_config,
)
from hrdwatch.partners.models import Organisation


class Command(BaseCommand):
    help = (
        "Add or list followed sources: sources add URL|FILE [--kind K] [--name N], sources list.\n"
        "FILE may be a YAML source definition, a folder of them, or a document to ingest "
        "(HTML, PDF, DOCX, text, e-mail). Without --kind the URL is fetched to guess it."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Follow a URL, load YAML definitions, or upload a file.")
        add.add_argument("target", help="URL, YAML file, folder of YAML files, or document file.")
        add.add_argument(
            "--kind", choices=[k.value for k in SourceKind], default="", help="How to read it."
        )
        add.add_argument("--name", default="", help="Human name of the source.")
        add.add_argument(
            "--organisation",
            default="",
            metavar="SLUG",
            help="Partner organisation that owns it; an uploaded file is then readable only "
            "by that organisation's members.",
        )
        sub.add_parser("list", help="List the sources.")

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_database(self.stderr)
        if options["action"] == "list":
            self.list_sources()
            return
        target, kind, name = options["target"], options["kind"], options["name"]
        owner = self.organisation(options["organisation"])
        try:
            if target.startswith(("http://", "https://")):
                source, created = add_url(target, kind, name, organisation=owner)
                self.report(source, created)
            elif "://" in target:
                raise CommandError(
                    f"refused: only http and https URLs can be followed, not {target}"
                )
            else:
                self.add_path(Path(target), kind, name, owner)
        except SourceError as exc:
            raise CommandError(str(exc)) from exc

    @staticmethod
    def organisation(slug: str) -> Organisation | None:
        if not slug:
            return None
        owner = Organisation.objects.filter(slug=slug).first()
        if owner is None:
            known = ", ".join(Organisation.objects.values_list("slug", flat=True)) or "none yet"
            raise CommandError(f"unknown organisation {slug!r} (known: {known})")
        return owner

    def add_path(self, path: Path, kind: str, name: str, owner: Organisation | None) -> None:
        if path.is_dir():
            for source in load_directory(path):
                self.stdout.write(f"loaded {source.slug} ({source.kind}) {source.url}")
            return
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        if path.suffix.lower() in YAML_SUFFIXES:
            source, created = save_config(load_yaml(path), str(path))
        elif kind and kind != SourceKind.FILE:
            raise CommandError("a local file can only be added as --kind file")
        else:
            source, created = add_file(path.read_bytes(), path.name, name, organisation=owner)
        self.report(source, created)

    def report(self, source: Source, created: bool) -> None:
        verb = "added" if created else "already followed"
        self.stdout.write(f"{verb}: {source.slug} ({source.kind}) {source.url or source.file_name}")

    def list_sources(self) -> None:
        table = Table("slug", "kind", "url / file", "language", "trust", "documents", "last error")
        for source in Source.objects.all():
            table.add_row(
                source.slug,
                source.kind,
                source.url or source.file_name,
                source.language,
                source.trust,
                str(source.documents.count()),
                source.last_error[:60],
            )
        Console(file=cast(IO[str], self.stdout), width=160).print(table)
