"""Who may use the workspace, and for which organisation (asked of the permission object)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404

from hrdwatch.partners.models import Organisation, Role
from hrdwatch.partners.permissions import Action, can, organisations_where

from .models import Draft


def documenting_organisations(user: Any) -> list[Organisation]:
    """Organisations for which the user may record cases."""
    return [
        o for o in organisations_where(user, Role.DOCUMENTER) if can(user, Action.CREATE_CASE, o)
    ]


def member_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Anonymous users go to the login page (and come back here); members of no organisation
    get a 403 page saying so."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can(request.user, Action.VIEW_DOCUMENTS):
            raise PermissionDenied("Not a member of an organisation")
        return view(request, *args, **kwargs)

    wrapped.required_action = Action.VIEW_DOCUMENTS  # type: ignore[attr-defined]
    return wrapped


def own_draft(request: HttpRequest, pk: int) -> Draft:
    """The user's own draft (another user's is not found), still for an organisation they document for."""
    draft = get_object_or_404(
        Draft.objects.select_related("organisation", "case"), pk=pk, author=request.user
    )
    if not can(request.user, Action.CREATE_CASE, draft.organisation):
        raise PermissionDenied("Not allowed: record cases for this organisation")
    return draft
