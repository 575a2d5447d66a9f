"""``hrdwatch search rebuild|query``: manage the public search index (the SearchEntry projection)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hrdwatch.publication import caching
from hrdwatch.publication.listing import ListingQuery, filtered_entries, ordered
from hrdwatch.publication.search.backends import get_backend
from hrdwatch.publication.search.index import rebuild
from hrdwatch.publication.search.text import parse_query


class Command(BaseCommand):
    help = (
        "Rebuild or query the public search index (run 'search rebuild' after bulk loads).\n"
        "The index holds only what the visibility gate shows the public."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help="Drop and rebuild the index from the public record.")
        query = sub.add_parser("query", help="Show the public cases matching a query, best first.")
        query.add_argument("text", help="What to search for, in any script.")
        query.add_argument("--limit", type=int, default=20, help="How many results to show.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "rebuild":
            started = time.perf_counter()
            count = rebuild(
                progress=lambda n: self.stdout.write(f"  {n} cases indexed", ending="\r")
            )
            caching.bump()
            self.stdout.write(
                f"Indexed {count} public cases in {time.perf_counter() - started:.1f} s."
            )
            return
        query = ListingQuery(q=options["text"])
        backend = get_backend()
        self.stdout.write(f"{type(backend).__name__}: {backend.compile(parse_query(query.q))}")
        entries = ordered(filtered_entries(query), query).select_related("defender")[
            : options["limit"]
        ]
        for entry in entries:
            self.stdout.write(
                f"{entry.defender.uid}  {entry.country}  {entry.defender.display_name}"
            )
