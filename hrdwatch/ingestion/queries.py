"""Read-only questions about documents, shared by the CLI, the document view and exports."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from hrdwatch.records.models import Case
from hrdwatch.records.models import Source as CitedSource

from .models import Document


def describe_document(document: Document) -> dict[str, Any]:
    """The document's metadata as plain JSON-ready values (one line of ``documents list --json``)."""
    return {
        "id": document.pk,
        "url": document.url,
        "final_url": document.final_url,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language,
        "sha256": document.sha256,
        "characters": document.characters,
        "error": document.error,
        "author": document.author,
        "source": document.source.slug,
        "parent_listing": document.parent_listing,
        "listing_date": document.item_date_text,
        "summary": document.item_summary,
        "content_type": document.content_type,
        "fetched_at": document.fetched_at.isoformat() if document.fetched_at else None,
        "archived_path": document.archived_path,
        "duplicate_group": document.duplicate_group,
        "outcome": document.outcome,
    }


def near_duplicates(document: Document) -> QuerySet[Document]:
    """Other documents of the same near-duplicate group."""
    if document.duplicate_group is None:
        return Document.objects.none()
    return Document.objects.filter(duplicate_group=document.duplicate_group).exclude(pk=document.pk)


def citing_cases(document: Document) -> QuerySet[Case]:
    """Cases whose evidence cites this document, matched by archived hash or by URL."""
    match = Q(url__in=[u for u in (document.url, document.final_url) if u])
    if document.sha256:
        match |= Q(content_hash=document.sha256)
    cited = CitedSource.objects.filter(match)
    return Case.objects.filter(
        Q(evidence__source__in=cited) | Q(events__evidence__source__in=cited)
    ).distinct()
