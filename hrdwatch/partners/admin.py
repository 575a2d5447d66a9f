"""Administrators browse the audit log (``hrdwatch.audit``) in the admin, read-only, through
the permission object; the CSV export is views_audit.py."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from hrdwatch.audit.models import AuditEntry

from .permissions import Action, can
from .views_audit import entries_visible_to


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = [
        "at",
        "actor_name",
        "action",
        "object_type",
        "object_uid",
        "organisation",
        "via",
        "ip_address",
    ]
    list_filter = ["action", "via", "object_type", "organisation"]
    search_fields = ["actor_name", "object_uid", "action"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]
    actions = None

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEntry]:
        return entries_visible_to(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can(request.user, Action.VIEW_AUDIT)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return can(request.user, Action.VIEW_AUDIT)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
