"""Every change to the record goes through one of these ``do_*`` functions.

Each one checks permission (``partners.permissions``), runs in one transaction, writes the audit
entry with the source the editor cited, and announces itself with ``action_committed`` only once
the transaction has committed — so the editing interface, the API and the CLI behave the same.
``actor`` is a user or an ``audit.log.Actor`` (which also says where the change came from).

Facts (new defenders, cases, events, changed fields) must cite a source; the citation is kept
as ``Evidence`` and in the audit entry. Workflow moves follow ``review.workflow``.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from hrdwatch.audit.log import Actor, record
from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action, require
from hrdwatch.review import workflow
from hrdwatch.review.models import Decision, InclusionChecklist, Review
from hrdwatch.review.workflow import WorkflowError

from .base import RecordBase
from .levels import ReviewState, Visibility
from .models import (
    Case,
    CaseShare,
    Defender,
    DefenderName,
    Event,
    Evidence,
    SensitiveDetail,
    Source,
)
from .status import refresh_defender

# Sent after commit: sender=the action name, obj=the record, actor=Actor, details=dict.
action_committed = Signal()


class MissingSourceError(ValueError):
    """A change to the facts was attempted without citing a source."""


def _announce(action: str, obj: Any, actor: Actor, details: dict[str, Any]) -> None:
    transaction.on_commit(
        lambda: action_committed.send(sender=action, obj=obj, actor=actor, details=details)
    )


def _finish(actor: Actor, action: str, obj: Any, *, source: Source | None = None,
            details: dict[str, Any] | None = None) -> None:
    """Audit inside the transaction, announce after it."""
    details = details or {}
    record(actor, action, obj, source=source, details=details)
    _announce(action, obj, actor, details)


def _save(obj: models.Model, actor: Actor, reason: str, **kwargs: Any) -> None:
    """Save with the actor and reason in the change history (django-simple-history)."""
    if getattr(actor.user, "is_authenticated", False):
        obj._history_user = actor.user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save(**kwargs)


def _cite(source: Source | None, **target: Any) -> Evidence:
    if source is None:
        raise MissingSourceError(_("Every change to the facts must cite a source."))
    return Evidence.objects.create(source=source, visibility=source.visibility, **target)


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


# -- creating and editing facts --------------------------------------------------------------
def do_create_defender(actor: Any, *, organisation: Organisation, source: Source | None,
                       **fields: Any) -> Defender:
    who = Actor.of(actor)
    require(who.user, Action.CREATE_CASE, organisation)
    with transaction.atomic():
        defender = Defender(owner=organisation, **fields)
        _save(defender, who, "created")
        _cite(source, defender=defender)
        _finish(who, "defender.create", defender, source=source)
    return defender


def do_create_case(actor: Any, *, defender: Defender, organisation: Organisation,
                   source: Source | None, candidate: bool = False, **fields: Any) -> Case:
    """A new case starts as a draft (or a candidate, when it comes from extraction)."""
    who = Actor.of(actor)
    require(who.user, Action.CREATE_CASE, organisation)
    state = ReviewState.CANDIDATE if candidate else ReviewState.DRAFT
    with transaction.atomic():
        case = Case(defender=defender, owner=organisation, review_state=state, **fields)
        _save(case, who, "created")
        InclusionChecklist.objects.create(case=case)
        _cite(source, case=case)
        _finish(who, "case.create", case, source=source, details={"state": state})
    return case


def do_update_case(actor: Any, case: Case, *, source: Source | None, **changes: Any) -> Case:
    """Change fields of a case; the cited source is linked to each changed field."""
    who = Actor.of(actor)
    with transaction.atomic():
        case = _locked(case)
        require(who.user, Action.EDIT_CASE, case)
        changed = sorted(k for k, v in changes.items() if getattr(case, k) != v)
        if changed and source is None:
            raise MissingSourceError(_("Every change to the facts must cite a source."))
        for name in changed:
            setattr(case, name, changes[name])
            _cite(source, case=case, field=name)
        _save(case, who, "edited")
        _finish(who, "case.update", case, source=source, details={"fields": changed})
    return case


def do_add_event(actor: Any, case: Case, *, source: Source | None, quote: str = "",
                 **fields: Any) -> Event:
    who = Actor.of(actor)
    with transaction.atomic():
        case = _locked(case)
        require(who.user, Action.EDIT_CASE, case)
        event = Event(case=case, **fields)
        _save(event, who, "added")
        _cite(source, event=event, quote=quote)
        _finish(who, "event.create", event, source=source,
                details={"case": case.uid, "event_type": event.event_type.code})
    return event


# -- the workflow ------------------------------------------------------------------------------
def do_submit_for_review(actor: Any, case: Case) -> Case:
    who = Actor.of(actor)
    with transaction.atomic():
        case = _locked(case)
        require(who.user, Action.SUBMIT_CASE, case)
        before = _move(case, ReviewState.IN_REVIEW)
        case.reviews.filter(is_current=True).update(is_current=False)
        _save(case, who, "submitted for review")
        _finish(who, "case.submit", case, details={"from": before, "to": case.review_state})
    return case


def do_update_checklist(actor: Any, case: Case, **values: Any) -> InclusionChecklist:
    """Record what reviewers established; documenters may fill it in on their drafts too."""
    who = Actor.of(actor)
    with transaction.atomic():
        case = _locked(case)
        in_review = case.review_state == ReviewState.IN_REVIEW
        require(who.user, Action.REVIEW_CASE if in_review else Action.EDIT_CASE, case)
        checklist = workflow.checklist_for(case)
        changed = sorted(k for k, v in values.items() if getattr(checklist, k) != v)
        for name in changed:
            setattr(checklist, name, values[name])
        checklist.updated_by = who.user if getattr(who.user, "is_authenticated", False) else None
        _save(checklist, who, "checklist")
        details: dict[str, Any] = {"fields": changed}
        if case.review_state == ReviewState.IN_REVIEW and not workflow.publication_blockers(case):
            _move(case, ReviewState.VERIFIED)
            details["to"] = case.review_state
            _save(case, who, "checklist complete after approvals")
        _finish(who, "checklist.update", case, details=details)
    return checklist


def do_review_case(actor: Any, case: Case, decision: str, comment: str = "") -> Review:
    """Record a reviewer's decision. Approvals by two different reviewers (one from outside the
    owning organisation or network-wide) and a complete checklist make the case verified;
    a request for changes sends it back to draft and starts a new round."""
    who = Actor.of(actor)
    decision = Decision(decision)
    with transaction.atomic():
        case = _locked(case)
        require(who.user, Action.REVIEW_CASE, case)
        if case.review_state != ReviewState.IN_REVIEW:
            raise WorkflowError(_("Only cases in review can be reviewed."))
        if workflow.reviewed_in_round(case, who.user):
            raise WorkflowError(_("You already reviewed this case in this round."))
        organisation_id, network_wide = workflow.reviewer_affiliation(who.user, case)
        review = Review.objects.create(
            case=case, reviewer=who.user, organisation_id=organisation_id,
            network_wide=network_wide, decision=decision, comment=comment,
        )
        details: dict[str, Any] = {"decision": decision, "from": case.review_state}
        if decision == Decision.REQUEST_CHANGES:
            _move(case, ReviewState.DRAFT)
            case.reviews.filter(is_current=True).update(is_current=False)
        elif not workflow.publication_blockers(case):
            _move(case, ReviewState.VERIFIED)
        details["to"] = case.review_state
        if details["to"] != details["from"]:
            _save(case, who, f"review: {decision}")
        _finish(who, "case.review", case, details=details)
    return review


def do_publish_case(actor: Any, case: Case) -> Case:
    """Publish a verified case: it and its defender become public. Re-checks every rule."""
    who = Actor.of(actor)
    with transaction.atomic():
        case = _locked(case)
        require(who.user, Action.PUBLISH_CASE, case)
        blockers = workflow.publication_blockers(case)
        if blockers:
            raise WorkflowError(_("Cannot publish yet: ") + " ".join(blockers))
        before = _move(case, ReviewState.PUBLISHED)
        case.visibility = Visibility.PUBLIC
        _save(case, who, "published")
        defender = Defender.all_objects.get(pk=case.defender_id)
        if defender.visibility != Visibility.PUBLIC:
            defender.visibility = Visibility.PUBLIC
            _save(defender, who, "published with its case")
        refresh_defender(defender.pk)
        _finish(who, "case.publish", case, details={"from": before, "to": case.review_state})
    return case


def do_withdraw_case(actor: Any, case: Case, reason: str) -> Case:
    """Take a published case down everywhere; it stays in the record, with the reason."""
    who = Actor.of(actor)
    if not reason.strip():
        raise WorkflowError(_("A withdrawal needs a reason."))
    with transaction.atomic():
        case = _locked(case)
        require(who.user, Action.WITHDRAW_CASE, case)
        before = _move(case, ReviewState.WITHDRAWN)
        _save(case, who, f"withdrawn: {reason}")
        refresh_defender(case.defender_id)
        _finish(who, "case.withdraw", case, details={"from": before, "reason": reason})
    return case


# -- sharing, merging, deleting ------------------------------------------------------------------
def do_share_case(actor: Any, case: Case, organisation: Organisation) -> CaseShare:
    """Let another organisation see the case's restricted data."""
    who = Actor.of(actor)
    require(who.user, Action.SHARE_CASE, case)
    with transaction.atomic():
        share, created = CaseShare.objects.get_or_create(
            case=case, organisation=organisation,
            defaults={"shared_by": who.user if getattr(who.user, "is_authenticated", False) else None},
        )
        _finish(who, "case.share", case, details={"organisation": organisation.slug,
                                                   "created": created})
    return share


def do_unshare_case(actor: Any, case: Case, organisation: Organisation) -> None:
    who = Actor.of(actor)
    require(who.user, Action.SHARE_CASE, case)
    with transaction.atomic():
        CaseShare.objects.filter(case=case, organisation=organisation).delete()
        _finish(who, "case.unshare", case, details={"organisation": organisation.slug})


def do_merge_defenders(actor: Any, keep: Defender, duplicate: Defender, *,
                       source: Source | None = None) -> Defender:
    """Fold ``duplicate`` into ``keep``: its cases, names, sensitive details and evidence move
    over, its display name becomes another name of ``keep``, and it is soft-deleted (so the
    merge can be undone from history). Linkage calls this once a judgement says "same"."""
    who = Actor.of(actor)
    require(who.user, Action.MERGE_DEFENDERS, keep)
    require(who.user, Action.MERGE_DEFENDERS, duplicate)
    if keep.pk == duplicate.pk:
        raise WorkflowError(_("A defender cannot be merged into itself."))
    with transaction.atomic():
        moved = {
            "cases": Case.all_objects.filter(defender=duplicate).update(defender=keep),
            "names": DefenderName.all_objects.filter(defender=duplicate).update(defender=keep),
            "sensitive": SensitiveDetail.all_objects.filter(defender=duplicate).update(defender=keep),
            "evidence": Evidence.all_objects.filter(defender=duplicate).update(defender=keep),
        }
        if duplicate.display_name != keep.display_name:
            DefenderName.objects.create(defender=keep, name=duplicate.display_name,
                                        visibility=duplicate.visibility, seen_in=source)
        _save(duplicate, who, f"merged into {keep.uid}")
        duplicate.soft_delete()
        refresh_defender(keep.pk)
        _finish(who, "defender.merge", keep, source=source,
                details={"merged": duplicate.uid, "moved": moved})
    return keep


def do_soft_delete(actor: Any, obj: RecordBase, reason: str = "") -> None:
    """Hide a record everywhere; it stays in the database and can be restored."""
    who = Actor.of(actor)
    require(who.user, Action.DELETE_RECORD, obj)
    with transaction.atomic():
        obj._change_reason = f"deleted: {reason}"  # type: ignore[attr-defined]
        obj.soft_delete()
        _refresh_after(obj)
        _finish(who, "record.delete", obj, details={"reason": reason})


def do_restore(actor: Any, obj: RecordBase) -> None:
    who = Actor.of(actor)
    require(who.user, Action.RESTORE_RECORD, obj)
    with transaction.atomic():
        obj._change_reason = "restored"  # type: ignore[attr-defined]
        obj.restore()
        _refresh_after(obj)
        _finish(who, "record.restore", obj)


def _refresh_after(obj: RecordBase) -> None:
    defender_id = getattr(obj, "defender_id", None) or (obj.pk if isinstance(obj, Defender) else None)
    if defender_id:
        refresh_defender(defender_id)
