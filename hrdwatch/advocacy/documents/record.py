"""One case as the documents need it, read through the gate: events, charges, perpetrators, sources."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import translation

from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_human
from hrdwatch.records.models import Case, Event, Evidence
from hrdwatch.records.visibility import Gate

from .model import Document

START_TYPES = (
    "arrest",
    "detention",
    "incommunicado_detention",
    "enforced_disappearance",
    "house_arrest",
)


def human_date(date: object, precision: str, language: str) -> str:
    with translation.override(language):
        return format_partial_human(date, precision)  # type: ignore[arg-type]


def events_for(gate: Gate) -> object:
    """Visible events with what the documents print about them, visible parts only."""
    return (
        gate.events()
        .select_related("event_type", "place_of_detention", "case__defender")
        .prefetch_related(
            Prefetch("charges", gate.charges().select_related("category")),
            Prefetch(
                "perpetrator_links", gate.perpetrator_links().select_related("perpetrator", "role")
            ),
            Prefetch("evidence", gate.evidence().select_related("source")),
        )
        .order_by("date", "pk")
    )


@dataclass
class CaseRecord:
    """A visible case, its visible timeline and a citation number for each visible source."""

    gate: Gate
    case: Case
    doc: Document
    events: list[Event] = field(default_factory=list)
    field_evidence: dict[str, list[Evidence]] = field(default_factory=dict)

    @classmethod
    def load(cls, gate: Gate, case_uid: str, doc: Document) -> CaseRecord:
        case = gate.cases().select_related("defender__gender", "status", "owner").get(uid=case_uid)
        record = cls(gate, case, doc)
        record.events = list(events_for(gate).filter(case=case))  # type: ignore[attr-defined]
        by_field: dict[str, list[Evidence]] = defaultdict(list)
        for evidence in (
            gate.evidence().filter(case=case, event__isnull=True).select_related("source")
        ):
            by_field[evidence.field or ""].append(evidence)
        record.field_evidence = dict(by_field)
        return record

    def cite_event(self, event: Event | None) -> list[int]:
        if event is None:
            return []
        return sorted({self.doc.cite(e.source) for e in event.evidence.all()})

    def cite_field(self, name: str) -> list[int]:
        return sorted({self.doc.cite(e.source) for e in self.field_evidence.get(name, [])})

    def of_type(self, *codes: str) -> list[Event]:
        return [e for e in self.events if e.event_type.code in codes]

    @property
    def first_arrest(self) -> Event | None:
        starts = self.of_type(*START_TYPES)
        return starts[0] if starts else None

    def perpetrators(
        self, *roles: str, events: list[Event] | None = None
    ) -> list[tuple[str, Event]]:
        """(name, event) of perpetrators in the given roles, in timeline order, without repeats."""
        seen: dict[str, Event] = {}
        for event in events if events is not None else self.events:
            for link in event.perpetrator_links.all():
                if link.role.code in roles and link.perpetrator.name not in seen:
                    seen[link.perpetrator.name] = event
        return list(seen.items())

    def place_of(self, event: Event) -> str:
        parts = [event.place_of_detention.name if event.place_of_detention else "", event.place]
        text = ", ".join(dict.fromkeys(p for p in parts if p))
        return text or ", ".join(
            p for p in (self.case.city, country_name(self.case.country, self.doc.language)) if p
        )
