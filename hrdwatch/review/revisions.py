"""The rules for revisions of published cases: four eyes again, as for the first publication.

Pure questions; the moves are ``hrdwatch.actions.revisions`` functions. A revision is approved
when two different reviewers, neither of them its author, approved its current version, and one
of them acted for another organisation than the case's owner or network-wide.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from hrdwatch.records.models import CaseRevision, RevisionReview

from .workflow import approvals_missing


def current_approvals(revision: CaseRevision) -> list[RevisionReview]:
    """Approvals of the version now proposed (a later change needs new approvals)."""
    return list(
        revision.reviews.filter(approved=True, revision_version=revision.version).select_related(
            "reviewer", "organisation"
        )
    )


def four_eyes_missing(revision: CaseRevision) -> list[str]:
    """What the approvals of the current version still lack."""
    return approvals_missing(current_approvals(revision), revision.case.owner_id)


def review_refusal(revision: CaseRevision, user: Any) -> str:
    """Why ``user`` may not review ``revision`` now ("" when they may)."""
    if revision.state != "in_review":
        return _("Only revisions in review can be reviewed.")
    if revision.proposed_by_id is not None and revision.proposed_by_id == user.pk:
        return _("You proposed these changes: other reviewers decide on them.")
    if revision.reviews.filter(reviewer=user, revision_version=revision.version).exists():
        return _("You already reviewed this version of the changes.")
    return ""
