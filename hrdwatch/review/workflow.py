"""The publication rules: which criteria are still missing, and whether four eyes have approved.

Pure questions about a case; the state changes themselves are ``hrdwatch.actions`` functions,
which ask these before moving a case on. Messages are shown to reviewers as "what is missing".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from hrdwatch.partners.models import ROLE_RANK, Membership, Role
from hrdwatch.records.levels import ReviewState
from hrdwatch.records.models import Case, Evidence

from .models import Consent, Decision, InclusionChecklist, Review

# Which states may move to which, and nothing else.
TRANSITIONS: dict[str, set[str]] = {
    ReviewState.CANDIDATE: {ReviewState.IN_REVIEW},
    ReviewState.DRAFT: {ReviewState.IN_REVIEW},
    ReviewState.IN_REVIEW: {ReviewState.VERIFIED, ReviewState.DRAFT},
    ReviewState.VERIFIED: {ReviewState.PUBLISHED},
    ReviewState.PUBLISHED: {ReviewState.WITHDRAWN, ReviewState.VERIFIED},
}
PUBLISHABLE_CONSENT = {Consent.DEFENDER, Consent.FAMILY, Consent.ALREADY_PUBLIC}
REQUIRED_APPROVALS = 2


class WorkflowError(Exception):
    """A state change the workflow does not allow; the message says why."""


def may_move(case: Case, target: str) -> bool:
    return target in TRANSITIONS.get(case.review_state, set())


def checklist_for(case: Case) -> InclusionChecklist:
    """The case's checklist; a blank, unsaved one when nobody has filled it in yet (reading
    never writes: the checklist actions save it)."""
    return InclusionChecklist.objects.filter(case=case).first() or InclusionChecklist(case=case)


def has_supporting_source(case: Case) -> bool:
    """At least one live source is linked, by evidence, to the case or one of its events."""
    return Evidence.objects.filter(
        Q(case=case) | Q(event__case=case), source__deleted_at__isnull=True
    ).exists()


def missing_criteria(case: Case) -> list[str]:
    """The inclusion criteria not yet met, in the order reviewers check them."""
    c = checklist_for(case)
    missing = []
    if not (c.is_defender and c.defender_activity.strip()):
        missing.append(
            _("The person is a human rights defender (which activity, how it is known).")
        )
    if not c.deprived_of_liberty:
        missing.append(_("The person was deprived of liberty or disappeared."))
    if not (c.linked_to_activity and c.link_reasoning.strip()):
        missing.append(_("The detention is connected with peaceful human-rights activity (why)."))
    if not c.credible_source:
        missing.append(_("At least one credible source was confirmed by a reviewer."))
    if not has_supporting_source(case):
        missing.append(_("At least one source is linked to the case as evidence."))
    if c.consent not in PUBLISHABLE_CONSENT:
        missing.append(_("Consent: the defender or family agrees, or the case is already public."))
    if not c.risk_assessed:
        missing.append(_("Publication was assessed not to increase the risk."))
    if not c.wgad_assessed:
        missing.append(_("The WGAD categories were assessed."))
    conflict = status_conflict(case)
    if conflict:
        missing.append(conflict)
    return missing


def status_conflict(case: Case) -> str:
    """Why the stated status cannot be published as it is: the public timeline says otherwise."""
    if not case.status_conflict or case.derived_status is None:
        return ""
    return _(
        "The stated status (%(stated)s) contradicts the public timeline, which implies "
        "%(derived)s: correct the status or the timeline."
    ) % {"stated": case.status.label(), "derived": case.derived_status.label()}


def hidden_picture(case: Case) -> str:
    """For reviewers: the whole timeline (hidden events included) implies something else than
    the public one. The public sees only the public picture."""
    if not case.hidden_facts_differ:
        return ""
    full = case.full_derived_status.label() if case.full_derived_status else "—"
    public = case.derived_status.label() if case.derived_status else "—"
    return _(
        "Events the public cannot see change the picture: the whole timeline implies "
        "%(full)s, the public timeline %(public)s."
    ) % {"full": full, "public": public}


def reviewer_affiliation(user: Any, case: Case) -> tuple[int | None, bool]:
    """(organisation id, network-wide) the reviewer acts for on this case.

    A member of the owning organisation counts as that organisation, even if they also belong
    elsewhere, so the second pair of eyes is truly from outside.
    """
    minimum = ROLE_RANK[Role.REVIEWER]
    rows = [
        (org, nw)
        for org, role, nw in Membership.objects.filter(user=user).values_list(
            "organisation_id", "role", "network_wide"
        )
        if ROLE_RANK[role] >= minimum
    ]
    if any(org == case.owner_id for org, _nw in rows):
        return case.owner_id, any(nw for org, nw in rows if org == case.owner_id)
    if any(nw for _org, nw in rows):
        return next(org for org, nw in rows if nw), True
    return (rows[0][0] if rows else None), False


def current_approvals(case: Case) -> list[Review]:
    return list(
        case.reviews.filter(is_current=True, decision=Decision.APPROVE).select_related(
            "reviewer", "organisation"
        )
    )


def four_eyes_missing(case: Case) -> list[str]:
    """What the current round's approvals still lack."""
    return approvals_missing(current_approvals(case), case.owner_id)


def approvals_missing(approvals: Sequence[Any], owner_id: int | None) -> list[str]:
    """The four-eyes rule, for a case or a revision of it: two different reviewers, one of them
    from another organisation than the owner or network-wide."""
    reviewers = {r.reviewer_id for r in approvals}
    missing = []
    if len(reviewers) < REQUIRED_APPROVALS:
        missing.append(
            _("Approvals by two different reviewers (%(n)d so far).") % {"n": len(reviewers)}
        )
    if not any(r.network_wide or r.organisation_id != owner_id for r in approvals):
        missing.append(_("One approval from another organisation or a network-wide reviewer."))
    return missing


def publication_blockers(case: Case) -> list[str]:
    return missing_criteria(case) + four_eyes_missing(case)


def reviewed_in_round(case: Case, user: Any) -> bool:
    return Review.objects.filter(case=case, reviewer=user, is_current=True).exists()
