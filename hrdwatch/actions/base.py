"""What every action shares: one transaction, the guard lifted, the audit entry, the announcement.

``acting(actor, name)`` opens the transaction and lifts the record guard for one action; the
``Act`` it yields writes audit entries and queues the ``action_committed`` announcement for after
the commit. Inside a bulk load (``hrdwatch.actions.bulk``) the same actions run in the load's one
transaction: their audit entries carry the batch id and the load's ``via``, and the load announces
itself once when it commits instead of once per record.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _

from hrdwatch.audit.log import Actor, record
from hrdwatch.partners.permissions import can
from hrdwatch.records.guard import writes_allowed
from hrdwatch.records.signals import action_committed

__all__ = ["Act", "Actor", "MissingSourceError", "StaleVersionError", "acting", "current_batch"]


class MissingSourceError(ValueError):
    """A change to the facts was attempted without citing a source."""

    def __init__(self) -> None:
        super().__init__(_("Every change to the facts must cite a source."))


class StaleVersionError(Exception):
    """An edit was based on an older version than the one stored: someone else saved meanwhile.

    Carries both sides so the editing screen can show them: ``yours`` (the values submitted),
    ``theirs`` (the stored values of the same fields), the two version numbers and who made the
    stored change and when (from the record's history, when known).
    """

    def __init__(
        self,
        obj: models.Model,
        *,
        your_version: int,
        current_version: int,
        yours: dict[str, Any],
        theirs: dict[str, Any],
        changed_by: str = "",
        changed_at: Any = None,
    ) -> None:
        self.obj = obj
        self.your_version = your_version
        self.current_version = current_version
        self.yours = yours
        self.theirs = theirs
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(
            _(
                "This record was changed by someone else (version %(theirs)d; you edited version "
                "%(yours)d). Nothing was saved: compare both versions and save again."
            )
            % {"theirs": current_version, "yours": your_version}
        )


@dataclass
class Batch:
    """A bulk load in progress (see ``hrdwatch.actions.bulk``)."""

    batch_id: str
    actor: Actor
    label: str
    seed: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def count(self, action: str) -> None:
        self.counts[action] = self.counts.get(action, 0) + 1


# Where a change made without a user comes from trusted code: the command line (whoever runs it
# already holds the database), the import and demo loaders. Never the web, the API or the admin.
SYSTEM_VIAS = frozenset({"cli", "import", "demo", "system"})

_BATCH: ContextVar[Batch | None] = ContextVar("hrdwatch_batch", default=None)


def current_batch() -> Batch | None:
    """The bulk load the current code runs in, if any."""
    return _BATCH.get()


@contextmanager
def in_batch(batch: Batch) -> Iterator[Batch]:
    token = _BATCH.set(batch)
    try:
        yield batch
    finally:
        _BATCH.reset(token)


@dataclass
class Act:
    """One action under way: who does it, inside which bulk load if any."""

    who: Actor
    name: str
    batch: Batch | None = None

    @property
    def user(self) -> Any:
        return self.who.user

    @property
    def is_system(self) -> bool:
        """No user, from trusted code (see ``SYSTEM_VIAS``): every action is allowed."""
        return self.who.user is None and self.who.via in SYSTEM_VIAS

    def may(self, action: str, obj: Any = None) -> bool:
        return self.is_system or can(self.who.user, action, obj)

    def require(self, action: str, obj: Any = None) -> None:
        """Raise ``PermissionDenied`` unless the actor may do ``action`` to ``obj``."""
        if not self.may(action, obj):
            raise PermissionDenied(f"Not allowed: {action}")

    @property
    def authenticated_user(self) -> Any:
        return self.who.user if getattr(self.who.user, "is_authenticated", False) else None

    def audit(
        self, action: str, obj: Any, *, source: Any = None, details: dict[str, Any] | None = None
    ) -> None:
        """Write the audit entry now (inside the transaction) and announce after the commit."""
        details = dict(details or {})
        if self.batch is not None:
            details["bulk"] = self.batch.batch_id
            self.batch.count(action)
        record(self.who, action, obj, source=source, details=details)
        if self.batch is None:
            announce(action, obj, self.who, details)

    def stamp(self, obj: models.Model, reason: str) -> None:
        """Put the actor and the reason into the next history row of ``obj``."""
        if self.authenticated_user is not None:
            obj._history_user = self.authenticated_user  # type: ignore[attr-defined]
        obj._change_reason = reason  # type: ignore[attr-defined]

    def save(self, obj: models.Model, reason: str, **kwargs: Any) -> None:
        """Save with a new version number and the actor and reason in the change history."""
        self.stamp(obj, reason)
        if hasattr(obj, "version") and not obj._state.adding:
            obj.version += 1  # type: ignore[attr-defined]
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "version"]
        obj.save(**kwargs)


def announce(action: str, obj: Any, who: Actor, details: dict[str, Any]) -> None:
    """Send ``action_committed`` once the current transaction commits."""
    transaction.on_commit(
        lambda: action_committed.send(sender=action, obj=obj, actor=who, details=details)
    )


@contextmanager
def acting(actor: Any, name: str) -> Iterator[Act]:
    """Run one action: one transaction, the guard lifted, audit and announcement via ``Act``.

    ``actor`` is a user or an ``Actor`` (who, and from where: web, api, cli, import...). Inside a
    bulk load a missing actor is the load's, and ``via`` is the load's.
    """
    batch = current_batch()
    who = Actor.of(actor) if actor is not None else (batch.actor if batch else Actor(None))
    if batch is not None:
        who = replace(who, via=batch.actor.via)
    with transaction.atomic(), writes_allowed(f"action {name}"):
        yield Act(who, name, batch)
