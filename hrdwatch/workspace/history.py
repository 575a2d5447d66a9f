"""History of a case inside the workspace: who changed what and when, read from the audit log.

The audit log never holds a restricted value (``actions.diff`` writes a placeholder), so the
changes can be shown to anyone who may see the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from hrdwatch.actions.diff import RESTRICTED
from hrdwatch.audit.models import AuditEntry
from hrdwatch.records.models import Case

SHOWN = 200


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRow:
    at: Any
    who: str
    action: str
    object_uid: str
    changes: list[Change]


def _text(value: Any) -> str:
    if value == RESTRICTED:
        return _("(restricted)")
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _uids(case: Case) -> list[str]:
    uids = [case.uid, case.defender.uid]
    for model_field in ("events", "evidence", "sensitive_details"):
        uids += list(getattr(case, model_field).values_list("uid", flat=True))
    uids += [
        uid for event in case.events.all() for uid in event.charges.values_list("uid", flat=True)
    ]
    return uids


def case_history(case: Case) -> list[HistoryRow]:
    """Every audited action on the case and what belongs to it, newest first."""
    entries = AuditEntry.objects.filter(object_uid__in=_uids(case)).order_by("-at", "-id")[:SHOWN]
    rows = []
    for entry in entries:
        changes = entry.details.get("changes") if isinstance(entry.details, dict) else None
        rows.append(
            HistoryRow(
                at=entry.at,
                who=entry.actor_name or _("system"),
                action=entry.action,
                object_uid=entry.object_uid,
                changes=[
                    Change(name, _text(pair[0]), _text(pair[1]))
                    for name, pair in (changes or {}).items()
                    if isinstance(pair, list) and len(pair) == 2
                ],
            )
        )
    return rows
