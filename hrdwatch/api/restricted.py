"""The partner API's views of restricted data, written to the audit log as the web pages do.

A partner token reads restricted rows of its own organisations (and of cases shared with them).
Whenever an answer carries such a row — the case or defender itself, or one of its events,
charges, names, interventions, perpetrator links or citations — one ``restricted.view`` entry is
written per case or defender concerned (``records.restricted`` says which), with the token's
user, ``via="api"`` and the client address.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.http import HttpRequest

from hrdwatch.audit.log import Actor, record
from hrdwatch.core.addresses import client_address
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Case, Defender
from hrdwatch.records.restricted import restricted_cases, restricted_defenders
from hrdwatch.records.visibility import Gate


def audit_restricted(request: HttpRequest, gate: Gate, rows: Iterable[Model], what: str) -> None:
    """Write ``restricted.view`` for each case or defender of ``rows`` shown with restricted data."""
    rows = list(rows)
    client: Any = getattr(request, "auth", None)
    user = getattr(client, "user", None)
    if user is None or gate.viewer.level != Visibility.RESTRICTED or not rows:
        return
    cases = restricted_cases(gate, [r.pk for r in rows if isinstance(r, Case)])
    defenders = restricted_defenders(gate, [r.pk for r in rows if isinstance(r, Defender)])
    actor = Actor(
        user=user,
        via="api",
        ip_address=client_address(request) or None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
    )
    for row in rows:
        shown = cases if isinstance(row, Case) else defenders
        if row.pk in shown:
            record(actor, "restricted.view", row, details={"what": what, "path": request.path})
