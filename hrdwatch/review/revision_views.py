"""Revisions of published cases on screen: the list awaiting review, and one revision as a diff
with the reviewers' approve / return buttons and the author's submit / discard.

Values of rows the reader may not see restricted data of are shown as withheld; everything
else comes from the revision's steps as proposed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hrdwatch.actions import (
    Actor,
    WorkflowError,
    do_discard_revision,
    do_review_revision,
    do_submit_revision,
)
from hrdwatch.partners.permissions import Action, can, permission_required, viewer_for
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import CaseRevision, RevisionState
from hrdwatch.records.visibility import Gate

from .revisions import four_eyes_missing

WITHHELD = "[restricted]"


def _visible_revision(request: HttpRequest, pk: int) -> CaseRevision:
    cases = Gate(viewer_for(request.user)).cases()
    return get_object_or_404(CaseRevision.objects.filter(case__in=cases), pk=pk)


def steps_for(revision: CaseRevision, user: Any) -> list[dict[str, Any]]:
    """The steps as rows of (field, before, after), restricted values withheld where due."""
    may_see = can(user, Action.VIEW_RESTRICTED, revision.case)
    rows = []
    for step in revision.steps:
        values, before = step.get("values", {}), step.get("before", {})
        hidden = not may_see and Visibility.RESTRICTED in (
            values.get("visibility"),
            before.get("visibility"),
        )
        fields = [
            (name, WITHHELD if hidden else before.get(name, ""), WITHHELD if hidden else value)
            for name, value in sorted(values.items())
        ]
        rows.append(
            {"op": step["op"], "kind": step["kind"], "uid": step.get("uid", ""), "fields": fields}
        )
    return rows


@permission_required(Action.REVIEW_QUEUE)
def revision_queue(request: HttpRequest) -> HttpResponse:
    cases = Gate(viewer_for(request.user)).cases()
    revisions = CaseRevision.objects.filter(case__in=cases, state=RevisionState.IN_REVIEW)
    return render(
        request,
        "review/revisions.html",
        {"revisions": revisions.select_related("case__defender", "proposed_by")},
    )


@permission_required(Action.VIEW_DOCUMENTS)
def revision_page(request: HttpRequest, pk: int) -> HttpResponse:
    revision = _visible_revision(request, pk)
    if not (
        can(request.user, Action.REVIEW_CASE, revision.case)
        or can(request.user, Action.EDIT_CASE, revision.case)
    ):
        raise Http404("No such revision")  # nothing told of a revision one may not open
    return render(
        request,
        "review/revision.html",
        {
            "revision": revision,
            "steps": steps_for(revision, request.user),
            "missing": four_eyes_missing(revision),
            "may_review": can(request.user, Action.REVIEW_CASE, revision.case),
            "may_edit": can(request.user, Action.EDIT_CASE, revision.case),
        },
    )


@require_POST
@permission_required(Action.VIEW_DOCUMENTS)
def revision_decision(request: HttpRequest, pk: int) -> HttpResponse:
    revision = _visible_revision(request, pk)
    actor = Actor.from_request(request)
    verb = request.POST.get("decision", "")
    comment = request.POST.get("comment", "")[:2000]
    try:
        if verb in {"approve", "return"}:
            do_review_revision(actor, revision, approve=verb == "approve", comment=comment)
        elif verb == "submit":
            do_submit_revision(actor, revision)
        elif verb == "discard":
            do_discard_revision(actor, revision, reason=comment)
        messages.success(request, _("Your decision is recorded."))
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("review:revision", pk=revision.pk)
