"""Background tasks (django-tasks): the queue wrapper around the two pipeline steps.

The queue is ``settings.HRDWATCH_INGEST_QUEUE`` (default "default"), so a deployment or a test
can keep ingestion apart from other work. Tasks carry ids only; all state is in the database.
"""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from . import pipeline


def queue_name() -> str:
    return str(getattr(settings, "HRDWATCH_INGEST_QUEUE", "default"))


@task()
def discover_source(run_id: int, source_id: int) -> int:
    """List a source's items, then queue one processing task per item."""
    ids = pipeline.discover(run_id, source_id)
    for document_id in ids:
        enqueue_document(run_id, document_id)
    return len(ids)


@task()
def process_document(run_id: int, document_id: int) -> str:
    """Fetch, archive and read one document."""
    return pipeline.process(run_id, document_id)


def enqueue_source(run_id: int, source_id: int) -> None:
    discover_source.using(queue_name=queue_name()).enqueue(run_id, source_id)


def enqueue_document(run_id: int, document_id: int) -> None:
    process_document.using(queue_name=queue_name()).enqueue(run_id, document_id)
