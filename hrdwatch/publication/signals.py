"""Keep the public projection and the page cache in step with the record, whichever way it changes.

Changes are collected per transaction and applied once on commit, so an import of many rows
re-indexes each case once. Bulk loaders that bypass signals call ``hrdwatch search rebuild``.
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from hrdwatch.records.models import Case, Charge, Defender, DefenderName, Event, Intervention
from hrdwatch.records.signals import cases_touched
from hrdwatch.vocab.models import Term

from . import caching
from .search.index import cases_of_defenders, reindex_cases

_PENDING_ATTR = "hrdwatch_pending_cases"


def schedule(case_ids: list[int]) -> None:
    """Re-index these cases when the current transaction commits (at once outside one).

    Ids gather in one set on the connection; the first callback to run drains it, later ones
    find it empty, so a transaction touching a case many times re-indexes it once.
    """
    pending: set[int] | None = getattr(connection, _PENDING_ATTR, None)
    if pending is None:
        pending = set()
        setattr(connection, _PENDING_ATTR, pending)
    pending.update(case_ids)
    transaction.on_commit(_flush)


def _flush() -> None:
    pending: set[int] = getattr(connection, _PENDING_ATTR, None) or set()
    if not pending:
        return
    ids = set(pending)
    pending.clear()
    reindex_cases(ids)
    caching.bump()


@receiver(cases_touched, dispatch_uid="publication.signals.bulk")
def _cases_touched(sender: object, case_ids: list[int], **kwargs: Any) -> None:
    schedule(case_ids)


def _skip(kwargs: dict[str, Any]) -> bool:
    return bool(kwargs.get("raw"))


@receiver([post_save, post_delete], sender=Case)
def _case_changed(sender: type, instance: Case, **kwargs: Any) -> None:
    if not _skip(kwargs):
        schedule([instance.pk])


@receiver([post_save, post_delete], sender=Defender)
def _defender_changed(sender: type, instance: Defender, **kwargs: Any) -> None:
    if not _skip(kwargs):
        schedule(cases_of_defenders([instance.pk]))


@receiver([post_save, post_delete], sender=DefenderName)
def _name_changed(sender: type, instance: DefenderName, **kwargs: Any) -> None:
    if not _skip(kwargs):
        schedule(cases_of_defenders([instance.defender_id]))


@receiver([post_save, post_delete], sender=Event)
@receiver([post_save, post_delete], sender=Intervention)
def _case_part_changed(sender: type, instance: Event | Intervention, **kwargs: Any) -> None:
    if not _skip(kwargs):
        schedule([instance.case_id])


@receiver([post_save, post_delete], sender=Charge)
def _charge_changed(sender: type, instance: Charge, **kwargs: Any) -> None:
    if not _skip(kwargs):
        schedule([instance.event.case_id])


@receiver(m2m_changed, sender=Defender.roles.through)
@receiver(m2m_changed, sender=Defender.areas_of_work.through)
def _defender_terms_changed(sender: type, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Defender):
        schedule(cases_of_defenders([instance.pk]))


@receiver(m2m_changed, sender=Case.wgad_categories.through)
def _case_terms_changed(sender: type, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and isinstance(instance, Case):
        schedule([instance.pk])


@receiver([post_save, post_delete], sender=Term)
def _term_changed(sender: type, instance: Term, **kwargs: Any) -> None:
    """Labels are rendered from terms at display time: only the cache is stale."""
    transaction.on_commit(caching.bump)
