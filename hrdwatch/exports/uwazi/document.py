"""Building the interchange document from the converted values of each entity."""

from __future__ import annotations

from typing import Any

from hrdwatch.exports.spec import FORMAT_NAME
from hrdwatch.records.base import new_uid

from .convert import DEFENDER_FIELDS, Conversion, Converter
from .export_file import UwaziExport, UwaziRow
from .mapping import Mapping

CASE_FIELDS = {"country", "region", "city", "status", "authorities", "summary", "wgad_categories"}


def _defender(row: UwaziRow, values: dict[str, Any], visibility: str) -> dict[str, Any]:
    data = {name: values[name] for name in DEFENDER_FIELDS & values.keys() if name != "other_names"}
    data.setdefault("display_name", row.title)
    return {
        "external_id": f"uwazi:{row.title}",
        **data,
        "visibility": visibility,
        "names": [{"name": n, "visibility": visibility} for n in values.get("other_names", [])],
        "cases": [],
    }


def _events(case_id: str, values: dict[str, Any], visibility: str) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []

    def event(kind: str, date: str = "", **extra: Any) -> None:
        events.append(
            {
                "external_id": f"{case_id}:{kind}",
                "event_type": kind,
                "date": date,
                "visibility": visibility,
                **extra,
            }
        )

    if values.get("arrest_date") or values.get("arrest_place"):
        event("arrest", values.get("arrest_date", ""), place=values.get("arrest_place", ""))
    if values.get("detention_place"):
        event("detention", "", place=values["detention_place"])
    if values.get("charges"):
        event(
            "charge",
            "",
            charges=[
                {
                    "wording": wording,
                    "legal_provision": values.get("legal_provision", ""),
                    "category": values.get("charge_category", "other"),
                    "visibility": visibility,
                }
                for wording in values["charges"]
            ],
        )
    if values.get("sentence_date") or values.get("sentence_months"):
        months = values.get("sentence_months", "")
        event(
            "sentence",
            values.get("sentence_date", ""),
            sentence_months=str(int(float(months))) if months else "",
            sentence_kind="term" if months else "",
        )
    if values.get("release_date"):
        event("release", values["release_date"])
    return events


def _case(row: UwaziRow, values: dict[str, Any], visibility: str, suffix: str) -> dict[str, Any]:
    case_id = f"uwazi-case:{row.title}{suffix}"
    case = {name: values[name] for name in CASE_FIELDS & values.keys()}
    case.update(
        {
            "external_id": case_id,
            "visibility": visibility,
            "events": _events(case_id, values, visibility),
        }
    )
    if values.get("source"):
        case["evidence"] = [
            {"source": _source_uid(values["source"]["url"]), "visibility": visibility}
        ]
    return case


def _source_uid(url: str) -> str:
    return new_uid("src", f"url:{url}", "Source")


def build(
    export: UwaziExport, mapping: Mapping, date_format: str, visibility: str = "partners"
) -> Conversion:
    """The document for every entity of a mapped template; other templates are counted apart."""
    converter = Converter(export, mapping, date_format)
    defenders: dict[str, dict[str, Any]] = {}
    locations: dict[str, str] = {}
    sources: dict[str, dict[str, Any]] = {}
    pending_cases: list[tuple[UwaziRow, dict[str, Any]]] = []
    skipped: dict[str, int] = {}
    for row in export.rows:
        template = mapping.templates.get(row.template)
        if template is None or template.record == "skip":
            skipped[row.template] = skipped.get(row.template, 0) + 1
            continue
        values = converter.values(row, template.columns)
        if template.record == "defender":
            defenders[row.title] = _defender(row, values, visibility)
            locations[row.title] = f"{export.path.name} line {row.line}"
            if CASE_FIELDS & values.keys() or values.get("arrest_date"):
                pending_cases.append((row, {**values, "defender": [row.title]}))
        else:
            pending_cases.append((row, values))
        if values.get("source"):
            source = values["source"]
            sources[source["url"]] = {
                "uid": _source_uid(source["url"]),
                "external_id": f"url:{source['url']}",
                "url": source["url"],
                "title": source["title"],
                "visibility": visibility,
            }
    for row, values in pending_cases:
        if not values.get("status"):
            status_columns = [
                c for c, f in mapping.templates[row.template].columns.items() if f == "status"
            ]
            converter.errors.append(
                f"{export.path.name} line {row.line}, column {(status_columns or ['(none)'])[0]!r}: "
                "a case needs a known status; the case was left out (the defender is kept)"
            )
            continue
        names = values.get("defender") or [row.title]
        for number, name in enumerate(names):
            if name not in defenders:
                defenders[name] = _defender(row, {}, visibility) | {
                    "external_id": f"uwazi:{name}",
                    "display_name": name,
                }
                locations[name] = f"{export.path.name} line {row.line}"
            suffix = f" ({number + 1})" if len(names) > 1 else ""
            defenders[name]["cases"].append(_case(row, values, visibility, suffix))
    order = list(defenders)
    people = [defenders[name] for name in order]
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "sources": list(sources.values()),
        "defenders": people,
    }
    cases = sum(len(person["cases"]) for person in people)
    return Conversion(
        document=document,
        locations=[locations[name] for name in order],
        errors=converter.errors,
        skipped_templates=skipped,
        counts={"defenders": len(order), "cases": cases, "sources": len(sources)},
    )
