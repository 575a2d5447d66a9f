"""Read-only questions about documents, shared by the CLI, the document view and exports."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from hrdwatch.audit.log import record_restricted_view
from hrdwatch.partners.permissions import Action, can, viewer_for
from hrdwatch.records.models import Case
from hrdwatch.records.models import Source as CitedSource
from hrdwatch.records.visibility import Gate

from .models import Document, Source, SourceKind


def readable_documents(user: Any) -> QuerySet[Document]:
    """The documents a partner may read, as the visibility gate decides (``Gate.documents``):
    everything fetched from the web, and a file uploaded for an organisation only by that
    organisation's members."""
    if not can(user, Action.VIEW_DOCUMENTS):
        return Document.objects.none()
    return Gate(viewer_for(user)).documents(Document.objects.all())


def readable_sources(user: Any) -> QuerySet[Source]:
    """The followed sources a partner may see listed (uploaded files only by their owners)."""
    if not can(user, Action.VIEW_DOCUMENTS):
        return Source.objects.none()
    return Gate(viewer_for(user)).followed_sources(Source.objects.all())


def log_upload_view(request: HttpRequest, document: Document, where: str) -> None:
    """An organisation's uploaded file shown to a member is a restricted view: audit it (the
    entry names the source and its organisation, never the text)."""
    if document.source.kind == SourceKind.FILE and document.source.organisation_id:
        record_restricted_view(request, document.source, f"uploaded document {where}")


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


def near_duplicates(document: Document, among: QuerySet[Document]) -> QuerySet[Document]:
    """Other documents of the same near-duplicate group, among those the reader may read."""
    if document.duplicate_group is None:
        return among.none()
    return among.filter(duplicate_group=document.duplicate_group).exclude(pk=document.pk)


def citing_cases(document: Document, user: Any) -> QuerySet[Case]:
    """The cases ``user`` may see (the visibility gate decides) whose evidence cites this
    document, matched by archived hash or by URL."""
    match = Q(url__in=[u for u in (document.url, document.final_url) if u])
    if document.sha256:
        match |= Q(content_hash=document.sha256)
    cited = CitedSource.objects.filter(match)
    return (
        Gate(viewer_for(user))
        .cases()
        .filter(Q(evidence__source__in=cited) | Q(events__evidence__source__in=cited))
        .distinct()
    )
