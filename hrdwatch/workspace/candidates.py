"""The candidates queue: what extraction proposed from the organisation's documents, opened beside
its document with the evidence highlighted, accepted as a draft case or rejected with a reason."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hrdwatch.actions import Actor, do_accept_candidate
from hrdwatch.audit.log import record
from hrdwatch.extraction.highlight import candidate_spans, highlight_spans
from hrdwatch.extraction.models import Candidate, CandidateStatus, DefenderMatch
from hrdwatch.ingestion.queries import log_upload_view, readable_documents
from hrdwatch.partners.models import Role
from hrdwatch.partners.permissions import (
    Action,
    organisations_where,
    permission_required,
    viewer_for,
)
from hrdwatch.records.visibility import Gate

from .access import documenting_organisations
from .forms import countries
from .models import Draft


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is this not a case?"),
        max_length=500,
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )


class AcceptForm(forms.Form):
    country = forms.ChoiceField(
        label=gettext_lazy("Country that detains the person"), required=False
    )
    defender = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = countries()  # type: ignore[attr-defined]


def queue_for(user: Any) -> QuerySet[Candidate]:
    """Pending candidates from documents of the user's organisations (or the network's) they may read."""
    own = organisations_where(user, Role.VIEWER)
    documents = readable_documents(user).filter(
        Q(source__organisation__in=own) | Q(source__organisation__isnull=True)
    )
    return (
        Candidate.objects.filter(
            document__in=documents, status=CandidateStatus.PENDING, withdrawn=False
        )
        .select_related("document")
        .order_by("-created_at")
    )


def _matches(user: Any, candidate: Candidate) -> list[DefenderMatch]:
    visible = Gate(viewer_for(user)).defenders()
    return list(
        DefenderMatch.objects.filter(candidate=candidate, defender__in=visible).select_related(
            "defender"
        )
    )


@never_cache
@permission_required(Action.VIEW_DOCUMENTS)
def queue(request: HttpRequest) -> HttpResponse:
    return render(
        request, "workspace/candidates.html", {"candidates": queue_for(request.user)[:100]}
    )


@never_cache
@permission_required(Action.VIEW_DOCUMENTS)
def candidate_page(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(queue_for(request.user), pk=pk)
    log_upload_view(request, candidate.document, "on the workspace candidate page")
    current = candidate.current()
    return render(
        request,
        "workspace/candidate.html",
        {
            "candidate": candidate,
            "current": current,
            "matches": _matches(request.user, candidate),
            "document_html": highlight_spans(
                candidate.document.text or "", candidate_spans(candidate.machine)
            ),
            "accept_form": AcceptForm(initial={"country": (current.get("country") or "").upper()}),
            "reject_form": RejectForm(),
        },
    )


@require_POST
@permission_required(Action.CREATE_CASE)
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept as a new draft case of the user's organisation (or for a matched known person)."""
    candidate = get_object_or_404(queue_for(request.user), pk=pk)
    organisations = documenting_organisations(request.user)
    if not organisations:
        raise PermissionDenied("Not allowed: record cases")
    form = AcceptForm(request.POST)
    form.is_valid()
    uid = form.cleaned_data.get("defender") or ""
    defender = Gate(viewer_for(request.user)).defenders().filter(uid=uid).first() if uid else None
    try:
        case = do_accept_candidate(
            Actor.from_request(request),
            candidate,
            organisation=organisations[0],
            defender=defender,
            country=form.cleaned_data.get("country") or None,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("workspace:candidate", pk=candidate.pk)
    Draft.objects.create(
        author=cast(Any, request.user),
        organisation=organisations[0],
        case=case,
        data={"person": {"name": candidate.current().get("name", "")}},
    )
    messages.success(request, _("Accepted as a draft case."))
    return redirect("workspace:case", uid=case.uid)


@require_POST
@permission_required(Action.CREATE_CASE)
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    """Reject with a reason; the machine's output stays, the decision and reason are kept and audited."""
    candidate = get_object_or_404(queue_for(request.user), pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for rejecting it."))
        return redirect("workspace:candidate", pk=candidate.pk)
    reason = form.cleaned_data["reason"]
    candidate.status = CandidateStatus.REJECTED
    candidate.edits = {**candidate.edits, "rejection_reason": reason}
    candidate.reviewed_by = request.user  # type: ignore[assignment]
    candidate.reviewed_at = timezone.now()
    candidate.save(update_fields=["status", "edits", "reviewed_by", "reviewed_at", "updated_at"])
    record(
        Actor.from_request(request),
        "candidate.reject",
        candidate,
        details={"document": candidate.document_id},
    )
    messages.success(request, _("Candidate rejected."))
    return redirect("workspace:candidates")
