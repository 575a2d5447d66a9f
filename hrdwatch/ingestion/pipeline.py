"""The two ingestion steps, each idempotent and safe to repeat after a crash.

``discover`` fetches a source (feed, listing, sitemap, article or uploaded file) and upserts one
Document per item, keyed by (url, variant), marking it queued for the run. ``process`` fetches a
queued document with a conditional GET, archives new bytes by hash, reads text and metadata,
identifies the language and near-duplicates, and records the outcome. Re-running either step
finds what is already there and changes nothing; a document left queued by a killed worker is
simply processed again. No step knows about the task queue (see ``tasks.py``).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from urllib.parse import quote

import httpx
from django.db import transaction
from django.utils import timezone

from . import archive
from .dedupe import assign_groups, regroup_ungrouped
from .fetch import Fetched, FetchError, fetch, new_client
from .models import DocState, Document, IngestRun, Outcome, Source, SourceKind
from .readers.common import Item, ReadError, Reading, detect_language
from .readers.feeds import read_feed_checked, read_sitemap
from .readers.files import read_bytes
from .readers.html import parse_html
from .readers.listing import find_items, unique_items
from .readers.pagination import next_page

logger = logging.getLogger(__name__)
MAX_SITEMAPS = 20
MAX_URL = 2000  # longer links cannot be stored, and are not real articles
DEFAULT_MAX_PAGES = 3  # listing pages read per run unless the source's hints say otherwise


@functools.cache
def shared_client() -> httpx.Client:
    """One HTTP client per worker process, so connections to a host are reused."""
    return new_client()


def describe(exc: BaseException) -> str:
    """A readable one-line reason for a failure."""
    if isinstance(exc, FetchError | ReadError):
        return str(exc)
    return f"internal error while reading: {type(exc).__name__}: {exc}"[:2000]


def file_url(source: Source) -> str:
    """The stable pseudo-URL of an uploaded file: its organisation, hash and name, so two
    organisations uploading the same file each get their own document (never the other's)."""
    return upload_url(
        source.organisation.slug if source.organisation else "",
        source.file_sha256,
        source.file_name,
    )


def upload_url(organisation_slug: str, sha256: str, file_name: str) -> str:
    """``upload://<organisation>/<sha256>/<name>`` (no organisation part for network files)."""
    owner = f"{organisation_slug}/" if organisation_slug else ""
    return f"upload://{owner}{sha256}/{quote(file_name)}"


def _items_from(
    source: Source, body: bytes, url: str, since: dt.date | None
) -> tuple[list[Item], str]:
    """(items, what is wrong with a source that could still be read, or '')."""
    if source.kind == SourceKind.FEED:
        items, problem = read_feed_checked(body, url)
        if problem:
            problem = f"the feed is malformed: {problem}; {len(items)} entries were read anyway"
        return items, problem
    if source.kind == SourceKind.LISTING:
        return _listing_items(source, body, url, since), ""
    if source.kind == SourceKind.SITEMAP:
        return _sitemap_items(body, url), ""
    return [Item(link=url)], ""


def _known(items: list[Item]) -> set[tuple[str, str]]:
    """(link, variant) of the items that are already documents."""
    return set(
        Document.objects.filter(url__in={item.link for item in items}).values_list("url", "variant")
    )


def _listing_items(source: Source, body: bytes, url: str, since: dt.date | None) -> list[Item]:
    """Items of a listing and of its next pages, up to the ``max_pages`` hint.

    A next page is read only while the page before it still showed something new (not yet a
    document, nor older than ``--since``), so a second run stops at the first page.
    """
    max_pages = int(source.hints.get("max_pages") or DEFAULT_MAX_PAGES)
    items: list[Item] = []
    visited = {url}
    for number in range(1, max_pages + 1):
        root = parse_html(body)
        following = next_page(root, url)
        found = find_items(root, url, source.hints)
        if number == 1 and not found:
            raise ReadError(f"no dated items with links were found on the listing page {url}")
        for item in found:
            item.extra["listing"] = url
        seen = {(item.link, item.variant) for item in items} | _known(found)
        fresh = [item for item in found if (item.link, item.variant) not in seen]
        items.extend(found)
        if since is not None:
            fresh = [item for item in fresh if item.published is None or item.published >= since]
        if not following or following in visited or not fresh or number == max_pages:
            break
        visited.add(following)
        try:
            fetched = fetch(following, client=shared_client())
        except FetchError as exc:  # a broken later page ends the listing; the first page counts
            logger.info("listing %s: next page %s not read: %s", source.slug, following, exc)
            break
        archive.store(fetched.body)
        body, url = fetched.body, fetched.final_url
    items = unique_items(items)
    limit = int(source.hints.get("max_items") or 0)
    return items[:limit] if limit else items


def _sitemap_items(body: bytes, url: str) -> list[Item]:
    items, nested = read_sitemap(body, url)
    for child_url in nested[:MAX_SITEMAPS]:
        child_items, _ = read_sitemap(fetch(child_url, client=shared_client()).body, child_url)
        items.extend(child_items)
    return items


def _fetch_source(source: Source) -> tuple[bytes, str]:
    """The source's current bytes, re-read from the archive when the server says 304."""
    fetched = fetch(source.url, source.etag, source.last_modified, client=shared_client())
    now = timezone.now()
    if fetched.not_modified and archive.intact(archive.relative_path(source.last_sha256)):
        Source.objects.filter(pk=source.pk).update(last_fetched_at=now, last_error="")
        return archive.load(archive.relative_path(source.last_sha256)), fetched.final_url
    if fetched.not_modified:
        fetched = fetch(source.url, client=shared_client())
    digest, _ = archive.store(fetched.body)
    Source.objects.filter(pk=source.pk).update(
        etag=fetched.headers.get("etag", ""),
        last_modified=fetched.headers.get("last-modified", ""),
        last_sha256=digest,
        last_fetched_at=now,
        last_error="",
    )
    return fetched.body, fetched.final_url


def discover(run_id: int, source_id: int) -> list[int]:
    """List the source's items as queued documents of the run; return their ids."""
    run = IngestRun.objects.get(pk=run_id)
    source = Source.objects.get(pk=source_id)
    try:
        if source.kind in {SourceKind.FILE, SourceKind.ARTICLE}:
            link = file_url(source) if source.kind == SourceKind.FILE else source.url
            items, parent = [Item(link=link)], ""
            Source.objects.filter(pk=source.pk).update(last_fetched_at=timezone.now())
        else:
            body, parent = _fetch_source(source)
            items, problem = _items_from(source, body, parent, run.since)
            if problem:  # recorded, and the entries that could be read are still followed
                logger.info("source %s: %s", source.slug, problem)
                Source.objects.filter(pk=source.pk).update(last_error=problem)
    except Exception as exc:  # every failure is recorded; the batch goes on
        logger.info("source %s failed: %s", source.slug, exc)
        Source.objects.filter(pk=source.pk).update(
            last_error=describe(exc), last_fetched_at=timezone.now()
        )
        run.discovered.add(source)
        return []
    items = [item for item in items if len(item.link) <= MAX_URL]
    first: dict[tuple[str, str], Item] = {}
    for item in items:  # one document, one item: the first that names it
        first.setdefault((item.link, item.variant), item)
    items = list(first.values())
    if run.since:
        items = [item for item in items if item.published is None or item.published >= run.since]
    ids = [_queue(run, source, item, parent).pk for item in items]
    run.discovered.add(source)
    return ids


def _queue(run: IngestRun, source: Source, item: Item, parent: str) -> Document:
    fields = {
        "item_title": item.title[:1000],
        "item_date_text": item.date_text[:200],
        "item_published": item.published,
        "item_summary": item.summary,
        "item_language": item.language,
        "parent_listing": item.extra.get("listing", parent) if parent != item.link else "",
    }
    with transaction.atomic():
        document, created = Document.objects.select_for_update().get_or_create(
            url=item.link, variant=item.variant, defaults={"source": source, **fields}
        )
        for name, value in fields.items():
            setattr(document, name, value)
        document.last_run, document.state, document.outcome = run, DocState.QUEUED, ""
        _apply_item(document)
        document.save()
    return document


def _apply_item(document: Document, reading: Reading | None = None) -> None:
    """Title, date and language: the listing's own words first, then what the page says."""
    document.title = (document.item_title or (reading.title if reading else "") or document.title)[
        :1000
    ]
    document.published = (
        document.item_published or (reading.published if reading else None) or document.published
    )
    item_text = f"{document.item_title} {document.item_summary}".strip()
    if document.item_language and len(item_text) >= 40:
        document.language = document.item_language
    elif reading is not None:
        document.language = detect_language(reading.text) or document.item_language
    else:
        document.language = document.language or document.item_language


def _body_of(document: Document) -> Fetched:
    source = document.source
    if source.kind == SourceKind.FILE:
        body = archive.load(archive.relative_path(source.file_sha256))
        return Fetched(document.url, document.url, 200, "", body)
    conditional = document.sha256 and not document.error and archive.intact(document.archived_path)
    return fetch(
        document.url,
        document.etag if conditional else "",
        document.last_modified if conditional else "",
        client=shared_client(),
    )


def process_batch(run_id: int, document_ids: list[int]) -> list[str]:
    """Fetch, archive and read queued documents, then record them all in one transaction.

    Fetching and reading happen outside the transaction; the writes (documents, near-duplicate
    bands) take a few queries per batch. Documents already done for the run are skipped, so a
    batch delivered twice, or re-queued after a crash, changes nothing.
    """
    documents = Document.objects.select_related("source").filter(pk__in=document_ids)
    read: list[tuple[Document, str, str | None]] = []
    for document in documents.exclude(last_run_id=run_id, state=DocState.DONE):
        try:
            outcome, text = _process(document)
            document.error = ""
        except Exception as exc:  # every failure is recorded on the document; the batch goes on
            logger.info("document %s failed: %s", document.url, exc)
            document = documents.get(pk=document.pk)  # drop half-done changes
            outcome, text, document.error = Outcome.FAILED, None, describe(exc)
            _apply_item(document)
        read.append((document, outcome, text))
    with transaction.atomic():
        done = set(
            Document.objects.select_for_update()
            .filter(pk__in=document_ids, last_run_id=run_id, state=DocState.DONE)
            .values_list("pk", flat=True)
        )
        read = [entry for entry in read if entry[0].pk not in done]
        assign_groups([(document, text) for document, _, text in read if text is not None])
        for document, outcome, _ in read:
            document.state, document.outcome = DocState.DONE, outcome
            document.save()
    regroup_ungrouped([document.pk for document, _, text in read if text is not None])
    return [outcome for _, outcome, _ in read]


def _process(document: Document) -> tuple[str, str | None]:
    """(outcome, new text to group, or None when the bytes did not change)."""
    fetched = _body_of(document)
    document.fetched_at = timezone.now()
    if fetched.not_modified or archive.sha256_of(fetched.body) == document.sha256:
        if not fetched.not_modified:
            archive.store(fetched.body)  # rewrites a file that a power cut left short
        _apply_item(document)
        return Outcome.UNCHANGED, None
    digest, rel = archive.store(fetched.body)
    previous = document.sha256
    reading = read_bytes(
        fetched.body, fetched.content_type, fetched.final_url, document.source.file_name
    )
    document.sha256, document.archived_path = digest, rel
    document.final_url = fetched.final_url if fetched.final_url != document.url else ""
    document.http_status = fetched.status
    document.content_type = fetched.content_type[:200]
    document.http_headers = fetched.headers
    document.etag = fetched.headers.get("etag", "")[:300]
    document.last_modified = fetched.headers.get("last-modified", "")[:100]
    document.text, document.characters = reading.text, len(reading.text)
    document.author = reading.author[:500]
    _apply_item(document, reading)
    return (Outcome.CHANGED if previous else Outcome.NEW), reading.text


def run_is_complete(run: IngestRun) -> bool:
    """Every source listed and every queued document processed."""
    if run.discovered.count() < run.sources.count():
        return False
    return not Document.objects.filter(last_run=run, state=DocState.QUEUED).exists()
