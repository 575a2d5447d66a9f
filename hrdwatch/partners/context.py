"""The partner area's links, for the header of every page a logged-in member opens."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .permissions import Action, can

# (label, URL name, the action that opens the page)
PARTNER_PAGES = [
    (_("Workspace"), "workspace:home", Action.VIEW_DOCUMENTS),
    (_("Review queue"), "review:queue", Action.REVIEW_QUEUE),
    (_("Possible duplicates"), "linkage:proposals", Action.REVIEW_QUEUE),
    (_("Documents"), "ingestion:list", Action.VIEW_DOCUMENTS),
    (_("Sources"), "ingestion:sources", Action.VIEW_DOCUMENTS),
    (_("Reported detentions"), "organisation:reports", Action.VIEW_REPORTS),
    (_("Members"), "organisation:index", Action.MANAGE_ORGANISATION),
    (_("API tokens"), "partners:tokens", Action.MANAGE_TOKENS),
]


def partner_links(request: HttpRequest) -> dict[str, Any]:
    """The partner pages this user may open (none for visitors), each checked by ``can``."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"partner_links": []}
    return {
        "partner_links": [
            (label, reverse(name)) for label, name, action in PARTNER_PAGES if can(user, action)
        ]
    }
