"""Writing validated model instances as raw rows, for ``bulkcreate.create_many``.

Django's ``bulk_create`` compiles every value of every row through the field's save preparation,
which costs more than the import's own checks (about 1 ms a record with its history row). The
instances here are already validated; their values go through ``tables.Table`` (the backend's own
adapters; ``executemany`` on SQLite, ``COPY`` on PostgreSQL) and the database numbers the rows: a
record's id is read back by its unique ``uid`` in one query per batch, so nothing is assumed about
who else writes meanwhile. History rows are written the same way, with the values ``save`` would
have given them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.fields.files import FieldFile

from .tables import Table

CHUNK = 500


def _value(obj: models.Model, attname: str) -> Any:
    value = getattr(obj, attname)
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def _row(obj: models.Model, fields: Sequence[models.Field], now: Any) -> dict[str, Any]:
    row = {}
    for f in fields:
        if getattr(f, "auto_now", False) or (
            getattr(f, "auto_now_add", False) and getattr(obj, f.attname) is None
        ):
            setattr(obj, f.attname, now)
        row[f.attname] = _value(obj, f.attname)
    return row


def insert_records(model: type[models.Model], objs: Sequence[Any], now: Any) -> None:
    """Insert new records (each with a unique ``uid``) and give each instance its id."""
    table = Table(model, now, numbered=False)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    for obj in objs:
        table.add(**_row(obj, fields, now))
    table.flush()
    uids = [obj.uid for obj in objs]
    ids: dict[str, int] = {}
    for start in range(0, len(uids), CHUNK):
        part = uids[start : start + CHUNK]
        ids.update(model._base_manager.filter(uid__in=part).values_list("uid", "pk"))
    for obj in objs:
        obj.pk = ids[obj.uid]
        obj._state.adding = False
        obj._state.db = "default"


def insert_history(
    model: type[models.Model],
    objs: Sequence[Any],
    user: Any,
    now: Any,
    links: dict[str, list[Any]] | None = None,
) -> None:
    """One "created" history row per record, as ``simple_history`` writes on the first save,
    with the many-to-many values it held (``links``: the through rows written, by field)."""
    history: Any = model.history.model  # type: ignore[attr-defined]
    table = Table(history, now, numbered=False)
    tracked = [f.attname for f in history.tracked_fields]
    extra = {
        "history_date": now,
        "history_change_reason": "created",
        "history_type": "+",
        "history_user_id": getattr(user, "pk", None),
    }
    for obj in objs:
        table.add(**{name: _value(obj, name) for name in tracked}, **extra)
    table.flush()
    if links:
        _m2m_history(model, history, objs, links, now)


def _m2m_history(
    model: type[models.Model],
    history: Any,
    objs: Sequence[Any],
    links: dict[str, list[Any]],
    now: Any,
) -> None:
    """The history rows of many-to-many values point at the history row just written: its id
    is read back by the record's id and the history date (one "created" row per new record)."""
    pks = [obj.pk for obj in objs]
    rows: dict[int, int] = {}
    for start in range(0, len(pks), CHUNK):
        found = history.objects.filter(id__in=pks[start : start + CHUNK], history_date=now)
        rows.update(found.values_list("id", "history_id"))
    for name, written in links.items():
        if not written:
            continue
        m2m_model = apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{name}")
        table = Table(m2m_model, now, numbered=False)
        concrete = [f.attname for f in written[0]._meta.concrete_fields]
        source = next(f.attname for f in written[0]._meta.concrete_fields if f.is_relation)
        for link in written:
            table.add(
                history_id=rows[getattr(link, source)], **{f: getattr(link, f) for f in concrete}
            )
        table.flush()
