"""Vocabulary management: networks add and translate terms without code changes."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Term


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin):
    list_display = [
        "vocabulary",
        "code",
        "label_en",
        "label_fr",
        "label_es",
        "sort_order",
        "is_active",
    ]
    list_filter = ["vocabulary", "is_active"]
    list_editable = ["sort_order", "is_active"]
    search_fields = ["code", "label_en", "label_fr", "label_es"]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # deactivate instead: old records keep their terms
