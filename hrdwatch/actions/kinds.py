"""The record types the actions edit, declared once: what each is attached to, who may create it,
whether its facts must cite a source, which values never reach the audit log, and which fields
callers may not set.

``KINDS`` drives the generic ``do_create`` / ``do_update`` / ``do_delete`` / ``do_restore``
(``hrdwatch.actions.records``); the readable ``do_add_event(...)``-style functions in
``hrdwatch.actions.facts`` are thin wrappers over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from hrdwatch.partners.permissions import Action
from hrdwatch.records import models as m

# Never set by a caller: identity, bookkeeping, and values derived from the timeline.
BOOKKEEPING = frozenset(
    {
        "id",
        "uid",
        "version",
        "created_at",
        "updated_at",
        "deleted_at",
        "derived_status",
        "status_conflict",
        "full_derived_status",
        "hidden_facts_differ",
        "last_verified_at",
        "last_verified_by",
        "public_updated_at",
        "arrest_date",
        "arrest_date_precision",
        "release_date",
        "is_published",
    }
)
# Set only by the workflow actions (submit, review, publish, unpublish, withdraw).
WORKFLOW = frozenset({"review_state", "visibility"})


@dataclass(frozen=True)
class RecordKind:
    """How the actions treat one record model."""

    name: str  # "event": the audit action is "event.create", "event.update"...
    model: type[models.Model]
    parents: tuple[str, ...] = ()  # foreign keys to the record that decides, first set wins
    create_permission: str = Action.EDIT_CASE  # asked of the parent (or the organisation)
    edit_permission: str = Action.EDIT_CASE  # asked of the record itself to change or delete it
    organisation_field: str | None = None  # for top-level kinds: the owning organisation
    cites: bool = False  # changes to its facts must cite a source
    sensitive: frozenset[str] = frozenset()  # values never written to the audit log
    workflow: frozenset[str] = frozenset()  # fields only the workflow actions set
    create_only: frozenset[str] = frozenset()  # fixed once created (owner, parent links)

    @property
    def m2m(self) -> frozenset[str]:
        return frozenset(f.name for f in self.model._meta.many_to_many)

    def parent_of(self, obj_or_fields: Any) -> Any:
        """The record whose owner decides about this one (None for top-level kinds)."""
        for name in self.parents:
            value = (
                obj_or_fields.get(name)
                if isinstance(obj_or_fields, dict)
                else getattr(obj_or_fields, name, None)
            )
            if value is not None:
                return value
        return None


KINDS: dict[str, RecordKind] = {
    k.name: k
    for k in [
        RecordKind(
            "defender",
            m.Defender,
            create_permission=Action.CREATE_CASE,
            organisation_field="owner",
            cites=True,
            workflow=WORKFLOW,
            create_only=frozenset({"owner"}),
        ),
        RecordKind(
            "name", m.DefenderName, ("defender",), cites=True, create_only=frozenset({"defender"})
        ),
        RecordKind(
            "sensitive_detail",
            m.SensitiveDetail,
            ("case", "defender"),
            sensitive=frozenset({"text"}),
            create_only=frozenset({"case", "defender"}),
        ),
        RecordKind(
            "case",
            m.Case,
            create_permission=Action.CREATE_CASE,
            organisation_field="owner",
            cites=True,
            workflow=WORKFLOW,
            create_only=frozenset({"owner", "defender"}),
        ),
        RecordKind("event", m.Event, ("case",), cites=True, create_only=frozenset({"case"})),
        RecordKind("charge", m.Charge, ("event",), cites=True, create_only=frozenset({"event"})),
        RecordKind("intervention", m.Intervention, ("case",), create_only=frozenset({"case"})),
        RecordKind(
            "evidence",
            m.Evidence,
            ("event", "case", "defender"),
            create_only=frozenset({"event", "case", "defender", "source"}),
        ),
        RecordKind(
            "perpetrator_link",
            m.EventPerpetrator,
            ("event",),
            cites=True,
            create_only=frozenset({"event"}),
        ),
        RecordKind(
            "source",
            m.Source,
            create_permission=Action.ADD_SOURCE,
            organisation_field="organisation",
            create_only=frozenset({"organisation"}),
        ),
        RecordKind(
            "perpetrator",
            m.Perpetrator,
            create_permission=Action.EDIT_REGISTER,
            edit_permission=Action.EDIT_REGISTER,
        ),
        RecordKind(
            "place",
            m.PlaceOfDetention,
            create_permission=Action.EDIT_REGISTER,
            edit_permission=Action.EDIT_REGISTER,
        ),
    ]
}
_BY_MODEL = {k.model: k for k in KINDS.values()}


def kind_of(target: Any) -> RecordKind:
    """The declaration for a kind name, a model class or an instance."""
    if isinstance(target, str):
        return KINDS[target]
    model = target if isinstance(target, type) else type(target)
    try:
        return _BY_MODEL[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not edited through the record actions") from None
