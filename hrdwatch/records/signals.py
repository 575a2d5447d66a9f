"""The record's signals: derived fields kept true on every save, and the actions' announcement.

``action_committed`` is sent by the action layer (``hrdwatch.actions``) once an action's
transaction has committed: ``sender`` is the action name (``case.publish``, ``event.create``,
``bulk.load``...), with ``obj`` (the record), ``actor`` (an ``audit.log.Actor``) and ``details``.
Notifications, search and caches listen to it; it lives here so that any layer may listen
without importing the actions.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from .models import Case, Event
from .status import refresh_case

action_committed = Signal()
# Sent inside the transaction by bulk writes that bypass the model signals (``case_ids``: the
# cases whose rows they wrote), so the search projection can follow them on commit.
cases_touched = Signal()


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
def _event_changed(sender: type, instance: Event, raw: bool = False, **kwargs: Any) -> None:
    if raw or getattr(instance, "_skip_refresh", False):
        return
    refresh_case(instance.case_id)


@receiver(post_save, sender=Case)
def _case_changed(sender: type, instance: Case, raw: bool = False, **kwargs: Any) -> None:
    if raw or getattr(instance, "_skip_refresh", False):
        return
    refresh_case(instance.pk)
