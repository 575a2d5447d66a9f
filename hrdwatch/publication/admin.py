"""The site's own pages in the admin (configuration for superusers, not the record)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .sitepages import SitePage


@admin.register(SitePage)
class SitePageAdmin(SimpleHistoryAdmin):
    list_display = ("slug", "title_en", "updated_at")
    fieldsets = (
        (None, {"fields": ("slug",)}),
        ("English", {"fields": ("title_en", "body_en")}),
        ("Français", {"fields": ("title_fr", "body_fr")}),
        ("Español", {"fields": ("title_es", "body_es")}),
    )
