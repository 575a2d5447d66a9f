"""What the workspace's home page lists for one documenter: drafts, returned cases, submitted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from hrdwatch.records.levels import ReviewState
from hrdwatch.review.models import Decision, Review

from .models import Draft


@dataclass
class Desk:
    drafts: list[Draft] = field(default_factory=list)
    returned: list[tuple[Draft, list[Review]]] = field(default_factory=list)
    submitted: list[Draft] = field(default_factory=list)


def desk(user: Any) -> Desk:
    """The user's own drafts, sorted into the three lists of the home page."""
    changes = (
        Review.objects.filter(decision=Decision.REQUEST_CHANGES)
        .select_related("reviewer")
        .order_by("-created_at")
    )
    rows = (
        Draft.objects.filter(author=user)
        .select_related("case", "case__status", "organisation")
        .prefetch_related(Prefetch("case__reviews", changes, to_attr="change_requests"))
    )
    result = Desk()
    for draft in rows:
        case = draft.case
        if case is None or case.deleted_at is not None:
            if case is None:
                result.drafts.append(draft)
            continue
        if case.review_state in (ReviewState.DRAFT, ReviewState.CANDIDATE):
            requests = getattr(case, "change_requests", [])
            if requests:
                result.returned.append((draft, requests))
            else:
                result.drafts.append(draft)
        else:
            result.submitted.append(draft)
    return result
