"""Creating many new records of one kind in a few statements, inside a bulk load.

    with bulk_load(actor, via="import", label="list.csv sha256:…"):
        defenders = create_many("defender", [{"owner": org, "display_name": "…"}, …])
        create_many("name", [{"defender": defenders[0], "name": "…"}, …])

Each row gets the checks ``records.create_in`` makes — fields only the workflow or the bookkeeping
set are refused, the permission is asked of the parent or the organisation (once per parent), the
values are validated as a form would (``clean_fields`` and ``clean``) — but the checks that cost a
query per row run once per call: the foreign keys (existence and ``limit_choices_to``) in one query
per field, the unique fields in one query per field. The rows are then written with one
``bulk_create`` per table, their history rows (many-to-many included) likewise, each case gets its
inclusion checklist, and each record a compact audit entry marked with the load's id (``details
["bulk"]``; the values are in the record's history row, the file and its digest in the load's own
``bulk.load`` entry). No save signal runs: the cases touched are remembered by the load, which
recomputes their derived fields once per batch (``refresh_touched``) and schedules their search
re-index; the page cache is invalidated once, when the load commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from hrdwatch.records.base import new_uid
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.models import Case, Charge, Event
from hrdwatch.review.models import InclusionChecklist

from .base import Act, current_batch
from .fastrows import insert_history, insert_records
from .kinds import BOOKKEEPING, RecordKind, kind_of
from .records import _check_source, _refuse_fields, _require_create
from .tables import Table

CHUNK = 500  # ids per IN (...) query


@dataclass
class MemoAct(Act):
    """An ``Act`` that asks the permission object once per (action, record)."""

    answers: dict[tuple[str, str, Any], bool] = field(default_factory=dict)

    def may(self, action: str, obj: Any = None) -> bool:
        if self.is_system:
            return True
        key = (action, type(obj).__name__, getattr(obj, "pk", obj))
        if key not in self.answers:
            self.answers[key] = super().may(action, obj)
        return self.answers[key]


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _validate(obj: models.Model, relations: list[str]) -> None:
    """``full_clean`` without the per-row queries (relations and uniqueness are checked per batch)."""
    exclude = [f.name for f in obj._meta.concrete_fields if f.name in BOOKKEEPING] + relations
    obj.clean_fields(exclude=exclude)
    obj.clean()


def _check_relations(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Every foreign key points at an existing row its ``limit_choices_to`` allows."""
    for f in model._meta.concrete_fields:
        if not isinstance(f, models.ForeignKey):
            continue
        wanted = sorted({getattr(o, f.attname) for o in objs} - {None})
        target = f.remote_field.model._base_manager
        found: set[Any] = set()
        for part in _chunks(wanted):
            query = target.filter(**{f"{f.target_field.attname}__in": part})
            query = query.complex_filter(f.get_limit_choices_to())
            found.update(query.values_list(f.target_field.attname, flat=True))
        missing = [v for v in wanted if v not in found]
        if missing:
            raise ValidationError(
                {f.name: f"{f.remote_field.model.__name__} {missing[0]!r} does not exist"}
            )


def _check_unique(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Unique fields are unique among the new rows and against the stored ones."""
    for f in model._meta.concrete_fields:
        if not f.unique or f.primary_key:
            continue
        values = [getattr(o, f.attname) for o in objs if getattr(o, f.attname) not in (None, "")]
        taken = (
            {v for v in values if values.count(v) > 1} if len(set(values)) != len(values) else set()
        )
        for part in _chunks(values):
            taken.update(
                model._base_manager.filter(**{f"{f.attname}__in": part}).values_list(
                    f.attname, flat=True
                )
            )
        if taken:
            raise ValidationError({f.name: f"{sorted(map(str, taken))[0]!r} is already used"})


def _set_m2m(
    model: type[models.Model], objs: Sequence[Any], m2m: list[dict[str, Any]]
) -> dict[str, list[Any]]:
    """Insert the many-to-many rows; returns them (with their ids) by field name."""
    written: dict[str, list[Any]] = {}
    history = getattr(model, "history", None)
    names = (
        {f.name for f in getattr(history.model, "_history_m2m_fields", [])} if history else set()
    )
    for name in sorted(names | {n for values in m2m for n in values}):
        through = getattr(model, name).through
        source, target = (f for f in through._meta.concrete_fields if f.is_relation)
        written[name] = through.objects.bulk_create(
            [
                through(**{source.attname: obj.pk, target.attname: getattr(term, "pk", term)})
                for obj, values in zip(objs, m2m, strict=True)
                for term in values.get(name, [])
            ]
        )
    return written


def _case_ids(kind: RecordKind, objs: Sequence[Any]) -> set[int]:
    """The cases whose derived fields and search entry follow these records."""
    if kind.model is Case:
        return {o.pk for o in objs}
    if kind.model is Event:
        return {o.case_id for o in objs}
    if kind.model is Charge:
        return {o.event.case_id for o in objs}
    return set()


def _build(
    act: Act, kind: RecordKind, rows: Sequence[dict[str, Any]]
) -> tuple[list[Any], list[dict[str, Any]]]:
    relations = [f.name for f in kind.model._meta.concrete_fields if f.is_relation]
    objs: list[Any] = []
    m2ms: list[dict[str, Any]] = []
    many = kind.m2m
    for given in rows:
        fields = dict(given)
        if kind.name == "evidence":
            _check_source(act, fields.get("source"), required=True)
        _refuse_fields(act, kind, {k: v for k, v in fields.items() if k != "uid"}, creating=True)
        _require_create(act, kind, fields)
        m2ms.append({name: fields.pop(name) for name in list(fields) if name in many})
        obj: Any = kind.model(**fields)
        if not obj.uid:
            obj.uid = new_uid(
                obj.UID_PREFIX, getattr(obj, "external_id", None) or None, type(obj).__name__
            )
        _validate(obj, relations)
        objs.append(obj)
    return objs, m2ms


def create_many(kind: str | type[models.Model], rows: Sequence[dict[str, Any]]) -> list[Any]:
    """Create one new record of ``kind`` per dict of fields (see the module docstring)."""
    from .bulk import BulkLoad

    load = current_batch()
    if not isinstance(load, BulkLoad):
        raise RuntimeError("create_many runs only inside a bulk load")
    declared = kind_of(kind)
    if not rows:
        return []
    act = load.memo_act(f"{declared.name}.create")
    with transaction.atomic(), writes_allowed(f"bulk {declared.name}.create"):
        objs, m2ms = _build(act, declared, rows)
        _check_relations(declared.model, objs)
        _check_unique(declared.model, objs)
        now = timezone.now()
        insert_records(declared.model, objs, now)
        links = _set_m2m(declared.model, objs, m2ms)
        if hasattr(declared.model, "history"):
            insert_history(declared.model, objs, act.authenticated_user, now, links)
        if declared.model is Case:
            checklists = Table(InclusionChecklist, now, numbered=False)
            for obj in objs:
                checklists.add(case_id=obj.pk)
            checklists.flush()
        load.audit_objects(f"{declared.name}.create", objs)
        load.touched_cases.update(_case_ids(declared, objs))
    return objs
