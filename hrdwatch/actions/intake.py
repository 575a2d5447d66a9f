"""Recording a case typed by a documenter in the workspace: the person (new or known), the case,
its events and charges, the cited source with its quoted sentence, and restricted notes, in one
transaction.

Every row is created by the same record actions as anywhere else (``records.create_in``), so each
has its permission check and audit entry; a ``case.record`` entry ties them together. The case is
a draft owned by the documenter's organisation: nothing is public until review publishes it. Its
events and charges, and a source on the web, are written at the public level unless the caller
says otherwise: they are what publishing the case shows (the gate keeps them from the public while
the case is a draft); only the restricted notes stay with the organisation.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hrdwatch.partners.models import Organisation
from hrdwatch.partners.permissions import Action
from hrdwatch.records.levels import ReviewState, Visibility
from hrdwatch.records.models import Case, Defender, Source

from .base import Act, acting
from .kinds import KINDS
from .records import create_in


def _quote_in_archive(source: Source, quote: str) -> None:
    """A quoted sentence must be found in the source's archived text, when there is one."""
    text = " ".join((source.archived_text or "").split())
    if quote and text and " ".join(quote.split()) not in text:
        raise ValidationError(
            {"quote": _("The quoted sentence is not in the archived text of this source.")}
        )


def _source(act: Act, organisation: Organisation, fields: dict[str, Any], quote: str) -> Source:
    existing = fields.get("existing")
    if isinstance(existing, Source):
        _quote_in_archive(existing, quote)
        return existing
    values = {
        "visibility": Visibility.PUBLIC if fields.get("url") else Visibility.PARTNERS,
        **{k: v for k, v in fields.items() if k != "existing"},
    }
    values["title"] = (values.get("title") or values.get("url") or "")[:500]
    return create_in(act, KINDS["source"], {**values, "organisation": organisation}, source=None)  # type: ignore[no-any-return]


def _person(
    act: Act,
    organisation: Organisation,
    defender: Defender | None,
    person: dict[str, Any],
    source: Source,
    quote: str,
) -> Defender:
    if defender is not None:
        act.require(Action.VIEW_CASE, defender)
        return defender
    return create_in(
        act,
        KINDS["defender"],
        {**person, "owner": organisation},  # type: ignore[no-any-return]
        source=source,
        quote=quote,
    )


def _record_event(act: Act, case: Case, data: dict[str, Any], cited: Source, quote: str) -> None:
    """An event of the case with its charges, at the public level unless ``data`` says otherwise."""
    event = create_in(
        act,
        KINDS["event"],
        {"visibility": Visibility.PUBLIC}
        | {k: v for k, v in data.items() if k != "charges"}
        | {"case": case},
        source=cited,
        quote=quote,
    )
    for charge in data.get("charges") or []:
        create_in(
            act,
            KINDS["charge"],
            {"visibility": Visibility.PUBLIC, **charge, "event": event},
            source=cited,
            quote=quote,
        )


def do_record_case(
    actor: Any,
    *,
    organisation: Organisation,
    defender: Defender | None,
    person: dict[str, Any],
    case: dict[str, Any],
    events: list[dict[str, Any]],
    source: dict[str, Any],
    quote: str = "",
    notes: list[dict[str, Any]] | None = None,
) -> Case:
    """Create a draft case of ``organisation`` for ``defender`` (or a new person from ``person``).

    ``events``: dicts of Event fields, each with an optional ``charges`` list of Charge fields;
    ``source``: Source fields (``url``, ``title``...) or ``{"existing": a Source}``;
    ``notes``: restricted SensitiveDetail fields (``kind``, ``text``) attached to the case.
    """
    with acting(actor, "case.record") as act:
        act.require(Action.CREATE_CASE, organisation)
        cited = _source(act, organisation, source, quote)
        who = _person(act, organisation, defender, person, cited, quote)
        made: Case = create_in(
            act,
            KINDS["case"],
            {**case, "defender": who, "owner": organisation},
            source=cited,
            quote=quote,
            workflow={"review_state": ReviewState.DRAFT},
        )
        for data in events:
            _record_event(act, made, data, cited, quote)
        for note in notes or []:
            create_in(
                act,
                KINDS["sensitive_detail"],
                {**note, "case": made, "visibility": Visibility.RESTRICTED},
                source=None,
            )
        act.audit(
            "case.record",
            made,
            source=cited,
            details={
                "defender": who.uid,
                "new_defender": defender is None,
                "events": len(events),
                "notes": len(notes or []),
            },
        )
    return made
