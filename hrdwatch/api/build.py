"""Records as API data for one viewer: every queryset and every related row comes from the gate."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language

from hrdwatch.core.countries import country_name
from hrdwatch.core.dates import format_partial_iso
from hrdwatch.records.models import Case, Defender, Event
from hrdwatch.records.status import days_detained
from hrdwatch.records.visibility import Gate
from hrdwatch.vocab.models import Term


def term(value: Term | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {"code": value.code, "label": value.label(get_language())}


def partial(date: Any, precision: str) -> str | None:
    return format_partial_iso(date, precision) or None


class ApiBuilder:
    """Querysets with what each shape needs prefetched through the gate, and the dicts themselves."""

    def __init__(self, gate: Gate) -> None:
        self.gate = gate

    @cached_property
    def visible_places(self) -> set[int]:
        return set(self.gate.places().values_list("pk", flat=True))

    # -- querysets ---------------------------------------------------------------------------
    def events(self) -> QuerySet[Event]:
        gate = self.gate
        return (
            gate.events()
            .select_related("event_type", "place_of_detention", "case")
            .prefetch_related(
                Prefetch("charges", gate.charges().select_related("category")),
                Prefetch(
                    "perpetrator_links",
                    gate.perpetrator_links().select_related(
                        "perpetrator__perpetrator_type", "role"
                    ),
                ),
                Prefetch("evidence", gate.evidence().select_related("source")),
            )
        )

    def cases(self) -> QuerySet[Case]:
        return self.gate.cases().select_related("defender", "status")

    def case_detail(self) -> QuerySet[Case]:
        gate = self.gate
        return (
            self.cases()
            .select_related("derived_status")
            .prefetch_related(
                "wgad_categories",
                Prefetch("events", self.events()),
                Prefetch("interventions", gate.interventions().select_related("intervention_type")),
            )
        )

    def defenders(self) -> QuerySet[Defender]:
        return self.gate.defenders().select_related("gender").prefetch_related("roles")

    def defender_detail(self) -> QuerySet[Defender]:
        gate = self.gate
        return self.defenders().prefetch_related(
            "areas_of_work",
            Prefetch("names", gate.names()),
            Prefetch("cases", self.cases()),
        )

    # -- dicts -------------------------------------------------------------------------------
    def case_summary(self, case: Case) -> dict[str, Any]:
        return {
            "uid": case.uid,
            "defender": {"uid": case.defender.uid, "display_name": case.defender.display_name},
            "country": case.country,
            "country_name": country_name(case.country),
            "status": term(case.status),
            "arrest_date": partial(case.arrest_date, case.arrest_date_precision),
            "release_date": case.release_date.isoformat() if case.release_date else None,
            "days_in_detention": days_detained(case),
            "is_fictional": case.is_fictional,
        }

    def case(self, case: Case) -> dict[str, Any]:
        data = self.case_summary(case)
        language = get_language() or "en"
        data.update(
            {
                field: case.translated(field, language)
                if field == "summary"
                else getattr(case, field)
                for field in (
                    "region",
                    "city",
                    "authorities",
                    "arresting_forces",
                    "arrest_warrant_shown",
                    "reasons_given",
                    "legal_basis",
                    "detention_conditions",
                    "wgad_reasoning",
                    "domestic_remedies",
                    "summary",
                )
            }
        )
        data["derived_status"] = term(case.derived_status)
        data["wgad_categories"] = [term(t) for t in case.wgad_categories.all()]
        data["events"] = [self.event(e) for e in case.events.all()]
        data["interventions"] = [
            {
                "uid": i.uid,
                "intervention_type": term(i.intervention_type),
                "date": partial(i.date, i.date_precision),
                "title": i.title,
                "description": i.description,
                "outcome": i.outcome,
                "url": i.url,
            }
            for i in case.interventions.all()
        ]
        return data

    def event(self, event: Event) -> dict[str, Any]:
        place = event.place_of_detention
        visible_place = place is not None and place.pk in self.visible_places
        sources = {e.source.uid: e.source for e in event.evidence.all()}
        return {
            "uid": event.uid,
            "case": event.case.uid,
            "event_type": term(event.event_type),
            "date": partial(event.date, event.date_precision),
            "date_precision": event.date_precision,
            "certainty": event.certainty,
            "place": event.place,
            "place_of_detention": (
                {
                    "uid": place.uid,
                    "name": place.name,
                    "kind": place.kind,
                    "country": place.country,
                    "city": place.city,
                }
                if place is not None and visible_place
                else None
            ),
            "description": str(
                event.translations.get(get_language() or "en", {}).get("description")
                or event.description
            ),
            "sentence_kind": event.sentence_kind,
            "sentence_months": event.sentence_months,
            "charges": [
                {
                    "wording": c.wording,
                    "legal_provision": c.legal_provision,
                    "category": term(c.category),
                }
                for c in event.charges.all()
            ],
            "perpetrators": [
                {
                    "uid": link.perpetrator.uid,
                    "name": link.perpetrator.name,
                    "type": term(link.perpetrator.perpetrator_type),
                    "role": term(link.role),
                }
                for link in event.perpetrator_links.all()
            ],
            "sources": [
                {
                    "uid": s.uid,
                    "title": s.title,
                    "url": s.url,
                    "publisher": s.publisher,
                    "published": s.published.isoformat() if s.published else None,
                }
                for s in sources.values()
            ],
        }

    def defender_summary(self, defender: Defender) -> dict[str, Any]:
        return {
            "uid": defender.uid,
            "display_name": defender.display_name,
            "name_original_script": defender.name_original_script,
            "gender": term(defender.gender),
            "nationality": defender.nationality,
            "roles": [term(t) for t in defender.roles.all()],
            "is_fictional": defender.is_fictional,
        }

    def defender(self, defender: Defender) -> dict[str, Any]:
        data = self.defender_summary(defender)
        language = get_language() or "en"
        data.update(
            {
                "names": [
                    {"name": n.name, "script": n.script, "language": n.language}
                    for n in defender.names.all()
                ],
                "birth_date": partial(defender.birth_date, defender.birth_date_precision),
                "areas_of_work": [term(t) for t in defender.areas_of_work.all()],
                "affiliations": defender.affiliations,
                "biography": defender.translated("biography", language),
                "photo_url": defender.photo.url if self.gate.may_see_photo(defender) else None,
                "cases": [self.case_summary(c) for c in defender.cases.all()],
            }
        )
        return data
