"""Partner-only pages: the archived text of a document beside the original, with its context.

For now any logged-in staff user may look; the partners app's permission object will replace
``staff_member_required`` once it exists.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Document
from .queries import citing_cases, describe_document, near_duplicates


@staff_member_required
def document_list(request: HttpRequest) -> HttpResponse:
    documents = Document.objects.select_related("source").order_by("-id")[:200]
    return render(request, "ingestion/document_list.html", {"documents": documents})


@staff_member_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("source"), pk=pk)
    context = {
        "document": document,
        "metadata": describe_document(document),
        "duplicates": near_duplicates(document),
        "cases": citing_cases(document),
    }
    return render(request, "ingestion/document_detail.html", context)


@staff_member_required
def document_original(request: HttpRequest, pk: int) -> FileResponse:
    """The archived bytes, served as an attachment so hostile HTML never runs in our origin."""
    document = get_object_or_404(Document, pk=pk)
    if not document.archived_path:
        raise Http404("nothing archived for this document")
    path = Path(settings.ARCHIVE_DIR) / document.archived_path
    if not path.is_file():
        raise Http404("archived file missing")
    response = FileResponse(path.open("rb"), as_attachment=True, filename=f"{document.sha256}.bin")
    response["Content-Type"] = "application/octet-stream"
    return response
