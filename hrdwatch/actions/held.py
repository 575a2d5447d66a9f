"""Holding back edits to published cases: which changes wait for review, and how they are kept.

``records`` asks ``held_case`` before writing: a change that would alter what the public sees of a
published case (the case or its defender themselves, or a public-level row of their timeline —
before or after the change) is not written. ``propose`` stores it instead as one step of the
case's open ``CaseRevision`` (opened on the first such change), with its values encoded as JSON:
foreign keys as primary keys, rows proposed in the same revision as ``{"ref": n}``, dates and
decimals as text. ``hrdwatch.actions.revisions`` applies the steps, through the same actions,
once reviewers approve; until then the live rows, and so every public page, the API, search and
the exports, keep the approved version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, CaseRevision, Defender, RevisionState, Source
from hrdwatch.records.models.revisions import OPEN_STATES

from .base import Act
from .diff import changes as diff_changes
from .diff import snapshot
from .kinds import RecordKind, kind_of

# Registers shared by every case: their edits are never held back.
UNHELD_KINDS = frozenset({"source", "perpetrator", "place"})
_APPLYING: ContextVar[bool] = ContextVar("hrdwatch_applying_revision", default=False)


@contextmanager
def applying() -> Iterator[None]:
    """Inside: the approved steps of a revision are being written to the live rows."""
    token = _APPLYING.set(True)
    try:
        yield
    finally:
        _APPLYING.reset(token)


def is_applying() -> bool:
    return _APPLYING.get()


def _published_case(top: Any) -> Case | None:
    if isinstance(top, Case):
        if top.pk is None:
            return None
        return Case.all_objects.filter(
            pk=top.pk, review_state=ReviewState.PUBLISHED, deleted_at__isnull=True
        ).first()
    if isinstance(top, Defender) and top.pk is not None:
        return (
            Case.objects.filter(
                defender_id=top.pk,
                review_state=ReviewState.PUBLISHED,
                visibility=Visibility.PUBLIC,
            )
            .order_by("pk")
            .first()
        )
    return None


def _top(kind: RecordKind, target: Any) -> tuple[Any, Case | None]:
    """The case or defender that decides, and the revision case a pending row already names."""
    if isinstance(target, dict):
        target = kind.parent_of(target)
        if target is None:
            return None, None
    while target is not None and not isinstance(target, Case | Defender):
        pending = getattr(target, "_revision_case", None)
        if pending is not None:
            return target, pending
        target = kind_of(target).parent_of(target)
    return target, getattr(target, "_revision_case", None)


def held_case(act: Act, kind: RecordKind, target: Any, *levels: str | None) -> Case | None:
    """The published case whose open revision must take this change, or None to write it now.

    ``target``: the row changed, or the fields of a row to create; ``levels``: the row's
    visibility before and after the change (a child row matters only when public on either side).
    """
    if _APPLYING.get() or (act.batch is not None and act.batch.seed):
        return None
    if kind.name in UNHELD_KINDS or (isinstance(target, dict) and kind.name == "case"):
        return None
    top, pending = _top(kind, target)
    if pending is not None:
        return pending
    case = _published_case(top)
    if case is None:
        return None
    if kind.name in {"case", "defender"} or Visibility.PUBLIC in levels:
        return case
    return None


# -- encoding the proposed values --------------------------------------------------------------
def _field(model: type[models.Model], name: str) -> models.Field:
    try:
        return model._meta.get_field(name)  # type: ignore[return-value]
    except Exception:
        return model._meta.get_field(name.removesuffix("_id"))  # type: ignore[return-value]


def encode(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready values: a row as its primary key (or ``{"ref": n}`` if itself proposed)."""
    encoded: dict[str, Any] = {}
    for name, value in values.items():
        field = _field(model, name)
        if field.many_to_many:
            encoded[field.name] = sorted(getattr(v, "pk", v) for v in value)
        elif field.is_relation:
            encoded[field.name] = _encode_row(value)
        else:
            encoded[field.name] = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
    return encoded


def _encode_row(value: Any) -> Any:
    if isinstance(value, models.Model):
        ref = getattr(value, "_revision_ref", None)
        return {"ref": ref} if ref is not None else value.pk
    return value


def decode(
    model: type[models.Model], values: dict[str, Any], made: dict[int, Any]
) -> dict[str, Any]:
    """Back to model values; ``made``: the rows created so far for ``{"ref": n}``."""
    decoded: dict[str, Any] = {}
    for name, value in values.items():
        field = _field(model, name)
        related = field.related_model
        if field.many_to_many and isinstance(related, type):
            decoded[name] = list(related._base_manager.filter(pk__in=value))
        elif field.is_relation and isinstance(related, type):
            if isinstance(value, dict):
                decoded[name] = made[int(value["ref"])]
            else:
                decoded[name] = None if value is None else related._base_manager.get(pk=value)
        else:
            decoded[name] = field.to_python(value)
    return decoded


# -- recording a step ---------------------------------------------------------------------------
def open_revision(act: Act, case: Case) -> CaseRevision:
    """The case's open revision (locked), opened now if there is none."""
    revision = (
        CaseRevision.objects.select_for_update().filter(case=case, state__in=OPEN_STATES).first()
    )
    if revision is None:
        revision = CaseRevision(case=case, proposed_by=act.authenticated_user)
        revision.save()
        act.audit("revision.open", case, details={"revision": revision.pk})
    return revision


def _add_step(act: Act, case: Case, step: dict[str, Any], diff: dict[str, Any]) -> CaseRevision:
    revision = open_revision(act, case)
    revision.steps = [*revision.steps, step]
    revision.version += 1
    revision.save()
    act.audit(
        "revision.propose",
        case,
        source=Source.objects.filter(pk=step.get("source")).first() if step.get("source") else None,
        details={
            "revision": revision.pk,
            "op": step["op"],
            "kind": step["kind"],
            "uid": step.get("uid", ""),
            "changes": diff,
            "version": revision.version,
        },
    )
    return revision


def propose_create(
    act: Act,
    kind: RecordKind,
    case: Case,
    fields: dict[str, Any],
    *,
    source: Source | None,
    quote: str,
    span: tuple[int, int] | None,
) -> Any:
    """Hold a new row back; returns it unsaved, marked so that rows under it are held too."""
    revision = open_revision(act, case)
    ref = 1 + sum(1 for s in revision.steps if s["op"] == "create")
    step: dict[str, Any] = {
        "op": "create",
        "kind": kind.name,
        "ref": ref,
        "values": encode(kind.model, fields),
        "source": source.pk if source else None,
        "quote": quote,
        "span": list(span) if span else None,
    }
    plain = {k: v for k, v in fields.items() if k not in kind.m2m}
    obj: Any = kind.model(**plain)
    after = {**snapshot(obj), **{k: step["values"][k] for k in fields if k in kind.m2m}}
    _add_step(act, case, step, diff_changes(kind, None, after))
    obj._revision_case, obj._revision_ref, obj._revision = case, ref, revision
    return obj


def propose_update(
    act: Act,
    kind: RecordKind,
    case: Case,
    current: models.Model,
    wanted: dict[str, Any],
    *,
    source: Source | None,
    quote: str,
) -> models.Model:
    """Hold changed fields back; ``current`` (unchanged, as stored) is returned."""
    before = encode(kind.model, {n: _current_value(current, n, kind) for n in wanted})
    step = {
        "op": "update",
        "kind": kind.name,
        "pk": current.pk,
        "uid": getattr(current, "uid", ""),
        "values": encode(kind.model, wanted),
        "before": before,
        "source": source.pk if source else None,
        "quote": quote,
    }
    diff = diff_changes(kind, _with_level(before, current), _with_level(step["values"], current))
    revision = _add_step(act, case, step, diff)
    current._revision = revision  # type: ignore[attr-defined]
    return current


def _current_value(obj: models.Model, name: str, kind: RecordKind) -> Any:
    return list(getattr(obj, name).all()) if name in kind.m2m else getattr(obj, name)


def _with_level(values: dict[str, Any], obj: models.Model) -> dict[str, Any]:
    """Values with the row's level, so that a restricted row's values stay out of the audit."""
    return {"visibility": getattr(obj, "visibility", None), **values}


def propose_removal(act: Act, case: Case, obj: models.Model, op: str, reason: str = "") -> Any:
    """Hold a deletion (``op="delete"``) or a restoration (``"restore"``) back."""
    kind = kind_of(obj)
    step = {"op": op, "kind": kind.name, "pk": obj.pk, "uid": getattr(obj, "uid", "")}
    if reason:
        step["reason"] = reason
    obj._revision = _add_step(act, case, step, {})  # type: ignore[attr-defined]
    return obj


def pending_for(case: Case) -> CaseRevision | None:
    """The case's revision awaiting approval, if any (for the workspace and the review queue)."""
    return CaseRevision.objects.filter(case=case, state__in=OPEN_STATES).first()


__all__ = [
    "RevisionState",
    "applying",
    "decode",
    "encode",
    "held_case",
    "is_applying",
    "pending_for",
    "propose_create",
    "propose_removal",
    "propose_update",
]
