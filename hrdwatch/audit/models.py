"""The append-only audit log: who did what to which record, when, from where, citing which source.

Rows are written by ``audit.log.record`` (called by every action in ``hrdwatch.actions`` and by
views that show restricted data) and never changed: the model refuses updates and deletes, the
admin offers neither, and on PostgreSQL a trigger (migration 0002) stops the database role too.
References are plain values, not foreign-key constraints, so deleting a user or a record can
never cascade into the log.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an audit entry."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """One change, or one view of restricted data."""

    at = models.DateTimeField(
        default=timezone.now, db_index=True, verbose_name=_("at"), help_text="When it happened."
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("actor"),
        help_text="Who did it (empty for the system).",
    )
    actor_name = models.CharField(
        max_length=150,
        blank=True,
        verbose_name=_("actor name"),
        help_text="The username at the time, kept if the account goes.",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("organisation"),
        help_text="Organisation owning the record concerned, for filtering.",
    )
    action = models.CharField(
        max_length=64,
        db_index=True,
        verbose_name=_("action"),
        help_text="What was done, e.g. case.publish or restricted.view.",
    )
    object_type = models.CharField(
        max_length=64,
        blank=True,
        verbose_name=_("object type"),
        help_text="app_label.model of the record.",
    )
    object_id = models.CharField(
        max_length=64,
        blank=True,
        verbose_name=_("object id"),
        help_text="Primary key of the record.",
    )
    object_uid = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        verbose_name=_("object uid"),
        help_text="Stable public id of the record.",
    )
    source = models.ForeignKey(
        "records.Source",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("source"),
        help_text="The source the editor cited for the change.",
    )
    details = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("details"),
        help_text="Non-sensitive particulars: state changes, field names, organisations shared with.",
    )
    via = models.CharField(
        max_length=8, default="web", verbose_name=_("via"), help_text="web, api or cli."
    )
    ip_address = models.GenericIPAddressField(
        null=True, blank=True, verbose_name=_("IP address"), help_text="Where from."
    )
    user_agent = models.CharField(
        max_length=300, blank=True, verbose_name=_("user agent"), help_text="Browser or client."
    )

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or 'system'} {self.action} {self.object_uid}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")
