"""The review workflow's actions: the only code that moves ``review_state`` and ``visibility``.

Submit, fill in the checklist, review (four eyes), publish, unpublish, withdraw. Each re-reads
the case under a row lock, asks the permission object and ``review.workflow``'s rules, and
writes its audit entry. The rules themselves (which moves are allowed, what is missing) are
questions in ``review.workflow``.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from hrdwatch.partners.permissions import Action
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Defender
from hrdwatch.records.status import refresh_defender
from hrdwatch.review import workflow
from hrdwatch.review.models import Decision, InclusionChecklist, Review
from hrdwatch.review.workflow import WorkflowError

from .base import Act, acting
from .records import _check_version

__all__ = [
    "WorkflowError",
    "do_publish_case",
    "do_reverify_case",
    "do_review_case",
    "do_submit_for_review",
    "do_unpublish_case",
    "do_update_checklist",
    "do_withdraw_case",
]


def _locked(case: Case) -> Case:
    """Re-read the case under a row lock so two reviewers cannot race a transition."""
    return Case.all_objects.select_for_update().get(pk=case.pk)


def _move(case: Case, target: str) -> str:
    if not workflow.may_move(case, target):
        raise WorkflowError(
            _("A case cannot go from %(a)s to %(b)s.") % {"a": case.review_state, "b": target}
        )
    before = case.review_state
    case.review_state = target
    return before


def _end_round(case: Case) -> None:
    case.reviews.filter(is_current=True).update(is_current=False)


def do_submit_for_review(actor: Any, case: Case) -> Case:
    with acting(actor, "case.submit") as act:
        case = _locked(case)
        act.require(Action.SUBMIT_CASE, case)
        before = _move(case, ReviewState.IN_REVIEW)
        _end_round(case)
        act.save(case, "submitted for review")
        act.audit("case.submit", case, details={"from": before, "to": case.review_state})
    return case


def _checklist_permission(case: Case) -> str:
    return Action.REVIEW_CASE if case.review_state == ReviewState.IN_REVIEW else Action.EDIT_CASE


def do_update_checklist(
    actor: Any, case: Case, *, version: int | None = None, **values: Any
) -> InclusionChecklist:
    """Record what reviewers established; documenters may fill it in on their drafts too.
    ``version`` is the checklist version the form showed (a newer save is never overwritten)."""
    with acting(actor, "checklist.update") as act:
        case = _locked(case)
        act.require(_checklist_permission(case), case)
        checklist = workflow.checklist_for(case)
        if checklist.pk is not None:
            checklist = InclusionChecklist.objects.select_for_update().get(pk=checklist.pk)
            _check_version(checklist, version, values)
        changed = sorted(k for k, v in values.items() if getattr(checklist, k) != v)
        for name in changed:
            setattr(checklist, name, values[name])
        checklist.updated_by = act.authenticated_user
        act.save(checklist, "checklist")
        details: dict[str, Any] = {"fields": changed, "version": checklist.version}
        if case.review_state == ReviewState.IN_REVIEW and not workflow.publication_blockers(case):
            _move(case, ReviewState.VERIFIED)
            details["to"] = case.review_state
            act.save(case, "checklist complete after approvals")
        act.audit("checklist.update", case, details=details)
    return checklist


def do_review_case(actor: Any, case: Case, decision: str, comment: str = "") -> Review:
    """Record a reviewer's decision. Approvals by two different reviewers (one from outside the
    owning organisation or network-wide) and a complete checklist make the case verified;
    a request for changes sends it back to draft and starts a new round."""
    decision = Decision(decision)
    with acting(actor, "case.review") as act:
        case = _locked(case)
        act.require(Action.REVIEW_CASE, case)
        if case.review_state != ReviewState.IN_REVIEW:
            raise WorkflowError(_("Only cases in review can be reviewed."))
        if workflow.reviewed_in_round(case, act.user):
            raise WorkflowError(_("You already reviewed this case in this round."))
        organisation_id, network_wide = workflow.reviewer_affiliation(act.user, case)
        review = Review(
            case=case,
            reviewer=act.user,
            organisation_id=organisation_id,
            network_wide=network_wide,
            decision=decision,
            comment=comment,
        )
        act.save(review, "review")
        details: dict[str, Any] = {"decision": decision, "from": case.review_state}
        if decision == Decision.APPROVE:
            _mark_verified(act, case)
        if decision == Decision.REQUEST_CHANGES:
            _move(case, ReviewState.DRAFT)
            _end_round(case)
        elif not workflow.publication_blockers(case):
            _move(case, ReviewState.VERIFIED)
        details["to"] = case.review_state
        if details["to"] != details["from"] or decision == Decision.APPROVE:
            act.save(case, f"review: {decision}")
        act.audit("case.review", case, details=details)
    return review


def _mark_verified(act: Act, case: Case) -> None:
    """An approval is a verification: the case says "last verified on … by …" from now on."""
    case.last_verified_at = timezone.now()
    case.last_verified_by = act.authenticated_user


def do_reverify_case(actor: Any, case: Case, comment: str = "") -> Case:
    """A reviewer confirms that a published case is still as recorded (the "to re-verify" queue).
    Refused while the stated status contradicts the public timeline: that needs a correction."""
    with acting(actor, "case.reverify") as act:
        case = _locked(case)
        act.require(Action.REVIEW_CASE, case)
        if case.review_state != ReviewState.PUBLISHED:
            raise WorkflowError(
                _("Only published cases are re-verified; others go through review.")
            )
        conflict = workflow.status_conflict(case)
        if conflict:
            raise WorkflowError(conflict)
        organisation_id, network_wide = workflow.reviewer_affiliation(act.user, case)
        review = Review(
            case=case,
            reviewer=act.user,
            organisation_id=organisation_id,
            is_current=False,
            network_wide=network_wide,
            decision=Decision.APPROVE,
            comment=comment or "re-verified",
        )
        act.save(review, "re-verification")
        before = case.last_verified_at
        _mark_verified(act, case)
        act.save(case, "re-verified")
        act.audit(
            "case.reverify",
            case,
            details={"before": before.isoformat() if before else None, "comment": comment},
        )
    return case


def _publish_defender(act: Act, case: Case) -> None:
    defender = Defender.all_objects.select_for_update().get(pk=case.defender_id)
    if defender.visibility != Visibility.PUBLIC:
        defender.visibility = Visibility.PUBLIC
        act.save(defender, "published with its case")
    refresh_defender(defender.pk)


def do_publish_case(actor: Any, case: Case) -> Case:
    """Publish a verified case: it and its defender become public. Re-checks every rule."""
    with acting(actor, "case.publish") as act:
        case = _locked(case)
        act.require(Action.PUBLISH_CASE, case)
        blockers = workflow.publication_blockers(case)
        if blockers:
            raise WorkflowError(_("Cannot publish yet: ") + " ".join(blockers))
        before = _move(case, ReviewState.PUBLISHED)
        case.visibility = Visibility.PUBLIC
        case.public_updated_at = timezone.now()
        act.save(case, "published")
        _publish_defender(act, case)
        act.audit("case.publish", case, details={"from": before, "to": case.review_state})
    return case


def do_unpublish_case(actor: Any, case: Case, reason: str) -> Case:
    """Take a published case off the public site for now (back to verified, partners level);
    it can be published again without a new review round."""
    if not reason.strip():
        raise WorkflowError(_("Taking a case off the public site needs a reason."))
    with acting(actor, "case.unpublish") as act:
        case = _locked(case)
        act.require(Action.WITHDRAW_CASE, case)
        before = _move(case, ReviewState.VERIFIED)
        case.visibility = Visibility.PARTNERS
        act.save(case, f"unpublished: {reason}")
        refresh_defender(case.defender_id)
        act.audit("case.unpublish", case, details={"from": before, "reason": reason})
    return case


def do_withdraw_case(actor: Any, case: Case, reason: str) -> Case:
    """Take a published case down everywhere; it stays in the record, with the reason."""
    if not reason.strip():
        raise WorkflowError(_("A withdrawal needs a reason."))
    with acting(actor, "case.withdraw") as act:
        case = _locked(case)
        act.require(Action.WITHDRAW_CASE, case)
        before = _move(case, ReviewState.WITHDRAWN)
        act.save(case, f"withdrawn: {reason}")
        refresh_defender(case.defender_id)
        act.audit("case.withdraw", case, details={"from": before, "reason": reason})
    return case
