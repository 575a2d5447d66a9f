"""The bulk path: many records in one transaction, for ``hrdwatch import`` and the demo loader.

    with bulk_load(actor, via="import", label="cases.csv sha256:ab12…") as load:
        do_create(actor, "defender", owner=org, display_name="…")   # the ordinary actions
        do_update(actor, case, version=None, summary="…")

Inside a load the ordinary actions run unchanged — same permission checks, same validation, one
audit entry per record — with three differences: everything is one transaction (all or nothing),
each audit entry carries ``details["bulk"]`` (the load's id) and the load's ``via``, and a source
need not be cited record by record (the load's ``label`` — the file and its digest — is the
provenance). When the load commits it writes one ``bulk.load`` entry with the counts per action
and sends ``action_committed`` once (``sender="bulk.load"``), instead of once per record.

For many new records of one kind (``hrdwatch import`` of a list), ``create_many`` (module
``bulkcreate``) gives each row the same checks in one bulk write per table, with a compact audit
entry per record marked with the load's id; the cases it touched get their derived fields and
search entries refreshed once per batch (``refresh_touched``), not once per record.

For generated data at the scale of 100,000 defenders (millions of rows), ``load.table(model)``
gives a fast ``Table`` (raw inserts, checked row by row by ``tables.RowCheck``) and
``load.audit_rows(...)`` one audit entry per defender and per case, the rows below them being
counted in the ``bulk.load`` entry. Only a ``seed`` load (the demo generator, run by a
superuser or the system) may set workflow fields, to load already-published demonstration cases.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from hrdwatch.audit.log import Actor, _owner_of, record
from hrdwatch.audit.models import AuditEntry
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.signals import cases_touched

from .base import Batch, announce, in_batch
from .bulkcreate import MemoAct
from .derived import refresh_cases
from .kinds import BOOKKEEPING, WORKFLOW
from .tables import Table, reset_sequences


@dataclass
class BulkLoad(Batch):
    """A bulk load under way."""

    tables: list[Table] = field(default_factory=list)
    touched_cases: set[int] = field(default_factory=set)  # by ``create_many``, not yet refreshed
    _audit: Table | None = None
    _memo: dict[str, MemoAct] = field(default_factory=dict)

    def memo_act(self, name: str) -> MemoAct:
        """The ``Act`` of ``create_many`` for action ``name``: permissions asked once per record."""
        if name not in self._memo:
            self._memo[name] = MemoAct(self.actor, name, self)
        return self._memo[name]

    def audit_objects(self, action: str, objs: Sequence[models.Model]) -> None:
        """One compact audit entry per record created by ``create_many`` (marked with the load)."""
        self.audit_rows(
            action,
            type(objs[0]),
            ({"id": o.pk, "uid": getattr(o, "uid", ""), "org": _owner_of(o)} for o in objs),
            organisation="org",
        )

    def refresh_touched(self) -> None:
        """End of a batch: the derived fields of the cases ``create_many`` touched, their search
        re-index (once, at the commit) and the audit entries queued so far."""
        if self.touched_cases:
            refresh_cases(self.touched_cases)
            cases_touched.send(sender="bulk", case_ids=sorted(self.touched_cases))
            self.touched_cases = set()
        if self._audit is not None:
            self._audit.flush()

    def table(self, model: type[models.Model], now: Any = None) -> Table:
        """A fast table for ``model`` whose rows are checked as they are queued."""
        refused = frozenset() if self.seed else WORKFLOW | {"is_published"}
        table = Table(model, now or timezone.now(), refused)
        self.tables.append(table)
        return table

    def audit_rows(
        self,
        action: str,
        model: type[models.Model],
        rows: Iterable[dict[str, Any]],
        organisation: str = "owner_id",
    ) -> None:
        """One audit entry per row inserted through a fast table."""
        if self._audit is None:
            self._audit = Table(AuditEntry, timezone.now(), numbered=False)
        user = self.actor.user if getattr(self.actor.user, "is_authenticated", False) else None
        for row in rows:
            self.count(action)
            self._audit.add(
                actor_id=user.pk if user else None,
                actor_name=user.get_username() if user else "",
                organisation_id=row.get(organisation),
                action=action,
                object_type=model._meta.label_lower,
                object_id=str(row["id"]),
                object_uid=row.get("uid", ""),
                details={"bulk": self.batch_id},
                via=self.actor.via,
            )

    def flush(self) -> None:
        """Insert what the fast tables hold (the load also flushes when it ends)."""
        for table in [*self.tables, *([self._audit] if self._audit else [])]:
            table.flush()

    def insert(self, objs: Sequence[models.Model]) -> None:
        """Validate model instances as a form would and insert them in one statement per model."""
        for obj in objs:
            obj.full_clean(
                exclude=[
                    f.name
                    for f in obj._meta.concrete_fields
                    if f.name in BOOKKEEPING or f.is_relation
                ]
            )
        if objs:
            type(objs[0])._default_manager.bulk_create(objs)
            for obj in objs:
                self.count(f"{type(obj)._meta.model_name}.create")


def _may_seed(who: Actor) -> bool:
    user = who.user
    return user is None or bool(getattr(user, "is_superuser", False))


@contextmanager
def bulk_load(actor: Any, *, via: str, label: str, seed: bool = False) -> Iterator[BulkLoad]:
    """Run a bulk load (see the module docstring); ``via`` is "import", "demo"…"""
    who = replace(Actor.of(actor), via=via)
    if seed and not _may_seed(who):
        raise PermissionDenied("Only the system or a superuser may seed demonstration data.")
    load = BulkLoad(uuid.uuid4().hex[:12], who, label, seed)
    with transaction.atomic(), writes_allowed(f"bulk {via}"), in_batch(load):
        yield load
        load.refresh_touched()
        load.flush()
        if load.tables:
            reset_sequences(load.tables)
        details = {
            "bulk": load.batch_id,
            "label": label,
            "counts": dict(sorted(load.counts.items())),
        }
        record(who, "bulk.load", None, details=details)
        announce("bulk.load", None, who, details)
