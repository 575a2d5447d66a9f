"""What every record shares: a stable public id, a visibility level, history and soft deletion."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .guard import GuardedModel, GuardedQuerySet
from .levels import Visibility


def new_uid(prefix: str, external_id: str | None = None, namespace: str = "") -> str:
    """A stable id: hashed from the source's own id when there is one, random otherwise.

    Never built from names or other personal data (see zavod's entity-id guidance).
    """
    if external_id:
        digest = hashlib.sha1(f"{namespace}:{external_id}".encode(), usedforsecurity=False)
        return f"{prefix}-{digest.hexdigest()[:12]}"
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class LiveManager(models.Manager.from_queryset(GuardedQuerySet)):  # type: ignore[misc]
    """Hides soft-deleted rows; ``all_objects`` still sees them."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class AllManager(models.Manager.from_queryset(GuardedQuerySet)):  # type: ignore[misc]
    """Every row, soft-deleted ones included."""


class RecordBase(GuardedModel):
    """Abstract base for every documented thing; written only through ``hrdwatch.actions``."""

    UID_PREFIX = "rec"

    uid = models.CharField(
        max_length=40,
        unique=True,
        editable=False,
        verbose_name=_("identifier"),
        help_text="Stable public identifier; never contains personal data.",
    )
    visibility = models.CharField(
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PARTNERS,
        db_index=True,
        verbose_name=_("visibility"),
        help_text="Who may see this: the public, partner organisations, or only its owners.",
    )
    created_at = models.DateTimeField(
        default=timezone.now,
        editable=False,
        verbose_name=_("created at"),
        help_text="When it was created.",
    )
    updated_at = models.DateTimeField(
        auto_now=True, verbose_name=_("updated at"), help_text="When it last changed."
    )
    deleted_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("deleted at"),
        help_text="Set when soft-deleted; a deleted record can be restored.",
    )

    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        verbose_name=_("version"),
        help_text="Raised by one at every change; an edit based on an older version is refused.",
    )

    objects = LiveManager()
    all_objects = AllManager()  # noqa: DJ012 -- managers sit with the shared fields they serve

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.uid:
            self.uid = new_uid(
                self.UID_PREFIX, getattr(self, "external_id", None) or None, self.__class__.__name__
            )
        super().save(*args, **kwargs)

    def soft_delete(self) -> None:
        """Hide the record everywhere; it stays in the database and in its history."""
        self.deleted_at = timezone.now()
        self.version += 1
        self.save(update_fields=["deleted_at", "updated_at", "version"])

    def restore(self) -> None:
        """Undo a soft delete."""
        self.deleted_at = None
        self.version += 1
        self.save(update_fields=["deleted_at", "updated_at", "version"])

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
