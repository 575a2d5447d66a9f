"""Keep derived fields true whichever way a change arrives (admin, import, API, actions)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Case, Event
from .status import refresh_case


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
