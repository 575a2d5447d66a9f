"""Which cases and defenders carry restricted rows for a viewer: the question every audit of a
restricted view asks (the partner API, the workspace case page).

Asked of the gate itself: the rows this viewer sees that a viewer at the partners level would
not see, so nothing here filters on ``visibility``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from .levels import Visibility
from .visibility import Gate, Viewer


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
