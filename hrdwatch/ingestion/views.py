"""Partner pages: the sources the network follows (and a form to add one), the archive of
fetched documents, and one document's archived text beside the original with its metadata,
near-duplicates and the cases that cite it.

Which documents and sources a partner may read is decided by the visibility gate (through
``queries.readable_documents`` / ``readable_sources``); so are the citing cases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from hrdwatch.audit.log import Actor
from hrdwatch.partners.models import Role
from hrdwatch.partners.permissions import Action, can, organisations_where, permission_required

from .forms import AddSourceForm
from .models import Document, Source
from .queries import (
    citing_cases,
    log_upload_view,
    near_duplicates,
    readable_documents,
    readable_sources,
)
from .registry import SourceError, add_file, add_url

PAGE_SIZE = 50


class DocumentFilter(forms.Form):
    q = forms.CharField(label=_("Title or address contains"), required=False, max_length=200)
    source = forms.ModelChoiceField(
        label=_("Source"),
        required=False,
        queryset=Source.objects.all(),
        to_field_name="slug",
        empty_label=_("All sources"),
    )

    def __init__(self, *args: Any, sources: QuerySet[Source], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sources

    language = forms.CharField(label=_("Language code"), required=False, max_length=12)
    failed = forms.BooleanField(label=_("Only documents that failed"), required=False)

    def apply(self, documents: QuerySet[Document]) -> QuerySet[Document]:
        """The documents matching the valid filters (an invalid filter is ignored, not an error)."""
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        if data.get("q"):
            documents = documents.filter(
                Q(title__icontains=data["q"]) | Q(url__icontains=data["q"])
            )
        if data.get("source"):
            documents = documents.filter(source=data["source"])
        if data.get("language"):
            documents = documents.filter(language__iexact=data["language"])
        if data.get("failed"):
            documents = documents.exclude(error="")
        return documents


@permission_required(Action.VIEW_DOCUMENTS)
def document_list(request: HttpRequest) -> HttpResponse:
    filters = DocumentFilter(request.GET or None, sources=readable_sources(request.user))
    documents = filters.apply(readable_documents(request.user)).select_related("source")
    page = Paginator(documents.order_by("-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ingestion/document_list.html",
        {
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
        },
    )


def _metadata(document: Document) -> list[tuple[Any, Any]]:
    """The document's facts as (label, value) pairs for the page, empty ones left out."""
    rows = [
        (_("Address"), document.url),
        (
            _("Address after redirects"),
            document.final_url if document.final_url != document.url else "",
        ),
        (_("Source"), document.source.name),
        (_("Published"), document.published),
        (_("Author"), document.author),
        (_("Language"), document.language),
        (_("Characters"), document.characters),
        (_("Content type"), document.content_type),
        (_("Fetched"), document.fetched_at),
        (
            _("Outcome of the last fetch"),
            document.get_outcome_display() if document.outcome else "",
        ),
        (_("SHA-256 of the archived bytes"), document.sha256),
    ]
    return [(label, value) for label, value in rows if value not in (None, "")]


@permission_required(Action.VIEW_DOCUMENTS)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    readable = readable_documents(request.user)
    document = get_object_or_404(readable.select_related("source"), pk=pk)
    log_upload_view(request, document, "on the document page")
    return render(
        request,
        "ingestion/document_detail.html",
        {
            "document": document,
            "metadata": _metadata(document),
            "duplicates": near_duplicates(document, readable).select_related("source"),
            "cases": citing_cases(document, request.user).select_related("defender"),
            "can_review": can(request.user, Action.REVIEW_QUEUE),
        },
    )


@permission_required(Action.VIEW_DOCUMENTS)
def document_original(request: HttpRequest, pk: int) -> FileResponse:
    """The archived bytes, served as an attachment so hostile HTML never runs in our origin."""
    document = get_object_or_404(readable_documents(request.user), pk=pk)
    log_upload_view(request, document, "original downloaded")
    if not document.archived_path:
        raise Http404("nothing archived for this document")
    path = Path(settings.ARCHIVE_DIR) / document.archived_path
    if not path.is_file():
        raise Http404("archived file missing")
    response = FileResponse(path.open("rb"), as_attachment=True, filename=f"{document.sha256}.bin")
    response["Content-Type"] = "application/octet-stream"
    return response


def _sources_page(
    request: HttpRequest, form: AddSourceForm | None, status: int = 200
) -> HttpResponse:
    sources = (
        readable_sources(request.user)
        .select_related("organisation")
        .annotate(
            document_count=Count("documents"),
        )
        .order_by("slug")
    )
    return render(
        request,
        "ingestion/sources.html",
        {
            "sources": Paginator(sources, PAGE_SIZE).get_page(request.GET.get("page")),
            "form": form,
        },
        status=status,
    )


def _add_source_form(request: HttpRequest) -> AddSourceForm | None:
    """The form, bound on POST, offering the organisations the user may add sources for."""
    organisations = organisations_where(request.user, Role.DOCUMENTER)
    if not organisations:
        return None
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    return AddSourceForm(*data, organisations=organisations)


@permission_required(Action.VIEW_DOCUMENTS)
def source_list(request: HttpRequest) -> HttpResponse:
    return _sources_page(request, _add_source_form(request))


@require_POST
@permission_required(Action.ADD_SOURCE)
def source_add(request: HttpRequest) -> HttpResponse:
    """Follow a URL or archive an uploaded file; it is read at the next scheduled ingestion."""
    form = _add_source_form(request)
    if form is None or not form.is_valid():
        return _sources_page(request, form, status=400)
    data = form.cleaned_data
    actor = Actor.from_request(request)
    try:
        if data["upload"]:
            upload = data["upload"]
            source, created = add_file(
                upload.read(),
                upload.name,
                data["name"],
                organisation=data["organisation"],
                actor=actor,
            )
        else:
            source, created = add_url(
                data["url"],
                data["kind"],
                data["name"],
                organisation=data["organisation"],
                actor=actor,
            )
    except SourceError as exc:
        form.add_error(None, str(exc))
        return _sources_page(request, form, status=400)
    if created:
        messages.success(
            request,
            gettext("Added %(name)s. It will be read at the next scheduled ingestion.")
            % {"name": source.name},
        )
    else:
        messages.info(request, gettext("%(name)s was already followed.") % {"name": source.name})
    return redirect("ingestion:sources")
