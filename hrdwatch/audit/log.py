"""Writing the audit log: one function for changes, one for views of restricted data.

``Actor`` carries who and from where (web request, API or CLI) so every action records the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from hrdwatch.core.addresses import client_address

from .models import AuditEntry


@dataclass(frozen=True)
class Actor:
    """Who acts, and from where."""

    user: Any
    via: str = "cli"
    ip_address: str | None = None
    user_agent: str = ""

    @classmethod
    def from_request(cls, request: HttpRequest, via: str = "web") -> Actor:
        return cls(
            user=request.user,
            via=via,
            ip_address=client_address(request) or None,
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )

    @classmethod
    def of(cls, who: Any) -> Actor:
        """Accept an Actor or a bare user (CLI, tests)."""
        return who if isinstance(who, Actor) else cls(user=who)


def _owner_of(obj: Any) -> int | None:
    if obj._meta.label_lower == "partners.organisation":
        return int(obj.pk)
    for path in (
        "owner_id",
        "case.owner_id",
        "event.case.owner_id",
        "defender.owner_id",
        "organisation_id",
    ):
        value: Any = obj
        for part in path.split("."):
            value = getattr(value, part, None)
            if value is None:
                break
        if value is not None:
            return int(value)
    return None


def record(
    actor: Any,
    action: str,
    obj: Any = None,
    *,
    source: Any = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit entry; ``details`` must hold no restricted values (names of fields only)."""
    who = Actor.of(actor)
    user = who.user if getattr(who.user, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_name=user.get_username() if user else "",
        organisation_id=_owner_of(obj) if obj is not None else None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_uid=getattr(obj, "uid", "") or "",
        source=source,
        details=details or {},
        via=who.via,
        ip_address=who.ip_address,
        user_agent=who.user_agent,
    )


def record_restricted_view(request: HttpRequest, obj: Any, what: str = "") -> AuditEntry:
    """Log that ``request.user`` was shown restricted data of ``obj`` (call from the view)."""
    return record(
        Actor.from_request(request),
        "restricted.view",
        obj,
        details={"what": what, "path": request.path},
    )
