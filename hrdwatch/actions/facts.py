"""Readable names for the common record changes; each is ``do_create`` of one kind.

A screen or script that adds an event to a case reads ``do_add_event(actor, case, ...)`` rather
than ``do_create(actor, "event", case=case, ...)``; both run the same code.
"""

from __future__ import annotations

from typing import Any

from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action
from hrdwatch.records.levels import ReviewState
from hrdwatch.records.models import (
    Case,
    Charge,
    Defender,
    DefenderName,
    Event,
    EventPerpetrator,
    Evidence,
    Intervention,
    Perpetrator,
    PlaceOfDetention,
    SensitiveDetail,
    Source,
)

from .base import acting
from .kinds import KINDS
from .records import create_in, do_create, do_update


def do_create_defender(
    actor: Any, *, organisation: Organisation, source: Source | None, **fields: Any
) -> Defender:
    return do_create(actor, "defender", owner=organisation, source=source, **fields)


def do_create_case(
    actor: Any,
    *,
    defender: Defender,
    organisation: Organisation,
    source: Source | None,
    candidate: bool = False,
    **fields: Any,
) -> Case:
    """A new case starts as a draft (or a candidate, when it comes from extraction)."""
    state = ReviewState.CANDIDATE if candidate else ReviewState.DRAFT
    with acting(actor, "case.create") as act:
        act.require(Action.VIEW_CASE, defender)
        return create_in(
            act,
            KINDS["case"],
            {"defender": defender, "owner": organisation, **fields},
            source=source,
            workflow={"review_state": state},
        )


def do_add_name(
    actor: Any, defender: Defender, *, source: Source | None, **fields: Any
) -> DefenderName:
    return do_create(actor, "name", defender=defender, source=source, **fields)


def do_add_sensitive_detail(
    actor: Any, *, defender: Defender | None = None, case: Case | None = None, **fields: Any
) -> SensitiveDetail:
    """A family or lawyer contact, health or risk note: restricted unless said otherwise."""
    return do_create(actor, "sensitive_detail", defender=defender, case=case, **fields)


def do_add_event(
    actor: Any, case: Case, *, source: Source | None, quote: str = "", **fields: Any
) -> Event:
    return do_create(actor, "event", case=case, source=source, quote=quote, **fields)


def do_add_charge(
    actor: Any, event: Event, *, source: Source | None, quote: str = "", **fields: Any
) -> Charge:
    return do_create(actor, "charge", event=event, source=source, quote=quote, **fields)


def do_add_intervention(actor: Any, case: Case, **fields: Any) -> Intervention:
    return do_create(actor, "intervention", case=case, **fields)


def do_add_evidence(
    actor: Any,
    source: Source,
    *,
    event: Event | None = None,
    case: Case | None = None,
    defender: Defender | None = None,
    quote: str = "",
    **fields: Any,
) -> Evidence:
    """Link a source to the event, case or defender it supports (with the quoted passage)."""
    fields.setdefault("visibility", source.visibility)
    return do_create(
        actor,
        "evidence",
        source=source,
        quote=quote,
        event=event,
        case=case,
        defender=defender,
        **fields,
    )


def do_link_perpetrator(
    actor: Any, event: Event, perpetrator: Perpetrator, *, source: Source | None, **fields: Any
) -> EventPerpetrator:
    """Record a perpetrator's part (``role``) in an event."""
    return do_create(
        actor, "perpetrator_link", event=event, perpetrator=perpetrator, source=source, **fields
    )


def do_create_source(actor: Any, *, organisation: Organisation | None, **fields: Any) -> Source:
    return do_create(actor, "source", organisation=organisation, **fields)


def do_create_perpetrator(actor: Any, **fields: Any) -> Perpetrator:
    return do_create(actor, "perpetrator", **fields)


def do_create_place(actor: Any, **fields: Any) -> PlaceOfDetention:
    return do_create(actor, "place", **fields)


def do_update_case(
    actor: Any, case: Case, *, version: int | None, source: Source | None, **changes: Any
) -> Case:
    """Change fields of a case (``version``: the one the editor started from)."""
    return do_update(actor, case, version=version, source=source, **changes)
