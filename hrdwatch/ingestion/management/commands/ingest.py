"""``hrdwatch ingest``: poll the sources through the task queue, with a progress bar and a summary."""

from __future__ import annotations

import datetime as dt
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.utils import timezone
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from hrdwatch.ingestion import archive
from hrdwatch.ingestion.management.database import ensure_database
from hrdwatch.ingestion.models import DocState, Document, IngestRun, Outcome, RunState, Source
from hrdwatch.ingestion.pipeline import run_is_complete
from hrdwatch.ingestion.schedule import due_sources
from hrdwatch.ingestion.tasks import enqueue_documents, enqueue_source
from hrdwatch.ingestion.workers import WorkerPool, runs_inline

MAX_CRASHES_PER_WORKER = 3


class Command(BaseCommand):
    help = (
        "Fetch, archive and read followed sources: ingest [--source SLUG | --due] [--since DATE] "
        "[--workers N].\n"
        "Without --source or --due every active source is polled; --due polls only those whose "
        "schedule (hourly, daily, weekly) says they are due, for cron. Prints a progress bar, then "
        "new/changed/unchanged/failed counts and each failure's reason. Safe to interrupt and run "
        "again: finished work is kept and nothing is duplicated."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--source", default="", help="Only this source (its slug).")
        which.add_argument(
            "--due",
            action="store_true",
            help="Only sources due by their schedule (run it from cron, e.g. hourly).",
        )
        parser.add_argument(
            "--since",
            type=dt.date.fromisoformat,
            default=None,
            help="Only items dated on or after YYYY-MM-DD.",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Worker processes to run (0: only queue the work for workers started elsewhere).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_database(self.stderr)
        sources = Source.objects.filter(active=True)
        if options["source"]:
            sources = Source.objects.filter(slug=options["source"])
            if not sources.exists():
                raise CommandError(
                    f"no source with slug {options['source']!r} (see hrdwatch sources list)"
                )
        if not sources.exists():
            raise CommandError("no sources to ingest; add one with: hrdwatch sources add URL")
        if options["due"]:
            sources = due_sources()
            if not sources.exists():
                self.stdout.write("no source is due; nothing to do")
                return
        archive.remove_partial_files()
        run = IngestRun.objects.create(since=options["since"])
        run.sources.set(sources)
        for source in sources:
            enqueue_source(run.pk, source.pk)
        if not runs_inline():
            if options["workers"] <= 0:
                self.stdout.write(
                    f"run {run.pk}: queued {sources.count()} source(s) for the workers"
                )
                return
            self.drive(run, options["workers"])
        IngestRun.objects.filter(pk=run.pk).update(state=RunState.DONE, finished_at=timezone.now())
        self.summarise(run)

    def drive(self, run: IngestRun, workers: int) -> None:
        """Run the worker processes until every item of the run is processed."""
        pool = WorkerPool(workers)
        pool.start()
        console = Console(stderr=True)
        try:
            with Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            ) as progress:
                bar = progress.add_task("documents", total=None)
                while not run_is_complete(run):
                    time.sleep(0.3)
                    queued = Document.objects.filter(last_run=run)
                    progress.update(
                        bar,
                        total=queued.count(),
                        completed=queued.filter(state=DocState.DONE).count(),
                    )
                    if pool.replace_dead():
                        if pool.crashes > MAX_CRASHES_PER_WORKER * workers:
                            self.give_up(run)
                            break
                        self.requeue(run)
                queued = Document.objects.filter(last_run=run)
                progress.update(
                    bar, total=queued.count(), completed=queued.filter(state=DocState.DONE).count()
                )
        finally:
            pool.stop()

    def requeue(self, run: IngestRun) -> None:
        """After a worker died, queue again whatever it may have been holding (steps are idempotent)."""
        for source in run.sources.exclude(pk__in=run.discovered.values("pk")):
            enqueue_source(run.pk, source.pk)
        queued = Document.objects.filter(last_run=run, state=DocState.QUEUED)
        enqueue_documents(run.pk, list(queued.values_list("pk", flat=True)))

    def give_up(self, run: IngestRun) -> None:
        Document.objects.filter(last_run=run, state=DocState.QUEUED).update(
            state=DocState.DONE,
            outcome=Outcome.FAILED,
            error="worker processes kept dying while processing this run; run ingest again to retry",
        )

    def summarise(self, run: IngestRun) -> None:
        documents = Document.objects.filter(last_run=run)
        counts = dict(
            documents.values_list("outcome").annotate(n=Count("id")).values_list("outcome", "n")
        )
        parts = [f"{outcome.label.lower()} {counts.get(outcome.value, 0)}" for outcome in Outcome]
        self.stdout.write(f"run {run.pk}: {documents.count()} documents: " + ", ".join(parts))
        for source in run.sources.exclude(last_error=""):
            self.stdout.write(f"  source {source.slug} failed: {source.last_error}")
        for url, error in documents.filter(outcome=Outcome.FAILED).values_list("url", "error"):
            self.stdout.write(f"  failed {url}: {error}")
