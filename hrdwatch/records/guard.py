"""The write guard: record models refuse to be written except inside the action layer.

Saving, deleting, a queryset ``update``/``delete``/``bulk_create``/``bulk_update`` or an m2m
change on a record model raises ``RecordWriteOutsideActions`` unless the current context has
lifted the guard with ``writes_allowed(reason)``. Only three kinds of code lift it: the action
layer (``hrdwatch.actions``, around each action and each bulk load), ``hrdwatch restore`` (a
byte-for-byte restore of a verified backup) and the test suite while it builds fixtures.
Migrations use historical models, which carry none of this.

The guard is a ``ContextVar``, so it follows the current thread or task and never leaks from one
request to another.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed

_LIFTED: ContextVar[str | None] = ContextVar("hrdwatch_record_writes", default=None)


class RecordWriteOutsideActions(RuntimeError):
    """A record model was written outside the action layer (see ``hrdwatch.actions``)."""


@contextmanager
def writes_allowed(reason: str) -> Iterator[None]:
    """Lift the guard for the enclosed block; ``reason`` names who lifted it (for errors)."""
    token = _LIFTED.set(reason)
    try:
        yield
    finally:
        _LIFTED.reset(token)


def lifted_by() -> str | None:
    """Who lifted the guard in this context, or None while it holds."""
    return _LIFTED.get()


def check_write(model: Any, operation: str) -> None:
    """Raise unless the guard is lifted."""
    if _LIFTED.get() is None:
        label = getattr(getattr(model, "_meta", None), "label", str(model))
        raise RecordWriteOutsideActions(
            f"{operation} on {label} outside the action layer: use a function of hrdwatch.actions"
        )


class GuardedQuerySet(models.QuerySet):
    """A queryset whose bulk writes go through the guard."""

    def update(self, **kwargs: Any) -> int:
        check_write(self.model, "update()")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        check_write(self.model, "delete()")
        return super().delete()

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[Any]:
        check_write(self.model, "bulk_create()")
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        check_write(self.model, "bulk_update()")
        return super().bulk_update(objs, fields, *args, **kwargs)


class GuardedModel(models.Model):
    """Abstract base: ``save`` and ``delete`` go through the guard."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        check_write(type(self), "save()")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        check_write(type(self), "delete()")
        return super().delete(*args, **kwargs)


GuardedManager = models.Manager.from_queryset(GuardedQuerySet)


def _m2m_guard(sender: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("pre_"):
        check_write(sender, f"m2m {action.removeprefix('pre_')}")


def guard_m2m(*through_models: Any) -> None:
    """Refuse m2m changes through these models outside the action layer."""
    for through in through_models:
        m2m_changed.connect(
            _m2m_guard,
            sender=through,
            weak=False,
            dispatch_uid=f"record-guard-{through._meta.label}",
        )
