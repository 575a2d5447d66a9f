"""History of a case inside the workspace: who changed what and when, read from the audit log,
shown with translated field names and readable values (``changes``), with a revert button per
change for those who may edit the record (the revert goes through ``actions.do_revert``).

Only the records the gate lets the user see are listed; the audit log never holds a restricted
value, and the values read back from a record's change history are those of records the gate
shows this user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hrdwatch.actions.diff import RESTRICTED
from hrdwatch.actions.kinds import kind_of
from hrdwatch.actions.reverting import REVERTIBLE_VERBS, entry_kind, revertible_fields
from hrdwatch.audit.models import AuditEntry
from hrdwatch.partners.permissions import can, viewer_for
from hrdwatch.records.models import Case
from hrdwatch.records.visibility import Gate

from .changes import Reader, field_label, history_value, is_empty, precision_field

SHOWN = 200
NOT_CHANGES = ("restricted.view",)  # reading is audited, but is not a change to the record
VERBS = {
    "create": _("created"),
    "update": _("changed"),
    "delete": _("deleted"),
    "restore": _("restored"),
    "revert": _("change reverted"),
    "record": _("recorded in the workspace"),
    "submit": _("submitted for review"),
    "review": _("reviewed"),
    "publish": _("published on the public site"),
    "unpublish": _("unpublished"),
    "withdraw": _("withdrawn"),
    "share": _("shared with an organisation"),
    "unshare": _("sharing removed"),
    "checklist": _("checklist updated"),
}


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str
    revertible: bool


@dataclass(frozen=True)
class HistoryRow:
    entry_id: int
    at: Any
    who: str
    action: str
    what: str
    changes: list[Change]
    version: int | None


def visible_records(gate: Gate, case: Case) -> dict[str, Any]:
    """The case and what belongs to it that the gate shows, by uid."""
    found: dict[str, Any] = {case.uid: case}
    defender = gate.defenders().filter(pk=case.defender_id).first()
    if defender is not None:
        found[defender.uid] = defender
    events = list(gate.events().filter(case=case))
    rows = [
        *events,
        *gate.charges().filter(event__in=events),
        *gate.evidence().filter(case=case),
        *gate.evidence().filter(event__in=events),
        *gate.sensitive_details().filter(case=case),
    ]
    found.update((row.uid, row) for row in rows)
    return found


def _action_label(entry: AuditEntry, obj: Any) -> str:
    verb = entry.action.rpartition(".")[2]
    kind = capfirst(type(obj)._meta.verbose_name)
    said = VERBS.get(verb)
    return f"{kind}: {said}" if said else entry.action


class _Rows:
    def __init__(self, user: Any, gate: Gate) -> None:
        self.user = user
        self.reader = Reader(gate)
        self.unredacted = False  # whether a restricted value was read back for this page

    def changes(self, entry: AuditEntry, obj: Any) -> list[Change]:
        details = entry.details if isinstance(entry.details, dict) else {}
        raw = {k: v for k, v in (details.get("changes") or {}).items() if _pair(v)}
        version = details.get("version") if isinstance(details.get("version"), int) else None
        kind, verb = entry_kind(entry)
        may_revert = (
            kind is not None
            and verb in REVERTIBLE_VERBS
            and can(self.user, kind.edit_permission, obj)
        )
        allowed = set(revertible_fields(kind, entry)) if kind is not None and may_revert else set()
        model = type(obj)
        folded = {precision_field(model, name) for name in raw} - {""}
        shown = []
        for name, (before, after) in raw.items():
            if name in folded:  # shown with its date
                continue
            before, after = self._unredact(obj, version, name, before, after)
            if is_empty(before) and is_empty(after):
                continue
            sibling = precision_field(model, name)
            precisions = raw.get(sibling) or [None, None]
            if sibling and sibling not in raw:
                precisions = [getattr(obj, sibling), getattr(obj, sibling)]
            shown.append(
                Change(
                    field=name,
                    label=field_label(model, name),
                    before=self.reader.value(model, name, before, precisions[0]),
                    after=self.reader.value(model, name, after, precisions[1]),
                    revertible=name in allowed,
                )
            )
        return shown

    def _unredact(
        self, obj: Any, version: int | None, name: str, before: Any, after: Any
    ) -> tuple[Any, Any]:
        """Restricted values of a record the gate shows, read from its own change history."""
        if before == RESTRICTED and version is not None:
            before = history_value(obj, version - 1, name)
            self.unredacted = True
        if after == RESTRICTED and version is not None:
            after = history_value(obj, version, name)
            self.unredacted = True
        return before, after


def _pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def case_history(user: Any, case: Case) -> tuple[list[HistoryRow], bool]:
    """Every audited action on the case and on what belongs to it that the user may see, newest
    first; and whether restricted values were read back (the caller audits the view)."""
    gate = Gate(viewer_for(user))
    records = visible_records(gate, case)
    entries = (
        AuditEntry.objects.filter(object_uid__in=list(records))
        .exclude(action__in=NOT_CHANGES)
        .order_by("-at", "-id")
    )[:SHOWN]
    builder = _Rows(user, gate)
    rows = []
    for entry in entries:
        obj = records[entry.object_uid]
        rows.append(
            HistoryRow(
                entry_id=entry.pk,
                at=entry.at,
                who=entry.actor_name or str(_("system")),
                action=_action_label(entry, obj),
                what=_describe(obj, case),
                changes=builder.changes(entry, obj),
                version=getattr(obj, "version", None),
            )
        )
    return rows, builder.unredacted


def _describe(obj: Any, case: Case) -> str:
    """A short name for the record changed ("Arrest — March 2024"), not its restricted text."""
    if obj is case or isinstance(obj, Case):
        return ""
    try:
        kind = kind_of(obj).name
    except LookupError:
        return ""
    if kind == "sensitive_detail":
        return str(obj.kind.label()) if getattr(obj, "kind", None) else ""
    if kind == "event":
        return str(obj.event_type.label())
    if kind == "charge":
        return str(obj.wording)[:80]
    if kind == "evidence":
        return str(obj.source.title)[:80]
    if kind == "defender":
        return str(obj.display_name)
    return ""
