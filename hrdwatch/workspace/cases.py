"""A case inside the workspace: what was recorded, the reviewers' comments, restricted notes
(only for those entitled, visibly marked), submitting again, and the history."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hrdwatch.actions import Actor, do_submit_for_review
from hrdwatch.actions.held import pending_for
from hrdwatch.audit.log import record_restricted_view
from hrdwatch.core.dates import format_partial_human
from hrdwatch.partners.permissions import Action, can, permission_required, viewer_for
from hrdwatch.records.levels import ReviewState, ShareLevel, Visibility
from hrdwatch.records.models import Case, Event
from hrdwatch.records.restricted import restricted_cases
from hrdwatch.records.status import TimelineEntry, arrest_and_release
from hrdwatch.records.visibility import Gate
from hrdwatch.review.models import Review
from hrdwatch.review.workflow import WorkflowError

from .history import case_history
from .shares import share_choices, shares

HELD = gettext_lazy(
    "Saved as a change waiting for review: the public keeps the approved version until "
    "reviewers approve it."
)


def visible_case(request: HttpRequest, uid: str) -> Case:
    """The case if the gate lets this user see it; 404 otherwise (its existence is not told)."""
    case = (
        Gate(viewer_for(request.user))
        .cases()
        .select_related("defender", "status", "owner")
        .filter(uid=uid)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def _arrest(events: Iterable[Event]) -> str:
    """The arrest as the member sees it: from every event the gate shows them (the case's stored
    arrest date is the public timeline's, empty on a draft)."""
    entries = [
        TimelineEntry(e.event_type.code, e.date, e.date_precision, e.certainty, e.pk)
        for e in events
    ]
    start, _end = arrest_and_release(entries)
    if start is None:
        return format_partial_human(None, "")
    arrested = next(e for e in events if e.pk == start.order)
    return format_partial_human(arrested.date, arrested.date_precision)


def is_editable(user: Any, case: Case) -> bool:
    """A draft (or a candidate) the user may edit: a returned case is a draft again."""
    return case.review_state in (ReviewState.DRAFT, ReviewState.CANDIDATE) and can(
        user, Action.EDIT_CASE, case
    )


@never_cache
@permission_required(Action.VIEW_DOCUMENTS)
def case_page(request: HttpRequest, uid: str) -> HttpResponse:
    case = visible_case(request, uid)
    gate = Gate(viewer_for(request.user))
    charges = Prefetch(
        "charges", gate.charges().select_related("category"), to_attr="visible_charges"
    )
    events = gate.events().filter(case=case).select_related("event_type").prefetch_related(charges)
    notes = list(gate.sensitive_details().filter(case=case).select_related("kind"))
    history, unredacted = case_history(request.user, case)
    if (
        unredacted
        or any(note.visibility == Visibility.RESTRICTED for note in notes)
        or restricted_cases(gate, [case.pk])
    ):
        record_restricted_view(request, case, "workspace case page")
    return render(
        request,
        "workspace/case.html",
        {
            "case": case,
            "arrest": _arrest(events),
            "events": [(e, format_partial_human(e.date, e.date_precision)) for e in events],
            "evidence": gate.evidence()
            .filter(Q(case=case) | Q(event__case=case))
            .select_related("source")
            .order_by("id"),
            "notes": notes,
            "reviews": Review.objects.filter(case=case).select_related("reviewer"),
            "organisation": gate.organisation_name(case.owner),
            "may_submit": case.review_state in (ReviewState.DRAFT, ReviewState.CANDIDATE)
            and can(request.user, Action.SUBMIT_CASE, case),
            "history": history,
            "shares": shares(request.user, case),
            "sees_shares": can(request.user, Action.VIEW_RESTRICTED, case),
            "share_choices": share_choices(request.user, case),
            "share_levels": ShareLevel.choices,
            "may_edit": is_editable(request.user, case),
            "revision": pending_for(case),  # changes to a published case awaiting review
        },
    )


@require_POST
@permission_required(Action.CREATE_CASE)
def submit_case(request: HttpRequest, uid: str) -> HttpResponse:
    """Submit (again) a draft case, e.g. one returned with comments and corrected."""
    case = visible_case(request, uid)
    try:
        do_submit_for_review(Actor.from_request(request), case)
        messages.success(request, _("Submitted for review. Reviewers will see it in their queue."))
    except WorkflowError as error:
        messages.error(request, str(error))
    return redirect("workspace:case", uid=case.uid)
