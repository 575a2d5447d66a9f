"""The partner API's views of restricted data, written to the audit log as the web pages do.

A partner token reads restricted rows of its own organisations (and of cases shared with them).
Whenever an answer carries such a row — the case or defender itself, or one of its events,
charges, names, interventions, perpetrator links or citations — one ``restricted.view`` entry is
written per case or defender concerned, with the token's user, ``via="api"`` and the client
address. What counts as restricted is asked of the gate itself: the rows this viewer sees that a
viewer at the partners level would not see, so nothing here filters on ``visibility``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from hrdwatch.audit.log import Actor, record
from hrdwatch.core.addresses import client_address
from hrdwatch.records.levels import Visibility
from hrdwatch.records.models import Case, Defender
from hrdwatch.records.visibility import Gate, Viewer


def _beyond_partners(
    mine: QuerySet[Any], theirs: QuerySet[Any], key: str, ids: set[int]
) -> set[int]:
    """Values of ``key`` (in ``ids``) of rows this viewer sees and a partners-level viewer not."""
    scope = {f"{key}__in": ids}
    shown = mine.filter(**scope).exclude(pk__in=theirs.filter(**scope).values("pk"))
    return set(shown.values_list(key, flat=True))


def restricted_cases(gate: Gate, case_ids: Iterable[int]) -> set[int]:
    """The cases among ``case_ids`` whose answer carries a restricted row."""
    ids = set(case_ids)
    if not ids or gate.viewer.level != Visibility.RESTRICTED:
        return set()
    other = Gate(Viewer(Visibility.PARTNERS))
    found = _beyond_partners(gate.cases(), other.cases(), "pk", ids)
    for name, key in (
        ("events", "case_id"),
        ("interventions", "case_id"),
        ("charges", "event__case_id"),
        ("perpetrator_links", "event__case_id"),
        ("evidence", "event__case_id"),
        ("evidence", "case_id"),
    ):
        left = ids - found
        if not left:
            break
        found |= _beyond_partners(getattr(gate, name)(), getattr(other, name)(), key, left)
    return found


def restricted_defenders(gate: Gate, defender_ids: Iterable[int]) -> set[int]:
    """The defenders among ``defender_ids`` whose answer (names, cases...) carries a restricted row."""
    ids = set(defender_ids)
    if not ids or gate.viewer.level != Visibility.RESTRICTED:
        return set()
    other = Gate(Viewer(Visibility.PARTNERS))
    found = _beyond_partners(gate.defenders(), other.defenders(), "pk", ids)
    for name, key in (("names", "defender_id"), ("evidence", "defender_id")):
        found |= _beyond_partners(getattr(gate, name)(), getattr(other, name)(), key, ids - found)
    cases = dict(gate.cases().filter(defender_id__in=ids - found).values_list("pk", "defender_id"))
    found |= {cases[pk] for pk in restricted_cases(gate, cases)}
    return found


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
