"""A targeted-sanctions (Magnitsky-style) dossier on one perpetrator: the evidence a government needs.

Gathers every visible abuse the perpetrator is linked to (date, place, victim, their role, what
happened, sources), who they are (position, institution, identifiers), and the regimes it could
be filed under (``regimes.yaml``). It is a draft: a person checks it before it goes anywhere.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from hrdwatch.core.countries import country_name
from hrdwatch.records.models import Defender, Event, Perpetrator
from hrdwatch.records.visibility import Gate, Viewer

from .labels import Labels
from .model import Document, FieldRow, Paragraph, Table
from .record import events_for, human_date

LANGUAGE = "en"


@cache
def regimes() -> list[dict[str, Any]]:
    with (Path(__file__).with_name("regimes.yaml")).open(encoding="utf-8") as handle:
        return list(yaml.safe_load(handle))


def _chain(perpetrator: Perpetrator, visible: set[int]) -> list[str]:
    """The institutions above the perpetrator that the viewer may see, nearest first."""
    names, current, seen = [], perpetrator.parent, set()
    while current is not None and current.pk in visible and current.pk not in seen:
        seen.add(current.pk)
        names.append(current.name)
        current = current.parent
    return names


def build_sanctions(perpetrator_uid: str, viewer: Viewer) -> Document:
    """The dossier for one perpetrator (raises Perpetrator.DoesNotExist when not visible)."""
    gate = Gate(viewer)
    perpetrator = (
        gate.perpetrators().select_related("perpetrator_type", "parent").get(uid=perpetrator_uid)
    )
    doc = Document(
        title=f"Targeted sanctions dossier: {perpetrator.name}",
        subtitle="Serious human rights violations against human rights defenders",
        banner="DRAFT prepared from the hrdwatch record: to be checked by a person before submission",
        language=LANGUAGE,
        meta={"perpetrator": perpetrator_uid, "kind": "sanctions"},
    )
    links = list(
        gate.perpetrator_links().filter(perpetrator=perpetrator).select_related("role", "event")
    )
    roles_by_event: dict[int, list[str]] = {}
    for link in links:
        roles_by_event.setdefault(link.event_id, []).append(link.role.label(LANGUAGE))
    events = list(events_for(gate).filter(pk__in=roles_by_event).select_related("case__status"))  # type: ignore[attr-defined]
    victims = {e.case.defender_id: e.case.defender for e in events}
    _subject(doc, perpetrator, gate)
    _summary(doc, events, victims)
    _abuses(doc, events, roles_by_event)
    _victims(doc, events, victims)
    regime_section = doc.section("5. Regimes this dossier could be filed under")
    for regime in regimes():
        regime_section.add(
            FieldRow(
                regime["name"],
                f"Legal basis: {regime['legal_basis']}\nTargets: {regime['criteria']}\n"
                f"Submit to: {regime['submit_to']}",
            )
        )
    return doc


def _subject(doc: Document, perpetrator: Perpetrator, gate: Gate) -> None:
    """Who the perpetrator is: names, position, the institutions above, members, identifiers."""
    subject = doc.section("1. Subject")
    subject.add(FieldRow("Name", perpetrator.name))
    if perpetrator.name_original:
        subject.add(FieldRow("Name in original script", perpetrator.name_original))
    subject.add(FieldRow("Type", perpetrator.perpetrator_type.label(LANGUAGE)))
    if perpetrator.position:
        subject.add(FieldRow("Position", perpetrator.position))
    chain = _chain(perpetrator, set(gate.perpetrators().values_list("pk", flat=True)))
    if chain:
        subject.add(FieldRow("Institution", " › ".join(chain)))
    subject.add(FieldRow("Country", country_name(perpetrator.country, LANGUAGE)))
    members = gate.perpetrators().filter(parent=perpetrator)
    if members:
        subject.add(
            FieldRow(
                "Members or units",
                "; ".join(f"{m.name} ({m.position})" if m.position else m.name for m in members),
            )
        )
    identifiers = perpetrator.identifiers or {}
    if identifiers:
        subject.add(
            Table(
                ["Identifier", "Value"],
                [[k.replace("_", " "), str(v)] for k, v in identifiers.items()],
                caption="Identifiers known",
            )
        )
    else:
        subject.add(
            FieldRow(
                "Identifiers",
                "[To be completed: date of birth, passport or ID numbers]",
                placeholder=True,
            )
        )


def _summary(doc: Document, events: list[Event], victims: dict[int, Defender]) -> None:
    dated = sorted(e.date for e in events if e.date)
    summary = doc.section("2. Summary")
    summary.add(FieldRow("Abuses documented", str(len(events))))
    summary.add(
        FieldRow(
            "Victims",
            f"{len(victims)}: " + "; ".join(sorted(v.display_name for v in victims.values())),
        )
    )
    if dated:
        summary.add(FieldRow("Period", f"{dated[0].isoformat()} – {dated[-1].isoformat()}"))


def _abuse_row(doc: Document, event: Event, roles: list[str], t: Labels) -> list[str]:
    refs = "".join(f" [{doc.cite(e.source)}]" for e in event.evidence.all())
    sentence = f" ({t('months', n=event.sentence_months)})" if event.sentence_months else ""
    place = ", ".join(
        x
        for x in (
            event.place_of_detention.name if event.place_of_detention else "",
            event.place,
            country_name(event.case.country, LANGUAGE),
        )
        if x
    )
    return [
        human_date(event.date, event.date_precision, LANGUAGE),
        place,
        event.case.defender.display_name,
        "; ".join(roles),
        f"{event.event_type.label(LANGUAGE)}{sentence}: {event.description}".strip() + refs,
    ]


def _abuses(doc: Document, events: list[Event], roles_by_event: dict[int, list[str]]) -> None:
    abuses = doc.section("3. Linked abuses")
    t = Labels(LANGUAGE)
    rows = [_abuse_row(doc, event, roles_by_event[event.pk], t) for event in events]
    if rows:
        abuses.add(Table(["Date", "Place", "Victim", "Role of the subject", "What happened"], rows))
    else:
        abuses.add(
            Paragraph("No visible abuse is linked to this perpetrator yet.", placeholder=True)
        )


def _victims(doc: Document, events: list[Event], victims: dict[int, Defender]) -> None:
    victim_section = doc.section("4. Victims")
    for defender in sorted(victims.values(), key=lambda d: d.display_name):
        cases = [e.case for e in events if e.case.defender_id == defender.pk]
        roles = ", ".join(r.label(LANGUAGE) for r in defender.roles.all())
        status = cases[0].status.label(LANGUAGE) if cases else ""
        victim_section.add(
            FieldRow(defender.display_name, "; ".join(x for x in (roles, status) if x))
        )
