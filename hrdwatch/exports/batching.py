"""Applying a checked import in batches: the new records through the bulk action, the rest one by one.

An import of a list is mostly new records. Per batch of rows (``BATCH``), the records the file
names by id (uid, external id) are looked up in one query per model; a row none of whose records
exists yet is created level by level (defenders, then their names, cases…, then the cases'
events…, then the events' charges…) with ``actions.create_many`` — one validated bulk write per
model and level, compact audit entries marked with the load, the cases' derived fields and search
entries refreshed once per batch. A row that touches an existing record goes through the ordinary
per-record path of ``Importer.save`` (update, unchanged, ``--prune``, another organisation's record).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import models

from hrdwatch.actions import create_many
from hrdwatch.actions.bulk import BulkLoad
from hrdwatch.actions.kinds import WORKFLOW, kind_of
from hrdwatch.partners.models import Organisation
from hrdwatch.records.levels import Visibility

BATCH = 500  # rows per batch (and ids per IN (...) query)


def batches(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def tree(prepared: Iterable[Any]) -> Iterator[Any]:
    """Every record of these entries, parents before children."""
    for p in prepared:
        yield p
        yield from tree(child for _fk, child in p.children)


def manager_of(model: type[models.Model]) -> Any:
    return getattr(model, "all_objects", None) or model._default_manager


def _has_external_id(model: type[models.Model]) -> bool:
    return any(f.name == "external_id" for f in model._meta.concrete_fields)


def find_existing(nodes: Sequence[Any]) -> dict[int, models.Model]:
    """id(prepared) -> the stored record with its uid, else its external id (as ``scope.find``),
    in one query per model and kind of id."""
    by_model: dict[type[models.Model], list[Any]] = {}
    for p in nodes:
        if p.model is not Organisation and (p.uid or p.attrs.get("external_id")):
            by_model.setdefault(p.model, []).append(p)
    found: dict[int, models.Model] = {}
    for model, items in by_model.items():
        stored: dict[tuple[str, str], models.Model] = {}
        names = ["uid", "external_id"] if _has_external_id(model) else ["uid"]
        for name in names:
            values = sorted({str(v) for p in items if (v := _key(p, name))})
            for part in batches(values):
                for obj in manager_of(model).filter(**{f"{name}__in": part}).order_by("pk"):
                    stored.setdefault((name, str(getattr(obj, name))), obj)
        for p in items:
            for name in names:
                obj = stored.get((name, str(_key(p, name) or "")))
                if obj is not None:
                    found[id(p)] = obj
                    break
    return found


def _keys(prepared: Any) -> set[tuple[str, str, str]]:
    return {
        (prepared.model.__name__, name, str(value))
        for name in ("uid", "external_id")
        if (value := _key(prepared, name))
    }


def _key(prepared: Any, name: str) -> Any:
    return prepared.uid if name == "uid" else prepared.attrs.get("external_id")


class BatchWriter:
    """Writes the checked entries of one import inside its bulk load (see the module docstring)."""

    def __init__(self, importer: Any, load: BulkLoad) -> None:
        self.importer = importer
        self.load = load

    def apply(self, entries: Sequence[Any]) -> None:
        for part in batches(entries):
            self._apply_batch(part)

    def _apply_batch(self, entries: Sequence[Any]) -> None:
        existing = find_existing(list(tree(entries)))
        self.importer.prefound = existing
        self.importer.prefetch_refs(tree(entries))
        fresh: list[Any] = []
        later: list[Any] = []
        named: set[tuple[str, str, str]] = set()
        for prepared in entries:
            keys = {k for p in tree([prepared]) for k in _keys(p)}
            if prepared.model is Organisation or any(id(p) in existing for p in tree([prepared])):
                self.importer.save(prepared, {})
            elif keys & named:  # the same defender on several rows: once the first is written
                later.append(prepared)
            else:
                fresh.append(prepared)
                named |= keys
        self._create(fresh)
        self.importer.prefound = None
        for prepared in later:
            self.importer.save(prepared, {})
        self.load.refresh_touched()

    def _create(self, entries: Sequence[Any]) -> None:
        level: list[tuple[Any, dict[str, Any]]] = [(p, {}) for p in entries]
        while level:
            by_model: dict[type[models.Model], list[tuple[Any, dict[str, Any]]]] = {}
            for item in level:
                by_model.setdefault(item[0].model, []).append(item)
            level = []
            for model, items in by_model.items():
                objs = create_many(model, [self._values(p, parent) for p, parent in items])
                for (prepared, _parent), obj in zip(items, objs, strict=True):
                    self.importer.report.count(self.importer.report.created, model)
                    level.extend((child, {fk: obj}) for fk, child in prepared.children)

    def _values(self, prepared: Any, parent: dict[str, Any]) -> dict[str, Any]:
        """What ``Importer.save`` would pass to ``do_create`` for a new record."""
        values = {**prepared.attrs, **self.importer.resolve(prepared), **parent}
        for name in WORKFLOW & kind_of(prepared.model).workflow:
            if name == "review_state" or values.get(name) == Visibility.PUBLIC:
                values.pop(name, None)
        values.update(prepared.m2m)
        values = self.importer.scope.values(prepared.model, values, creating=True)
        if prepared.uid:
            values["uid"] = prepared.uid
        return values
