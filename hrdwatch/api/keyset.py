"""Keyset pagination for the API lists: ``?cursor=`` continues after the last row of a page.

An offset page makes the database walk and drop every earlier row (``OFFSET 99950``); a cursor
carries the sort values of the last row, so the next page is one indexed range read whatever its
depth. Each list declares its sort as ``Key``s (with an explicit place for NULLs, the same on SQLite
and PostgreSQL); the cursor is signed, so a tampered one is a 422, never a database error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import OrderBy

_SALT = "hrdwatch.api.keyset"


@dataclass(frozen=True)
class Key:
    """One sort column: its lookup path, direction and where NULLs go (None: never NULL)."""

    path: str
    descending: bool = False
    nulls_last: bool | None = None

    def order(self) -> OrderBy:
        field = F(self.path)
        if self.nulls_last is None:
            return field.desc() if self.descending else field.asc()
        nulls = {"nulls_last": True} if self.nulls_last else {"nulls_first": True}
        return field.desc(**nulls) if self.descending else field.asc(**nulls)

    def value_of(self, obj: Any) -> Any:
        value = obj
        for part in self.path.split("__"):
            value = getattr(value, part)
        return value

    def equal(self, value: Any) -> Q:
        return Q(**{f"{self.path}__isnull": True}) if value is None else Q(**{self.path: value})

    def after(self, value: Any) -> Q | None:
        """Rows strictly after ``value`` in this column's order (None: no row can be)."""
        if value is None:
            return None if self.nulls_last else Q(**{f"{self.path}__isnull": False})
        rule = Q(**{f"{self.path}__{'lt' if self.descending else 'gt'}": value})
        if self.nulls_last:
            rule |= Q(**{f"{self.path}__isnull": True})
        return rule


def ordered(qs: QuerySet[Any], keys: tuple[Key, ...]) -> QuerySet[Any]:
    return qs.order_by(*(key.order() for key in keys))


def encode(obj: Any, keys: tuple[Key, ...]) -> str:
    """The cursor pointing just after ``obj``."""
    values = []
    for key in keys:
        value = key.value_of(obj)
        values.append(value.isoformat() if isinstance(value, dt.date | dt.datetime) else value)
    return signing.dumps(values, salt=_SALT, compress=True)


def decode(cursor: str, keys: tuple[Key, ...]) -> list[Any] | None:
    """The sort values a cursor carries, or None when it is not one of ours for this sort."""
    try:
        values = signing.loads(cursor, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(values, list) or len(values) != len(keys):
        return None
    return values


def after(keys: tuple[Key, ...], values: list[Any]) -> Q:
    """Rows after the row with ``values``: (k1 after) OR (k1 equal AND k2 after) OR ..."""
    rule = Q(pk__in=[])
    prefix = Q()
    for key, value in zip(keys, values, strict=True):
        step = key.after(value)
        if step is not None:
            rule |= prefix & step
        prefix &= key.equal(value)
    return rule
