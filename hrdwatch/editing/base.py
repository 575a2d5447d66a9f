"""Record editing in the Django admin, for superusers, until the partners' workspace replaces it.

The admin is the network's configuration desk (vocabularies, organisations, users, settings) and
only superusers may open it. Record pages here are a fallback with the same rules as everywhere
else: every save, inline row, soft delete, restore and history revert goes through
``hrdwatch.actions`` (permission, validation, version check, cited source, audit entry);
``review_state`` and ``visibility`` of cases and defenders are read-only (the review workflow moves
them); and every page that shows restricted values writes a ``restricted.view`` audit entry.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from hrdwatch import actions
from hrdwatch.audit.log import Actor, record
from hrdwatch.records import models as m
from hrdwatch.records.levels import Visibility

from .forms import ActionForm, CitedForm, model_values

# A link typed without a scheme is taken as https (Django 6 makes that the default; 5.x warns).
HTTPS_URLS: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}
WORKFLOW_READ_ONLY = ["review_state", "visibility"]


def _actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, via="admin")


def shows_restricted(obj: Any) -> bool:
    """Whether the page of ``obj`` (with its inlines) shows any restricted value."""
    if getattr(obj, "visibility", None) == Visibility.RESTRICTED:
        return True
    if isinstance(obj, m.Defender | m.Case):
        return obj.sensitive_details.exists() or any(
            getattr(obj, rel).filter(visibility=Visibility.RESTRICTED).exists()
            for rel in ("names", "evidence")
            if hasattr(obj, rel)
        )
    if isinstance(obj, m.Case | m.Event):
        return obj.evidence.filter(visibility=Visibility.RESTRICTED).exists()
    return False


class ActionAdminMixin:
    """Admin plumbing that saves through the actions and audits restricted views."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)


class RecordInline(ActionAdminMixin, admin.options.InlineModelAdmin):
    form = ActionForm
    extra = 0

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_fields(request, obj))
        return fields if "expected_version" in fields else [*fields, "expected_version"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)  # a deleted inline row is soft-deleted


class SoftDeleteAdmin(ActionAdminMixin, SimpleHistoryAdmin):
    """Lists deleted records too (filterable), replaces delete with soft delete, offers restore,
    and saves through the actions."""

    form = CitedForm
    formfield_overrides = HTTPS_URLS
    actions = ["soft_delete_selected", "restore_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return self.model.all_objects.all()  # type: ignore[attr-defined]

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        found = super().get_actions(request)
        found.pop("delete_selected", None)
        return found

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    # -- saving through the actions -------------------------------------------------------------
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        values = model_values(form)
        cited = form.cleaned_data.get("cited_source")
        if change:
            reverting = getattr(request, "_hrdwatch_reverting", False)
            version = None if reverting else form.cleaned_data.get("expected_version")
            saved = actions.do_update(_actor(request), obj, version=version, source=cited, **values)
        else:
            saved = actions.do_create(_actor(request), type(obj), source=cited, **values)
        for f in saved._meta.concrete_fields:
            setattr(obj, f.attname, getattr(saved, f.attname))
        obj._state.adding = False
        form.save_m2m = lambda: None  # many-to-many values were saved by the action

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        who, cited = _actor(request), form.cleaned_data.get("cited_source")
        for row in formset.forms:
            if not hasattr(row, "cleaned_data") or not row.cleaned_data:
                continue
            instance = row.instance
            if formset.can_delete and formset._should_delete_form(row):
                if instance.pk:
                    actions.do_delete(who, instance, reason="deleted in the admin")
                continue
            if not row.has_changed():
                continue
            values = model_values(row)
            values[formset.fk.name] = formset.instance
            if instance.pk:
                actions.do_update(
                    who,
                    instance,
                    version=row.cleaned_data.get("expected_version"),
                    source=cited,
                    **values,
                )
            else:
                actions.do_create(who, type(instance), source=cited, **values)
        formset.save_m2m = lambda: None

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        request._hrdwatch_reverting = True  # type: ignore[attr-defined]
        obj = self.model.all_objects.filter(pk=object_id).first()  # type: ignore[attr-defined]
        if obj is not None:
            record(
                _actor(request),
                "restricted.view",
                obj,
                details={"what": "history version in the admin", "path": request.path},
            )
        return super().history_form_view(request, object_id, version_id, extra_context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        obj = self.model.all_objects.filter(pk=object_id).first()  # type: ignore[attr-defined]
        if obj is not None and request.method == "GET" and shows_restricted(obj):
            record(
                _actor(request),
                "restricted.view",
                obj,
                details={"what": "record page in the admin", "path": request.path},
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self.model.all_objects.filter(pk=object_id).first()  # type: ignore[attr-defined]
        if obj is not None and shows_restricted(obj):
            record(
                _actor(request),
                "restricted.view",
                obj,
                details={"what": "change history in the admin", "path": request.path},
            )
        return super().history_view(request, object_id, extra_context)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if (
            "visibility" in {f.name for f in self.model._meta.concrete_fields}
            and self.get_queryset(request).filter(visibility=Visibility.RESTRICTED).exists()
        ):
            record(
                _actor(request),
                "restricted.view",
                None,
                details={
                    "what": f"list of {self.model._meta.verbose_name_plural} in the admin",
                    "path": request.path,
                },
            )
        return super().changelist_view(request, extra_context)

    # -- soft delete and restore ----------------------------------------------------------------
    @admin.action(description=_("Delete selected (recoverable)"))
    def soft_delete_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset.filter(deleted_at__isnull=True):
            actions.do_delete(_actor(request), obj, reason="deleted in the admin")
        messages.success(
            request, _("Deleted; the records can be restored from the 'deleted' filter.")
        )

    @admin.action(description=_("Restore selected"))
    def restore_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset.filter(deleted_at__isnull=False):
            actions.do_restore(_actor(request), obj)
        messages.success(request, _("Restored."))
