"""hrdwatch brief country CODE | theme --role CODE|--charge CODE --output FILE.pdf [--language]."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdwatch.advocacy.documents.briefs import country_brief, thematic_brief
from hrdwatch.advocacy.documents.labels import LANGUAGES
from hrdwatch.advocacy.documents.render import write
from hrdwatch.core.countries import UnknownCountryError, normalise_country
from hrdwatch.vocab.models import Term


class Command(BaseCommand):
    help = (
        "Write a country or thematic brief (figures, charts, tables) of public data as PDF or DOCX."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        country = kinds.add_parser("country", help="Brief on one detaining country.")
        country.add_argument("country", help="ISO 3166-1 code or English name.")
        theme = kinds.add_parser("theme", help="Brief on one role or one charge category.")
        group = theme.add_mutually_exclusive_group(required=True)
        group.add_argument("--role", help="Role code, e.g. lawyer.")
        group.add_argument("--charge", help="Charge category code, e.g. state_security.")
        for sub in (country, theme):
            sub.add_argument("--output", required=True, type=Path, help="FILE.pdf (or .docx).")
            sub.add_argument(
                "--language", choices=LANGUAGES, default="en", help="Language of the brief."
            )

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["language"]
        try:
            if options["kind"] == "country":
                doc = country_brief(normalise_country(options["country"]), language)
            elif options["role"]:
                doc = thematic_brief("role", options["role"], language)
            else:
                doc = thematic_brief("charge_category", options["charge"], language)
            write(doc, options["output"])
        except (UnknownCountryError, Term.DoesNotExist, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Wrote {options['output']}")
