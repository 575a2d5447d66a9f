"""Background tasks (django-tasks): the queue wrapper around the two pipeline steps.

The queue is ``settings.HRDWATCH_INGEST_QUEUE`` (default "default"), so a deployment or a test
can keep ingestion apart from other work. Tasks carry ids only; all state is in the database.
Documents travel in batches (``HRDWATCH_INGEST_BATCH``, default 25) so that the queue's and
the database's per-task costs are shared by many documents.
"""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from . import pipeline


def queue_name() -> str:
    return str(getattr(settings, "HRDWATCH_INGEST_QUEUE", "default"))


@task()
def discover_source(run_id: int, source_id: int) -> int:
    """List a source's items, then queue them for processing in batches."""
    ids = pipeline.discover(run_id, source_id)
    enqueue_documents(run_id, ids)
    return len(ids)


@task()
def process_documents(run_id: int, document_ids: list[int]) -> list[str]:
    """Fetch, archive and read a batch of documents."""
    return pipeline.process_batch(run_id, document_ids)


def enqueue_source(run_id: int, source_id: int) -> None:
    discover_source.using(queue_name=queue_name()).enqueue(run_id, source_id)


def enqueue_documents(run_id: int, document_ids: list[int]) -> None:
    """Queue documents in batches: big enough that queue and commit costs are shared, small
    enough (an eighth of the work at least) that several workers share a short run."""
    limit = int(getattr(settings, "HRDWATCH_INGEST_BATCH", 25))
    size = max(1, min(limit, len(document_ids) // 8))
    for start in range(0, len(document_ids), size):
        batch = document_ids[start : start + size]
        process_documents.using(queue_name=queue_name()).enqueue(run_id, batch)
