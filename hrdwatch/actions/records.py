"""Creating, changing, deleting and restoring any record, driven by the declarations in ``kinds``.

One function per verb serves every record type::

    do_create(actor, "event", case=case, event_type=t, date=d, source=src, quote="...")
    do_update(actor, event, version=event.version, source=src, date=d2)
    do_delete(actor, event, reason="entered twice")
    do_restore(actor, event)

Each checks permission with the permission object, validates the row as a form would
(``full_clean``: required fields, choices, lengths, vocabulary of each term), runs in one
transaction, links the cited source as ``Evidence``, writes the audit entry with a before/after
diff (restricted values withheld) and announces itself after the commit. Fields only the
workflow sets (``review_state``, a case's or defender's ``visibility``) and bookkeeping fields
are refused; an update based on an older ``version`` raises ``StaleVersionError``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from hrdwatch.partners.permissions import Action, viewer_for
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Case, Defender, Event, Evidence, Source
from hrdwatch.records.visibility import Gate
from hrdwatch.review.models import InclusionChecklist

from .base import Act, MissingSourceError, StaleVersionError, acting
from .diff import changes as diff_changes
from .diff import m2m_state, snapshot
from .held import held_case, is_applying, propose_create, propose_removal, propose_update
from .kinds import BOOKKEEPING, RecordKind, kind_of


def _refuse_fields(act: Act, kind: RecordKind, fields: dict[str, Any], *, creating: bool) -> None:
    """Refuse bookkeeping fields, workflow fields and (on update) fields fixed at creation."""
    names = {name.removesuffix("_id") for name in fields}
    refused = names & BOOKKEEPING
    seeding = act.batch is not None and act.batch.seed
    if not seeding:
        refused |= names & kind.workflow - ({"visibility"} if creating else set())
        if (
            creating
            and fields.get("visibility") == Visibility.PUBLIC
            and "visibility" in kind.workflow
        ):
            raise ValidationError({"visibility": _("Records become public only by publication.")})
    if not creating:
        refused |= names & kind.create_only
    if refused:
        raise ValidationError(
            {name: _("This field cannot be set here.") for name in sorted(refused)}
        )


def _check_source(act: Act, source: Source | None, *, required: bool) -> None:
    """The cited source must exist and be one the actor may read."""
    if source is None:
        if required and act.batch is None and not is_applying():  # checked when proposed
            raise MissingSourceError
        return
    if act.user is None:  # the system (CLI without a user, migrations, loaders)
        return
    if not Gate(viewer_for(act.user)).sources().filter(pk=source.pk).exists():
        raise PermissionDenied("Not allowed: cite this source")


def _cite(
    act: Act,
    kind: RecordKind,
    obj: models.Model,
    source: Source | None,
    quote: str,
    field: str = "",
    span: tuple[int, int] | None = None,
) -> None:
    """Link the source to what it supports: the record itself or the nearest event, case or
    defender (a name cites its defender, a charge its event)."""
    if source is None or kind.name == "evidence":
        return
    target = obj
    while not isinstance(target, Event | Case | Defender):
        target = kind_of(target).parent_of(target)
        field = field or kind.name  # what the passage supports on its parent: "charge"...
    name = type(target).__name__.lower()
    start, end = span or (None, None)
    evidence = Evidence(
        source=source,
        quote=quote,
        field=field,
        visibility=source.visibility,
        start=start,
        end=end,
        **{name: target},
    )
    act.save(evidence, f"cited for {kind.name}")


def _full_clean(obj: models.Model) -> None:
    obj.full_clean(exclude=[f.name for f in obj._meta.concrete_fields if f.name in BOOKKEEPING])


def _full_clean_pending(kind: RecordKind, fields: dict[str, Any]) -> None:
    """Validate a row proposed for a revision (links to rows proposed with it are not checked)."""
    plain = {k: v for k, v in fields.items() if k not in kind.m2m}
    pending = [k for k, v in plain.items() if getattr(v, "_revision_ref", None) is not None]
    obj = kind.model(**{k: v for k, v in plain.items() if k not in pending})
    exclude = [f.name for f in obj._meta.concrete_fields if f.name in BOOKKEEPING]
    obj.full_clean(exclude=exclude + pending)


def _require_create(act: Act, kind: RecordKind, fields: dict[str, Any]) -> None:
    parent = kind.parent_of(fields)
    if kind.parents and parent is None:
        raise ValidationError(_("%(kind)s needs the record it belongs to.") % {"kind": kind.name})
    if parent is not None:
        act.require(kind.create_permission, parent)
        return
    if kind.name == "case":  # a case only for a defender the actor may see
        act.require(Action.VIEW_CASE, fields.get("defender"))
    organisation = fields.get(kind.organisation_field) if kind.organisation_field else None
    if kind.organisation_field == "owner" and organisation is None and not act.is_system:
        raise ValidationError({"owner": _("A record must belong to an organisation.")})
    act.require(kind.create_permission, organisation)


def create_in(
    act: Act,
    kind: RecordKind,
    fields: dict[str, Any],
    *,
    source: Source | None,
    quote: str = "",
    span: tuple[int, int] | None = None,
    workflow: dict[str, Any] | None = None,
) -> Any:
    """Create inside an action already under way (``workflow``: values only the workflow sets;
    ``span``: where ``quote`` sits in the source's archived text)."""
    cited = source
    if kind.name == "evidence":  # the cited source and quote are the row itself
        _check_source(act, source, required=True)
        fields.update(source=source, quote=quote)
        source, quote = None, ""
    _refuse_fields(act, kind, {k: v for k, v in fields.items() if k != "uid"}, creating=True)
    _require_create(act, kind, fields)
    _check_source(act, source, required=kind.cites)
    default = getattr(kind.model._meta.get_field("visibility"), "default", None)
    level = fields.get("visibility", default)
    published = held_case(act, kind, fields, level)
    if published is not None:  # an addition to a published case waits for review
        _full_clean_pending(kind, fields)
        return propose_create(act, kind, published, fields, source=cited, quote=quote, span=span)
    m2m = {name: fields.pop(name) for name in list(fields) if name in kind.m2m}
    obj: Any = kind.model(**fields, **(workflow or {}))
    _full_clean(obj)
    act.save(obj, "created")
    for name, values in m2m.items():
        getattr(obj, name).set(values)
    if kind.model._meta.model_name == "case":
        act.save(InclusionChecklist(case=obj), "created with its case")
    _cite(act, kind, obj, source, quote, span=span)
    after = {**snapshot(obj), **m2m_state(obj, set(m2m))}
    act.audit(
        f"{kind.name}.create",
        obj,
        source=cited,
        details={"changes": diff_changes(kind, None, after), "version": obj.version},
    )
    return obj


def do_create(
    actor: Any,
    kind: str | type[models.Model],
    /,
    *,
    source: Source | None = None,
    quote: str = "",
    **fields: Any,
) -> Any:
    """Create a record of ``kind`` (a name from ``kinds.KINDS`` or a model) from ``fields``."""
    declared = kind_of(kind)
    with acting(actor, f"{declared.name}.create") as act:
        return create_in(act, declared, dict(fields), source=source, quote=quote)


def _check_version(current: models.Model, version: int | None, wanted: dict[str, Any]) -> None:
    stored = getattr(current, "version", None)
    if version is None or stored is None or int(version) == stored:
        return
    last = current.history.first() if hasattr(current, "history") else None  # type: ignore[attr-defined]
    raise StaleVersionError(
        current,
        your_version=int(version),
        current_version=stored,
        yours=dict(wanted),
        theirs={name: getattr(current, name, None) for name in wanted},
        changed_by=getattr(getattr(last, "history_user", None), "username", "") if last else "",
        changed_at=getattr(last, "history_date", None),
    )


def _changed_fields(
    current: models.Model, kind: RecordKind, wanted: dict[str, Any]
) -> tuple[list[str], list[str]]:
    plain = sorted(n for n, v in wanted.items() if n not in kind.m2m and getattr(current, n) != v)
    many = sorted(
        n
        for n, v in wanted.items()
        if n in kind.m2m
        and set(getattr(current, n).values_list("pk", flat=True))
        != {getattr(t, "pk", t) for t in v}
    )
    return plain, many


def _check_pending(current: models.Model, kind: RecordKind, wanted: dict[str, Any]) -> None:
    """Validate proposed values on a copy, leaving the stored row as it is."""
    copy = kind.model.all_objects.get(pk=current.pk)  # type: ignore[attr-defined]
    for name, value in wanted.items():
        if name not in kind.m2m:
            setattr(copy, name, value)
    _full_clean(copy)


def update_in(
    act: Act,
    obj: models.Model,
    changes: dict[str, Any],
    *,
    version: int | None,
    source: Source | None,
    quote: str = "",
) -> models.Model:
    """Change fields of a record inside an action already under way."""
    kind = kind_of(obj)
    current = kind.model.all_objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
    act.require(kind.edit_permission, current)
    _check_version(current, version, changes)
    plain, many = _changed_fields(current, kind, changes)
    if not plain and not many:
        return current
    _refuse_fields(act, kind, {name: changes[name] for name in plain + many}, creating=False)
    _check_source(act, source, required=kind.cites)
    wanted = {name: changes[name] for name in plain + many}
    levels = (getattr(current, "visibility", None), wanted.get("visibility"))
    published = held_case(act, kind, current, *levels)
    if published is not None:  # a change to a published case waits for review
        _check_pending(current, kind, wanted)
        return propose_update(act, kind, published, current, wanted, source=source, quote=quote)
    before = {**snapshot(current), **m2m_state(current, set(many))}
    for name in plain:
        setattr(current, name, changes[name])
    _full_clean(current)
    act.save(current, "edited")
    for name in many:
        getattr(current, name).set(changes[name])
    for name in plain + many:
        _cite(act, kind, current, source, quote, field=name)
    after = {**snapshot(current), **m2m_state(current, set(many))}
    act.audit(
        f"{kind.name}.update",
        current,
        source=source,
        details={
            "fields": plain + many,
            "changes": diff_changes(kind, before, after),
            "version": current.version,  # type: ignore[attr-defined]
        },
    )
    return current


def do_update(
    actor: Any,
    obj: Any,
    /,
    *,
    version: int | None,
    source: Source | None = None,
    quote: str = "",
    **changes: Any,
) -> Any:
    """Change fields of ``obj``. ``version`` is the version the editor started from (``None``
    only where no person edited a form: scripts and loaders); ``source`` is the cited source,
    required when the record's facts change."""
    kind = kind_of(obj)
    if kind.name == "evidence" and quote:  # an evidence row's quote is its own field
        changes["quote"], quote = quote, ""
    with acting(actor, f"{kind.name}.update") as act:
        return update_in(act, obj, dict(changes), version=version, source=source, quote=quote)


def _require_removal(act: Act, kind: RecordKind, obj: models.Model, top_level: str) -> None:
    if kind.parents:
        act.require(kind.edit_permission, obj)
    elif kind.edit_permission == Action.EDIT_REGISTER:
        if not (act.may(Action.EDIT_REGISTER) and act.may(top_level, obj)):
            raise PermissionDenied(f"Not allowed: {top_level}")
    else:
        act.require(top_level, obj)


def delete_in(act: Act, obj: models.Model, *, reason: str = "", version: int | None = None) -> Any:
    """Soft-delete inside an action already under way (held back on a published case)."""
    kind = kind_of(obj)
    current = kind.model.all_objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
    _require_removal(act, kind, current, Action.DELETE_RECORD)
    _check_version(current, version, {"deleted_at": "now"})
    if current.deleted_at is not None:
        return current
    published = held_case(act, kind, current, getattr(current, "visibility", None))
    if published is not None:
        return propose_removal(act, published, current, "delete", reason)
    act.stamp(current, f"deleted: {reason}")
    current.soft_delete()
    act.audit(
        f"{kind.name}.delete", current, details={"reason": reason, "version": current.version}
    )
    return current


def restore_in(act: Act, obj: models.Model) -> Any:
    """Undo a soft delete inside an action already under way (held back on a published case)."""
    kind = kind_of(obj)
    current = kind.model.all_objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
    _require_removal(act, kind, current, Action.RESTORE_RECORD)
    if current.deleted_at is None:
        return current
    published = held_case(act, kind, current, getattr(current, "visibility", None))
    if published is not None:
        return propose_removal(act, published, current, "restore")
    act.stamp(current, "restored")
    current.restore()
    act.audit(f"{kind.name}.restore", current, details={"version": current.version})
    return current


def do_delete(actor: Any, obj: Any, *, reason: str = "", version: int | None = None) -> Any:
    """Hide a record everywhere (soft delete): it stays in the database and can be restored."""
    with acting(actor, f"{kind_of(obj).name}.delete") as act:
        return delete_in(act, obj, reason=reason, version=version)


def do_restore(actor: Any, obj: Any) -> Any:
    """Undo a soft delete."""
    with acting(actor, f"{kind_of(obj).name}.restore") as act:
        return restore_in(act, obj)
