"""Before/after diffs for the audit log, with restricted values withheld.

The audit log is append-only and read by administrators of every organisation, so it never
holds a restricted value: a field declared sensitive, or any field of a row that is restricted
before or after the change, is written as ``RESTRICTED`` (the values stay in the record's own
history, which only those entitled may read). Foreign keys are written as the target's uid.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models

from hrdwatch.records.levels import Visibility

from .kinds import BOOKKEEPING, RecordKind

RESTRICTED = "[restricted]"


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return getattr(value, "uid", None) or getattr(value, "code", None) or value.pk
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(obj: models.Model) -> dict[str, Any]:
    """The editable values of a row, by field name, as JSON-ready values."""
    values: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        if f.name in BOOKKEEPING:
            continue
        if isinstance(f, models.ForeignKey):
            values[f.name] = _plain(getattr(obj, f.name)) if getattr(obj, f.attname) else None
        else:
            values[f.name] = _plain(getattr(obj, f.attname))
    return values


def _restricted_row(*states: dict[str, Any] | None) -> bool:
    return any(s and s.get("visibility") == Visibility.RESTRICTED for s in states)


def changes(
    kind: RecordKind, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields that differ, restricted values withheld."""
    before, after = before or {}, after or {}
    withheld = _restricted_row(before, after)
    diff: dict[str, list[Any]] = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if withheld or name in kind.sensitive:
            old = RESTRICTED if old not in (None, "") else old
            new = RESTRICTED if new not in (None, "") else new
        diff[name] = [old, new]
    return diff


def m2m_state(obj: models.Model, names: set[str] | frozenset[str]) -> dict[str, list[Any]]:
    """The codes (or uids) an object's many-to-many fields point to, sorted."""
    return {name: sorted(_plain(t) for t in getattr(obj, name).all()) for name in names}
