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


class _Builder:
    """Collects defenders, their cases and the sources they cite, entity by entity."""

    def __init__(
        self, export: UwaziExport, mapping: Mapping, converter: Converter, visibility: str
    ) -> None:
        self.export, self.mapping, self.converter = export, mapping, converter
        self.visibility = visibility
        self.defenders: dict[str, dict[str, Any]] = {}
        self.locations: dict[str, str] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.pending_cases: list[tuple[UwaziRow, dict[str, Any]]] = []
        self.skipped: dict[str, int] = {}

    def read(self, row: UwaziRow) -> None:
        template = self.mapping.templates.get(row.template)
        if template is None or template.record == "skip":
            self.skipped[row.template] = self.skipped.get(row.template, 0) + 1
            return
        values = self.converter.values(row, template.columns)
        if template.record == "defender":
            self._add_defender(row.title, _defender(row, values, self.visibility), row)
            if CASE_FIELDS & values.keys() or values.get("arrest_date"):
                self.pending_cases.append((row, {**values, "defender": [row.title]}))
        else:
            self.pending_cases.append((row, values))
        if values.get("source"):
            url, title = values["source"]["url"], values["source"]["title"]
            self.sources[url] = {
                "uid": _source_uid(url), "external_id": f"url:{url}", "url": url,
                "title": title, "visibility": self.visibility,
            }  # fmt: skip

    def _add_defender(self, name: str, defender: dict[str, Any], row: UwaziRow) -> None:
        self.defenders[name] = defender
        self.locations[name] = f"{self.export.path.name} line {row.line}"

    def attach(self, row: UwaziRow, values: dict[str, Any]) -> None:
        """The case of one entity, on each defender it names (a person met only here is added)."""
        if not values.get("status"):
            columns = self.mapping.templates[row.template].columns
            status = next((c for c, f in columns.items() if f == "status"), "(none)")
            self.converter.errors.append(
                f"{self.export.path.name} line {row.line}, column {status!r}: "
                "a case needs a known status; the case was left out (the defender is kept)"
            )
            return
        names = values.get("defender") or [row.title]
        for number, name in enumerate(names):
            if name not in self.defenders:
                person = _defender(row, {}, self.visibility)
                person.update({"external_id": f"uwazi:{name}", "display_name": name})
                self._add_defender(name, person, row)
            suffix = f" ({number + 1})" if len(names) > 1 else ""
            self.defenders[name]["cases"].append(_case(row, values, self.visibility, suffix))

    def conversion(self) -> Conversion:
        people = list(self.defenders.values())
        document: dict[str, Any] = {
            "format": FORMAT_NAME, "sources": list(self.sources.values()), "defenders": people,
        }  # fmt: skip
        cases = sum(len(person["cases"]) for person in people)
        return Conversion(
            document=document,
            locations=list(self.locations.values()),
            errors=self.converter.errors,
            skipped_templates=self.skipped,
            counts={"defenders": len(people), "cases": cases, "sources": len(self.sources)},
        )


def build(
    export: UwaziExport, mapping: Mapping, date_format: str, visibility: str = "partners"
) -> Conversion:
    """The document for every entity of a mapped template; other templates are counted apart."""
    builder = _Builder(export, mapping, Converter(export, mapping, date_format), visibility)
    for row in export.rows:
        builder.read(row)
    for row, values in builder.pending_cases:
        builder.attach(row, values)
    return builder.conversion()
