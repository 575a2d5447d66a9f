"""FollowTheMoney entities (JSON lines) so the record loads into Aleph and OpenSanctions tooling.

Built from the same visible record as every other export (``serialize.RecordSerializer``), so it
reads through the gate. Each entity is checked against the FtM model before it is written:
``EntityProxy.add()`` silently drops values it cannot clean, so raw data is validated first and a
value the model refuses stops the export with a clear error instead of vanishing.

Mapping: defender -> Person; case -> CourtCase + CourtCaseParty (defendant); timeline event ->
Event (involving the defender and the perpetrators); perpetrator -> Person or PublicBody (with a
Membership in its parent institution); source -> Article; evidence -> Documentation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from followthemoney import model
from followthemoney.exc import InvalidData

from hrdwatch.records.visibility import Viewer
from hrdwatch.vocab.models import Term

from .base import Exporter, register
from .serialize import RecordSerializer

Entity = dict[str, Any]
PERSON_TYPES = {"person", "judge", "prosecutor"}
GENDERS = {"male": "male", "female": "female", "non_binary": "other"}


class FtMError(ValueError):
    """An entity the FollowTheMoney model refuses."""


def check_entity(entity: Entity) -> Entity:
    """Raise FtMError unless every property exists in the schema, is valid and required ones are set."""
    schema = model.get(entity["schema"])
    if schema is None or schema.abstract:
        raise FtMError(f"{entity['id']}: unknown or abstract schema {entity['schema']!r}")
    properties = entity["properties"]
    unknown = sorted(set(properties) - set(schema.properties))
    missing = sorted(p for p in schema.required if not properties.get(p))
    if unknown or missing:
        raise FtMError(f"{entity['id']} ({schema.name}): unknown {unknown}, missing {missing}")
    try:
        schema.validate(entity)  # type: ignore[arg-type]
    except InvalidData as exc:
        raise FtMError(f"{entity['id']} ({schema.name}): {exc.errors}") from exc
    return entity


def _entity(schema: str, uid: str, **properties: Any) -> Entity:
    """An FtM entity dict; empty values are left out, single values become lists."""
    clean: dict[str, list[str]] = {}
    for name, value in properties.items():
        values = value if isinstance(value, list | tuple | set) else [value]
        values = [str(v) for v in values if v not in (None, "")]
        if values:
            clean[name] = sorted(set(values)) if len(values) > 1 else values
    return {"id": uid, "schema": schema, "properties": clean}


def _language(code: str) -> str | None:
    return model.get("Article").properties["language"].type.clean(code) if code else None  # type: ignore[union-attr]


class FtMBuilder:
    """Turns the serialized visible record into FtM entities."""

    def __init__(self, serializer: RecordSerializer) -> None:
        self.serializer = serializer
        self.labels = {(t.vocabulary, t.code): t.label_en for t in Term.objects.all()}
        self.header = serializer.header()
        self.source_urls = {s["uid"]: s["url"] for s in self.header["sources"]}

    def label(self, vocabulary: str, code: str | None) -> str:
        return self.labels.get((vocabulary, code or ""), code or "")

    def entities(self) -> Iterator[Entity]:
        yield from self.perpetrators()
        yield from self.articles()
        for defender in self.serializer.defenders():
            yield from self.defender(defender)

    def perpetrators(self) -> Iterator[Entity]:
        for p in self.header["perpetrators"]:
            ident = p.get("identifiers") or {}
            if p["perpetrator_type"] in PERSON_TYPES:
                yield _entity(
                    "Person",
                    p["uid"],
                    name=p["name"],
                    alias=p["name_original"],
                    country=p["country"].lower(),
                    position=p["position"],
                    birthDate=ident.get("birth_date"),
                    wikidataId=ident.get("wikidata"),
                    passportNumber=ident.get("passport"),
                    idNumber=ident.get("national_id"),
                    classification=self.label("perpetrator_type", p["perpetrator_type"]),
                )
                if p["parent"]:
                    yield _entity(
                        "Membership",
                        f"{p['uid']}-in-{p['parent']}",
                        member=p["uid"],
                        organization=p["parent"],
                        role=p["position"],
                    )
            else:
                yield _entity(
                    "PublicBody",
                    p["uid"],
                    name=p["name"],
                    alias=p["name_original"],
                    jurisdiction=p["country"].lower(),
                    country=p["country"].lower(),
                    wikidataId=ident.get("wikidata"),
                    parent=p["parent"],
                    classification=self.label("perpetrator_type", p["perpetrator_type"]),
                )

    def articles(self) -> Iterator[Entity]:
        for s in self.header["sources"]:
            yield _entity(
                "Article",
                s["uid"],
                title=s["title"],
                name=s["title"],
                sourceUrl=s["url"],
                publisher=s["publisher"],
                publishedAt=s["published"],
                language=_language(s["language"]),
                contentHash=s["content_hash"] if len(s["content_hash"] or "") == 40 else None,
            )

    def documentation(self, evidence: list[dict[str, Any]], entity_id: str) -> Iterator[Entity]:
        for e in evidence:
            if e["source"]:
                yield _entity(
                    "Documentation",
                    f"{e['uid']}-doc",
                    document=e["source"],
                    entity=entity_id,
                    role="evidence",
                    summary=e["quote"],
                )

    def defender(self, d: dict[str, Any]) -> Iterator[Entity]:
        person = d["uid"]
        yield _entity(
            "Person",
            person,
            name=d["display_name"],
            alias=[d["name_original_script"], *(n["name"] for n in d["names"])],
            gender=GENDERS.get(d["gender"] or ""),
            birthDate=d["birth_date"],
            nationality=(d["nationality"] or "").lower(),
            notes=d["biography"],
            position=[self.label("role", r) for r in d["roles"]],
        )
        yield from self.documentation(d["evidence"], person)
        for case in d["cases"]:
            yield from self.case(case, d)

    def case(self, c: dict[str, Any], d: dict[str, Any]) -> Iterator[Entity]:
        country = c["country"].lower()
        dates = [e["date"] for e in c["events"] if e["date"]]
        categories = {ch["category"] for e in c["events"] for ch in e["charges"]}
        sources = {ev["source"] for e in c["events"] for ev in e["evidence"] if ev["source"]}
        yield _entity(
            "CourtCase",
            c["uid"],
            name=f"{d['display_name']} ({c['country']})",
            country=country,
            status=self.label("case_status", c["status"]),
            fileDate=min(dates) if dates else None,
            category=[self.label("charge_category", x) for x in categories],
            summary=c["summary"],
            description=c["legal_basis"],
            sourceUrl=[self.source_urls.get(s) for s in sources],
        )
        yield _entity(
            "CourtCaseParty",
            f"{c['uid']}-defendant",
            case=c["uid"],
            party=d["uid"],
            role="defendant",
        )
        yield from self.documentation(c["evidence"], c["uid"])
        for e in c["events"]:
            involved = [
                d["uid"],
                *(p["perpetrator"] for p in e["perpetrators"] if p["perpetrator"]),
            ]
            yield _entity(
                "Event",
                e["uid"],
                name=f"{self.label('event_type', e['event_type'])}: {d['display_name']}",
                date=e["date"],
                country=country,
                location=e["place"],
                description=e["description"],
                summary=self.label("event_type", e["event_type"]),
                involved=involved,
                organizer=[p["perpetrator"] for p in e["perpetrators"] if p["perpetrator"]],
                keywords=[ch["wording"] for ch in e["charges"]],
            )
            yield from self.documentation(e["evidence"], e["uid"])


@register
class FtMExporter(Exporter):
    """FollowTheMoney entities as JSON lines, each validated against the FtM model."""

    format = "ftm"
    extension = "ftm.json"
    content_type = "application/x-ndjson"

    def write(self, viewer: Viewer, output: BinaryIO) -> int:
        count = 0
        for entity in FtMBuilder(RecordSerializer(viewer)).entities():
            check_entity(entity)
            output.write(json.dumps(entity, ensure_ascii=False, sort_keys=True).encode() + b"\n")
            count += 1
        return count
