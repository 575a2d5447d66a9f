"""Reverting one audited change: the fields it changed go back to their values before it.

The values come from the record's own change history (``simple_history``: the row saved with the
version before the change), never from the audit log, which withholds restricted values. Only
plain fields a caller may set are reverted (not bookkeeping, workflow, fields fixed at creation
or many-to-many links). A deletion is reverted by restoring the record. The revert is itself an
audited action (``<kind>.revert``, naming the entry it reverts) and can be reverted in turn. On a
published case it is held in the case's open revision, as any other edit (``held``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hrdwatch.audit.models import AuditEntry

from .base import acting
from .diff import changes as diff_changes
from .diff import snapshot
from .held import held_case, propose_update
from .kinds import BOOKKEEPING, KINDS, RecordKind
from .records import _check_version, _full_clean, do_restore

REVERTIBLE_VERBS = frozenset({"update", "revert"})


def revertible_fields(kind: RecordKind, entry: AuditEntry) -> list[str]:
    """The fields of ``entry``'s change that a revert can set back."""
    changes = entry.details.get("changes") if isinstance(entry.details, dict) else None
    fixed = BOOKKEEPING | kind.workflow | kind.create_only | kind.m2m
    return sorted(name for name in (changes or {}) if name not in fixed)


def entry_kind(entry: AuditEntry) -> tuple[RecordKind | None, str]:
    """The record kind and the verb of an audit entry (``event.update``: event, update)."""
    name, _dot, verb = entry.action.rpartition(".")
    return KINDS.get(name), verb


def _before_row(obj: Any, entry: AuditEntry) -> Any:
    version = entry.details.get("version") if isinstance(entry.details, dict) else None
    if not isinstance(version, int) or version < 2:
        return None
    return obj.history.filter(version=version - 1).order_by("-history_date", "-history_id").first()


def do_revert(actor: Any, entry: AuditEntry, field: str = "", version: int | None = None) -> Any:
    """Set back what ``entry`` changed (only ``field`` if given); restore what it deleted.
    ``version``: the version the user saw, refused if someone saved since."""
    kind, verb = entry_kind(entry)
    if kind is None:
        raise ValidationError(_("This change cannot be reverted."))
    obj = kind.model.all_objects.filter(uid=entry.object_uid).first()  # type: ignore[attr-defined]
    if obj is None:
        raise ValidationError(_("This change cannot be reverted."))
    if verb == "delete":
        return do_restore(actor, obj)
    names = revertible_fields(kind, entry)
    if field:  # a date goes back with its precision
        names = [n for n in names if n in (field, f"{field}_precision")]
    before_row = _before_row(obj, entry) if verb in REVERTIBLE_VERBS else None
    if before_row is None or not names:
        raise ValidationError(_("This change cannot be reverted."))
    with acting(actor, f"{kind.name}.revert") as act:
        current = kind.model.all_objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
        act.require(kind.edit_permission, current)
        _check_version(current, version, dict.fromkeys(names))
        wanted = {n: getattr(before_row, current._meta.get_field(n).attname) for n in names}
        level = getattr(current, "visibility", None)
        published = held_case(act, kind, current, level, wanted.get("visibility", level))
        if published is not None:  # like any edit, a revert of a published case waits for review
            return propose_update(act, kind, published, current, wanted, source=None, quote="")
        before = snapshot(current)
        for name, value in wanted.items():
            setattr(current, current._meta.get_field(name).attname, value)
        _full_clean(current)
        act.save(current, f"reverted change {entry.pk}")
        act.audit(
            f"{kind.name}.revert",
            current,
            details={
                "reverts": entry.pk,
                "fields": names,
                "changes": diff_changes(kind, before, snapshot(current)),
                "version": current.version,
            },
        )
    return current
