"""Putting an extractor's output into the review queue, and checking candidates against known
defenders.

``store_candidates`` is idempotent: running the same extractor version again changes nothing;
running a new version updates the machine output and flags reviewed candidates for re-review, never
touching reviewers' edits or decisions (the policy is in ``Candidate``'s docstring).
Name checks here are exact or folded; the linkage model adds probable matches in a batch
(``linkage.proposals.match_pending_candidates``, run by ``hrdwatch propose_merges``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from hrdwatch.core.text import fold
from hrdwatch.extraction.extractors.base import Extractor
from hrdwatch.extraction.models import (
    NAME_KINDS,
    Candidate,
    CandidateStatus,
    DefenderMatch,
    ExtractionRun,
    MatchKind,
)
from hrdwatch.extraction.schema import ExtractedVictim, Extraction, SourceDocument
from hrdwatch.ingestion.models import Document


def name_key(name: str) -> str:
    """Folded words of a name in sorted order: "Zhou Jianming" and "JIANMING ZHOU" share a key."""
    return " ".join(sorted(fold(name).replace("-", " ").split()))


@dataclass
class StoreReport:
    """What a run did to the queue of one or more documents."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rereview: int = 0
    withdrawn: int = 0
    warned: int = 0
    errors: list[str] = field(default_factory=list)


def source_document(document: Document) -> SourceDocument:
    """The extractor's view of an ingestion Document."""
    published = document.published or document.item_published
    return SourceDocument(
        id=str(document.pk),
        text=document.text,
        published=str(published)[:10] if published else None,
        language=document.language or None,
        url=document.url or None,
        title=document.title or None,
    )


@transaction.atomic
def store_candidates(
    document: Document, extractor: Extractor, victims: list[ExtractedVictim], report: StoreReport
) -> list[Candidate]:
    """Create or update the document's candidates from one run of ``extractor``."""
    now = timezone.now()
    existing = {
        c.key: c
        for c in Candidate.objects.select_for_update().filter(
            document=document, extractor_name=extractor.name
        )
    }
    kept: list[Candidate] = []
    for victim in victims:
        key = name_key(victim.name)
        machine = victim.model_dump(mode="json")
        candidate = existing.pop(key, None)
        if candidate is None:
            candidate = Candidate.objects.create(
                document=document,
                extractor_name=extractor.name,
                extractor_version=extractor.version,
                key=key,
                name=victim.name,
                machine=machine,
                machine_updated_at=now,
                confidence=victim.confidence,
            )
            report.created += 1
        elif candidate.machine == machine and not candidate.withdrawn:
            if candidate.extractor_version != extractor.version:
                candidate.extractor_version = extractor.version
                candidate.save(update_fields=["extractor_version", "updated_at"])
            report.unchanged += 1
        else:
            candidate.machine, candidate.name = machine, victim.name
            candidate.extractor_version, candidate.machine_updated_at = extractor.version, now
            candidate.confidence = victim.confidence
            candidate.withdrawn = False
            if candidate.has_review_work:
                candidate.needs_rereview = True
                report.rereview += 1
            candidate.save()
            report.updated += 1
        kept.append(candidate)
    for candidate in existing.values():
        if candidate.has_review_work:
            if not candidate.withdrawn:
                candidate.withdrawn = candidate.needs_rereview = True
                candidate.save(update_fields=["withdrawn", "needs_rereview", "updated_at"])
                report.withdrawn += 1
        else:
            candidate.delete()
            report.withdrawn += 1
    match_known_defenders(kept)
    return kept


def _defender_names() -> dict[str, list[tuple[int, str]]]:
    """Folded name key -> (defender id, name as written), from display names and other names."""
    from hrdwatch.records.models import Defender, DefenderName

    index: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for defender_id, name in Defender.objects.values_list("id", "display_name"):
        index[name_key(name)].append((defender_id, name))
    for defender_id, name in DefenderName.objects.filter(
        defender__deleted_at__isnull=True
    ).values_list("defender_id", "name"):
        index[name_key(name)].append((defender_id, name))
    return index


def match_known_defenders(candidates: list[Candidate]) -> None:
    """Record which known defenders carry a candidate's name or alias, exactly or folded."""
    if not candidates:
        return
    index = _defender_names()
    for candidate in candidates:
        names = [candidate.name, *candidate.machine.get("aliases", [])]
        found: dict[int, tuple[MatchKind, str]] = {}
        for name in names:
            for defender_id, written in index.get(name_key(name), []):
                kind = MatchKind.EXACT if written == name else MatchKind.FOLDED
                if defender_id not in found or found[defender_id][0] != MatchKind.EXACT:
                    found[defender_id] = (kind, written)
        DefenderMatch.objects.filter(candidate=candidate, kind__in=NAME_KINDS).exclude(
            defender_id__in=found
        ).delete()
        for defender_id, (kind, written) in found.items():
            DefenderMatch.objects.update_or_create(
                candidate=candidate,
                defender_id=defender_id,
                defaults={"kind": kind, "matched_name": written},
            )


def propose_for_documents(documents: Iterable[Document], extractor: Extractor) -> StoreReport:
    """Run ``extractor`` on each document and store its candidates and what limited its reading;
    errors are reported, not raised."""
    report = StoreReport()
    for document in documents:
        try:
            found = extractor.analyse(source_document(document))
        except Exception as exc:  # noqa: BLE001 - one document must not stop the run
            report.errors.append(f"document {document.pk}: {exc}")
            continue
        store_candidates(document, extractor, found.victims, report)
        record_run(document, extractor, found)
        if found.warnings:
            report.warned += 1
    return report


def record_run(document: Document, extractor: Extractor, found: Extraction) -> ExtractionRun:
    """Keep the language and warnings of the latest run of ``extractor`` on ``document``."""
    run, _ = ExtractionRun.objects.update_or_create(
        document=document,
        extractor_name=extractor.name,
        defaults={
            "extractor_version": extractor.version,
            "language": found.language or "",
            "warnings": found.warnings,
            "victims": len(found.victims),
            "ran_at": timezone.now(),
        },
    )
    return run


def review_queue(extractor_name: str | None = None) -> QuerySet[Candidate]:
    """Pending candidates, most confident first (a candidate without a confidence last), each
    with its document's latest warnings at hand (``document.extraction_runs``)."""
    queryset = Candidate.objects.filter(status=CandidateStatus.PENDING, withdrawn=False)
    if extractor_name:
        queryset = queryset.filter(extractor_name=extractor_name)
    return (
        queryset.select_related("document")
        .prefetch_related("document__extraction_runs")
        .order_by(F("confidence").desc(nulls_last=True), "document_id", "id")
    )


def documents_with_warnings(extractor_name: str | None = None) -> QuerySet[ExtractionRun]:
    """Runs that could not read their document fully (unsupported language, unreadable text)."""
    queryset = ExtractionRun.objects.exclude(warnings=[]).select_related("document")
    if extractor_name:
        queryset = queryset.filter(extractor_name=extractor_name)
    return queryset.order_by("-ran_at")
