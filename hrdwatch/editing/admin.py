"""The record pages of the admin (superusers only; see ``editing.base`` for how they save)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hrdwatch.records import models as m

from .base import HTTPS_URLS, WORKFLOW_READ_ONLY, RecordInline, SoftDeleteAdmin


class DeletedFilter(admin.SimpleListFilter):
    title = _("deleted")
    parameter_name = "deleted"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("no", _("Live")), ("yes", _("Deleted"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        return queryset


class DefenderNameInline(RecordInline, admin.TabularInline):
    model = m.DefenderName
    fk_name = "defender"
    extra = 0
    fields = ["name", "script", "language", "kind", "seen_in", "visibility"]
    autocomplete_fields = ["seen_in"]


class SensitiveDetailInline(RecordInline, admin.StackedInline):
    model = m.SensitiveDetail
    extra = 0
    fields = ["kind", "text", "visibility"]


class CaseInline(RecordInline, admin.TabularInline):
    """The defender's cases, listed; each is edited on its own page."""

    model = m.Case
    extra = 0
    fields = ["country", "status", "review_state", "visibility"]
    readonly_fields = ["country", "status", "review_state", "visibility"]
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False


@admin.register(m.Defender)
class DefenderAdmin(SoftDeleteAdmin):
    list_display = [
        "display_name",
        "name_original_script",
        "nationality",
        "visibility",
        "is_published",
        "owner",
    ]
    list_filter = [
        DeletedFilter,
        "visibility",
        "is_published",
        "gender",
        "roles",
        "nationality",
        "owner",
        "is_fictional",
    ]
    search_fields = ["display_name", "name_original_script", "names__name", "uid", "external_id"]
    filter_horizontal = ["roles", "areas_of_work"]
    inlines = [DefenderNameInline, SensitiveDetailInline, CaseInline]
    readonly_fields = ["uid", "is_published", "deleted_at", "visibility"]


class EventInline(RecordInline, admin.StackedInline):
    model = m.Event
    extra = 0
    fields = [
        ("event_type", "date", "date_precision", "certainty"),
        ("place", "place_of_detention"),
        "description",
        ("sentence_kind", "sentence_months", "fine_amount", "fine_currency"),
        "visibility",
    ]
    show_change_link = True
    autocomplete_fields = ["place_of_detention"]


class InterventionInline(RecordInline, admin.StackedInline):
    model = m.Intervention
    formfield_overrides = HTTPS_URLS
    extra = 0
    fields = [
        ("intervention_type", "date", "date_precision", "organisation"),
        "title",
        "description",
        "outcome",
        "url",
        "visibility",
    ]


class CaseEvidenceInline(RecordInline, admin.TabularInline):
    model = m.Evidence
    fk_name = "case"
    extra = 0
    fields = ["source", "event", "field", "quote", "visibility"]
    autocomplete_fields = ["source"]


class CaseSensitiveInline(SensitiveDetailInline):
    fk_name = "case"


@admin.register(m.Case)
class CaseAdmin(SoftDeleteAdmin):
    list_display = [
        "__str__",
        "country",
        "status",
        "derived_status",
        "status_conflict",
        "review_state",
        "visibility",
        "owner",
    ]
    list_filter = [
        DeletedFilter,
        "review_state",
        "visibility",
        "status_conflict",
        "status",
        "country",
        "owner",
        "wgad_categories",
    ]
    search_fields = [
        "defender__display_name",
        "defender__names__name",
        "summary",
        "uid",
        "external_id",
    ]
    autocomplete_fields = ["defender"]
    filter_horizontal = ["wgad_categories"]
    readonly_fields = [
        "uid",
        "derived_status",
        "status_conflict",
        "arrest_date",
        "release_date",
        "deleted_at",
        *WORKFLOW_READ_ONLY,
    ]
    inlines = [EventInline, InterventionInline, CaseEvidenceInline, CaseSensitiveInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "uid",
                    "defender",
                    ("country", "region", "city"),
                    ("status", "derived_status", "status_conflict"),
                    "summary",
                ]
            },
        ),
        (
            _("Arrest and detention"),
            {
                "fields": [
                    ("arrest_date", "release_date"),
                    "arresting_forces",
                    "arrest_warrant_shown",
                    "reasons_given",
                    "legal_basis",
                    "authorities",
                    "detention_conditions",
                ]
            },
        ),
        (
            _("Arbitrariness (WGAD)"),
            {"fields": ["wgad_categories", "wgad_reasoning", "domestic_remedies"]},
        ),
        (
            _("Workflow and access"),
            {
                "fields": [
                    "review_state",
                    "visibility",
                    "owner",
                    "is_fictional",
                    "translations",
                    "deleted_at",
                ]
            },
        ),
        (_("Citation"), {"fields": ["cited_source", "expected_version"]}),
    ]


class ChargeInline(RecordInline, admin.TabularInline):
    model = m.Charge
    extra = 0
    fields = ["wording", "legal_provision", "category", "visibility"]


class PerpetratorLinkInline(RecordInline, admin.TabularInline):
    model = m.EventPerpetrator
    extra = 0
    fields = ["perpetrator", "role", "visibility"]
    autocomplete_fields = ["perpetrator"]


class EventEvidenceInline(RecordInline, admin.TabularInline):
    model = m.Evidence
    fk_name = "event"
    extra = 0
    fields = ["source", "field", "quote", "start", "end", "visibility"]
    autocomplete_fields = ["source"]


@admin.register(m.Event)
class EventAdmin(SoftDeleteAdmin):
    list_display = [
        "__str__",
        "case",
        "event_type",
        "date",
        "date_precision",
        "certainty",
        "visibility",
    ]
    list_filter = [DeletedFilter, "event_type", "certainty", "visibility"]
    search_fields = ["case__defender__display_name", "description", "place"]
    autocomplete_fields = ["case", "place_of_detention"]
    inlines = [ChargeInline, PerpetratorLinkInline, EventEvidenceInline]


@admin.register(m.Source)
class SourceAdmin(SoftDeleteAdmin):
    list_display = ["title", "publisher", "published", "language", "visibility"]
    list_filter = [DeletedFilter, "visibility", "language", "organisation"]
    search_fields = ["title", "url", "publisher"]


@admin.register(m.Perpetrator)
class PerpetratorAdmin(SoftDeleteAdmin):
    list_display = ["name", "perpetrator_type", "country", "position", "visibility"]
    list_filter = [DeletedFilter, "perpetrator_type", "country", "visibility"]
    search_fields = ["name", "name_original"]


@admin.register(m.PlaceOfDetention)
class PlaceOfDetentionAdmin(SoftDeleteAdmin):
    list_display = ["name", "kind", "country", "city", "visibility"]
    list_filter = [DeletedFilter, "kind", "country"]
    search_fields = ["name", "name_original", "city"]


@admin.register(m.Intervention)
class InterventionAdmin(SoftDeleteAdmin):
    list_display = ["title", "case", "intervention_type", "date", "organisation", "visibility"]
    list_filter = [DeletedFilter, "intervention_type", "organisation"]
    search_fields = ["title", "description"]
