"""The rules for revisions of published cases: four eyes again, as for the first publication.

Pure questions; the moves are ``hrdwatch.actions.revisions`` functions. A revision is approved
when two different reviewers, neither of them its author, approved its current version, and one
of them acted for another organisation than the case's owner or network-wide.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from hrdwatch.records.models import CaseRevision, RevisionReview

from .workflow import REQUIRED_APPROVALS


def current_approvals(revision: CaseRevision) -> list[RevisionReview]:
    """Approvals of the version now proposed (a later change needs new approvals)."""
    return list(
        revision.reviews.filter(approved=True, revision_version=revision.version).select_related(
            "reviewer", "organisation"
        )
    )


def four_eyes_missing(revision: CaseRevision) -> list[str]:
    """What the approvals of the current version still lack."""
    approvals = current_approvals(revision)
    reviewers = {r.reviewer_id for r in approvals}
    missing = []
    if len(reviewers) < REQUIRED_APPROVALS:
        missing.append(
            _("Approvals by two different reviewers (%(n)d so far).") % {"n": len(reviewers)}
        )
    owner = revision.case.owner_id
    if not any(r.network_wide or r.organisation_id != owner for r in approvals):
        missing.append(_("One approval from another organisation or a network-wide reviewer."))
    return missing


def review_refusal(revision: CaseRevision, user: Any) -> str:
    """Why ``user`` may not review ``revision`` now ("" when they may)."""
    if revision.state != "in_review":
        return _("Only revisions in review can be reviewed.")
    if revision.proposed_by_id is not None and revision.proposed_by_id == user.pk:
        return _("You proposed these changes: other reviewers decide on them.")
    if revision.reviews.filter(reviewer=user, revision_version=revision.version).exists():
        return _("You already reviewed this version of the changes.")
    return ""
