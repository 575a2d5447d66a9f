"""Revisions of published cases through review: submit, approve or return, discard, apply.

Edits to a published case wait in its open ``CaseRevision`` (``hrdwatch.actions.held``). Its
author (or an editor of the case) submits it; reviewers approve it or return it, four eyes as for
the first publication (``review.revisions``). The second qualifying approval applies every step
to the live rows through the same actions (``create_in``, ``update_in``...), in one transaction
with the approval: the rows' own audit entries, search and caches follow as for any edit. A
revision returned for changes goes back to its author, and the public version stays untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from hrdwatch.audit.log import Actor
from hrdwatch.partners.permissions import Action
from hrdwatch.records.models import CaseRevision, RevisionReview, RevisionState, Source
from hrdwatch.records.status import refresh_defender
from hrdwatch.review import revisions as rules
from hrdwatch.review import workflow
from hrdwatch.review.workflow import WorkflowError

from .base import Act, acting
from .held import applying, decode
from .kinds import KINDS
from .records import create_in, delete_in, restore_in, update_in

__all__ = ["do_discard_revision", "do_review_revision", "do_submit_revision"]


def _locked(revision: CaseRevision) -> CaseRevision:
    return CaseRevision.objects.select_for_update().select_related("case").get(pk=revision.pk)


def do_submit_revision(actor: Any, revision: CaseRevision) -> CaseRevision:
    """Send the proposed changes to review."""
    with acting(actor, "revision.submit") as act:
        revision = _locked(revision)
        act.require(Action.SUBMIT_CASE, revision.case)
        if revision.state != RevisionState.OPEN or not revision.steps:
            raise WorkflowError(_("Only an open revision with changes can be submitted."))
        revision.state = RevisionState.IN_REVIEW
        revision.save()
        act.audit(
            "revision.submit",
            revision.case,
            details={"revision": revision.pk, "steps": len(revision.steps)},
        )
    return revision


def do_review_revision(
    actor: Any, revision: CaseRevision, *, approve: bool, comment: str = ""
) -> CaseRevision:
    """Approve or return the proposed changes; the approval that completes four eyes applies them."""
    with acting(actor, "revision.review") as act:
        revision = _locked(revision)
        act.require(Action.REVIEW_CASE, revision.case)
        refusal = rules.review_refusal(revision, act.user)
        if refusal:
            raise WorkflowError(refusal)
        organisation_id, network_wide = workflow.reviewer_affiliation(act.user, revision.case)
        review = RevisionReview(
            revision=revision,
            reviewer=act.user,
            organisation_id=organisation_id,
            network_wide=network_wide,
            approved=approve,
            comment=comment,
            revision_version=revision.version,
        )
        review.save()
        details: dict[str, Any] = {"revision": revision.pk, "comment": comment}
        if not approve:
            revision.state = RevisionState.OPEN
            revision.version += 1  # earlier approvals no longer count
            revision.save()
            act.audit("revision.return", revision.case, details=details)
            return revision
        missing = rules.four_eyes_missing(revision)
        details.update(applied=not missing, missing=missing)
        act.audit("revision.approve", revision.case, details=details)
        if not missing:
            _apply(act, revision)
    return revision


def do_discard_revision(actor: Any, revision: CaseRevision, reason: str = "") -> CaseRevision:
    """Give up the proposed changes; the published version stays as it is."""
    with acting(actor, "revision.discard") as act:
        revision = _locked(revision)
        if not (revision.proposed_by_id == getattr(act.user, "pk", None) and act.user):
            act.require(Action.EDIT_CASE, revision.case)
        if not revision.is_open:
            raise WorkflowError(_("This revision is no longer open."))
        revision.state = RevisionState.DISCARDED
        revision.decided_at = timezone.now()
        revision.save()
        act.audit(
            "revision.discard", revision.case, details={"revision": revision.pk, "reason": reason}
        )
    return revision


@dataclass
class _ApplyingAct(Act):
    """The approved steps, written as their author's changes: permission was asked when each
    was proposed, and the reviewers' approval is what lets them through now."""

    revision_id: int = 0

    def may(self, action: str, obj: Any = None) -> bool:
        return True

    def audit(
        self, action: str, obj: Any, *, source: Any = None, details: dict[str, Any] | None = None
    ) -> None:
        super().audit(
            action, obj, source=source, details={**(details or {}), "revision": self.revision_id}
        )


def _apply(act: Act, revision: CaseRevision) -> None:
    author = Actor(revision.proposed_by, via=act.who.via, ip_address=act.who.ip_address)
    writer = _ApplyingAct(author, "revision.apply", act.batch, revision_id=revision.pk)
    made: dict[int, Any] = {}
    with applying():
        for step in revision.steps:
            _apply_step(writer, step, made)
    case = revision.case
    case.refresh_from_db()
    conflict = workflow.status_conflict(case)
    if conflict:  # rolls the whole approval back
        raise WorkflowError(conflict)
    case.public_updated_at = timezone.now()
    act.save(case, "revision applied")
    refresh_defender(case.defender_id)
    revision.state = RevisionState.APPROVED
    revision.decided_at = timezone.now()
    revision.save()
    act.audit("revision.apply", case, details={"revision": revision.pk, "steps": len(made)})


def _apply_step(act: Act, step: dict[str, Any], made: dict[int, Any]) -> None:
    kind = KINDS[step["kind"]]
    source = Source.all_objects.filter(pk=step["source"]).first() if step.get("source") else None
    if step["op"] == "create":
        values = decode(kind.model, step["values"], made)
        quote = step.get("quote", "")
        if kind.name == "evidence":
            source, quote = values.pop("source"), values.pop("quote", "")
        span = tuple(step["span"]) if step.get("span") else None
        made[int(step["ref"])] = create_in(
            act,
            kind,
            values,
            source=source,
            quote=quote,
            span=span,  # type: ignore[arg-type]
        )
        return
    target = kind.model.all_objects.filter(pk=step["pk"]).first()  # type: ignore[attr-defined]
    if target is None:
        return
    if step["op"] == "update":
        values = decode(kind.model, step["values"], made)
        update_in(act, target, values, version=None, source=source, quote=step.get("quote", ""))
    elif step["op"] == "delete":
        delete_in(act, target, reason=step.get("reason", ""))
    elif step["op"] == "restore":
        restore_in(act, target)
