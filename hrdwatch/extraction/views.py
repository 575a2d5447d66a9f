"""Reviewer pages of the extraction app: one candidate with its evidence marked in the document."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from hrdwatch.extraction.highlight import candidate_spans, highlight_spans
from hrdwatch.extraction.models import Candidate
from hrdwatch.partners.permissions import Action, permission_required


@permission_required(Action.REVIEW_QUEUE)
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The machine's proposal, the reviewer's edits, and the document with evidence highlighted."""
    candidate = get_object_or_404(
        Candidate.objects.select_related("document").prefetch_related("matches__defender"), pk=pk
    )
    return render(
        request,
        "extraction/candidate.html",
        {
            "candidate": candidate,
            "current": candidate.current(),
            "document_html": highlight_spans(candidate.document.text, candidate_spans(candidate.machine)),
        },
    )
