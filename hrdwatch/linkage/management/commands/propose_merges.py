"""``hrdwatch propose_merges``: rebuild the reviewers' queue of possible duplicate defenders."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import IO, Any, cast

from django.core.management.base import BaseCommand
from rich.console import Console

from hrdwatch.linkage.clusters import DEFAULT_THRESHOLD
from hrdwatch.linkage.proposals import match_pending_candidates, refresh_proposals


class Command(BaseCommand):
    help = (
        "Run the linkage model over every known defender (reviewers' answers applied) and rebuild\n"
        "the queue of possible duplicates that reviewers answer at /linkage/. Pairs already\n"
        "answered 'same' or 'not the same' are never proposed again. Then match the pending\n"
        "candidates from extraction against the known defenders, so each candidate's page says\n"
        "whom it probably is and why. Run it after extraction or imports, or nightly; each step\n"
        "replaces its results in one transaction."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--threshold",
            type=float,
            default=DEFAULT_THRESHOLD,
            help=f"Smallest probability proposed (default {DEFAULT_THRESHOLD}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(file=cast(IO[str], self.stderr))
        with console.status("linking known defenders..."):
            count = refresh_proposals(options["threshold"], progress=console.log)
        self.stdout.write(f"{count} possible duplicates wait for review at /linkage/")
        with console.status("matching pending candidates..."):
            matched = match_pending_candidates(options["threshold"])
        self.stdout.write(f"{matched} probable matches of pending candidates to known defenders")
