"""Reviewer pages of the extraction app: one candidate with its evidence marked in the document."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from hrdwatch.extraction.highlight import candidate_spans, highlight_spans
from hrdwatch.extraction.models import Candidate, DefenderMatch, ExtractionRun, MatchKind
from hrdwatch.ingestion.queries import log_upload_view
from hrdwatch.partners.permissions import Action, permission_required, viewer_for
from hrdwatch.records.visibility import Gate

_KIND_ORDER = {MatchKind.EXACT: 0, MatchKind.FOLDED: 1, MatchKind.PROBABLE: 2}


def _visible_matches(request: HttpRequest, candidate: Candidate) -> list[DefenderMatch]:
    """The candidate's known-defender matches the reviewer may see (the gate decides), names
    first, then the model's by probability."""
    matches = DefenderMatch.objects.filter(
        candidate=candidate, defender__in=Gate(viewer_for(request.user)).defenders()
    ).select_related("defender")
    return sorted(matches, key=lambda m: (_KIND_ORDER[MatchKind(m.kind)], -(m.probability or 0)))


@permission_required(Action.REVIEW_QUEUE)
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The machine's proposal, the reviewer's edits, and the document with evidence highlighted;
    a candidate from a document the reviewer may not read (another organisation's upload) is 404."""
    readable = Gate(viewer_for(request.user)).candidates(Candidate.objects.all())
    candidate = get_object_or_404(readable.select_related("document__source"), pk=pk)
    log_upload_view(request, candidate.document, "on the candidate page")
    return render(
        request,
        "extraction/candidate.html",
        {
            "candidate": candidate,
            "current": candidate.current(),
            "matches": _visible_matches(request, candidate),
            "run": ExtractionRun.objects.filter(
                document=candidate.document, extractor_name=candidate.extractor_name
            ).first(),
            "document_html": highlight_spans(
                candidate.document.text, candidate_spans(candidate.machine)
            ),
        },
    )
