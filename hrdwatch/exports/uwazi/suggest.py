"""Draft a mapping file from an Uwazi CSV export's headers and values, for a person to check.

Uwazi writes one column per property label of every exported template (``csvExporter``), so the
file does not say which template a column belongs to: a column is listed under the templates
whose rows fill it. Headers are matched to hrdwatch import columns by words in English, Spanish
and French; the values of coded columns (gender, status, role, charge category) are matched to
the default vocabularies' labels (rapidfuzz). Every guess is marked for checking; a value with
no match is left ``null``, never invented.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from hrdwatch.vocab.defaults import default_terms

from ..readers import read_csv_cells

# Uwazi's common columns as the exporter names them, in the languages hrdwatch speaks.
COMMON = {
    "title": ("Title", "Título", "Titre"),
    "creation_date": ("Date added", "Fecha de creación", "Date d'ajout"),
    "template": ("Template", "Plantilla", "Modèle"),
    "geolocation": ("Geolocation", "Geolocalización", "Géolocalisation"),
    "documents": ("Documents", "Documentos"),
    "attachments": ("Attachments", "Adjuntos", "Pièces jointes"),
    "published": ("Published", "Publicado", "Publié"),
}
# Words in a property label -> the hrdwatch import column it most likely feeds.
HEADER_WORDS: list[tuple[tuple[str, ...], str]] = [
    (("birth", "nacimiento", "naissance"), "birth_date"),
    (("arrest", "detenci", "arrestation"), "arrest_date"),
    (("place of detention", "lugar de detenci", "lieu de détention", "prison"), "detention_place"),
    (("sentence", "condena", "peine"), "sentence_months"),
    (("release", "liberaci", "libération"), "release_date"),
    (("charge", "cargo", "delito", "accusation"), "charges"),
    (("status", "estado", "statut", "situación"), "status"),
    (("gender", "género", "genre", "sex"), "gender"),
    (("occupation", "profession", "profesión", "role", "rol"), "roles"),
    (("nationality", "nacionalidad", "nationalité"), "nationality"),
    (("country", "país", "pays"), "country"),
    (("source", "fuente", "link", "enlace"), "source_url"),
    (("summary", "resumen", "résumé", "description", "descripción"), "summary"),
    (("organi", "affiliation"), "affiliations"),
]
DAY_MONTH = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$")
CODED = {"gender": "gender", "status": "case_status", "roles": "role", "charges": "charge_category"}
DEFENDER_WORDS = ("defender", "defensor", "défenseur", "person", "persona", "victim", "víctima")
CASE_WORDS = ("case", "caso", "affaire", "detention", "detención")


def _common_name(header: str) -> str:
    for name, labels in COMMON.items():
        if header.strip() in labels:
            return name
    return ""


def _field_for(label: str) -> str | None:
    lowered = label.lower()
    for words, field in HEADER_WORDS:
        if any(word in lowered for word in words):
            return field
    return None


def _creates(template: str) -> str | None:
    lowered = template.lower()
    if any(word in lowered for word in DEFENDER_WORDS):
        return "defender"
    if any(word in lowered for word in CASE_WORDS):
        return "case"
    return None


def _value_guess(value: str, vocabulary: str) -> str | None:
    """The default term whose label (in any language) or code best matches, if close enough."""
    choices = {
        f"{code}\t{label}": code
        for code, labels in default_terms().get(vocabulary, {}).items()
        for label in [code.replace("_", " "), *labels[:3]]
    }
    for part in reversed(value.split("::")):  # a thesaurus child, then its parent group
        best = process.extractOne(
            part.lower(),
            list(choices),
            scorer=fuzz.WRatio,
            processor=lambda s: s.split("\t")[-1].lower(),
        )
        if best and best[1] >= 86:
            return choices[best[0]]
    return None


def _date_format(cells: list[str]) -> str:
    """dd/MM/yyyy unless a value shows the month first (a first number over 12 means days first)."""
    pairs = [DAY_MONTH.match(cell) for cell in cells]
    firsts = [int(m.group(1)) for m in pairs if m]
    seconds = [int(m.group(2)) for m in pairs if m]
    if not firsts:
        return "yyyy-MM-dd"
    return "MM/dd/yyyy" if max(seconds) > 12 >= max(firsts) else "dd/MM/yyyy"


def suggest_mapping(path: Path) -> dict[str, Any]:
    """The draft mapping of an Uwazi export: templates, their columns and coded values."""
    rows = [cells for _, cells in read_csv_cells(path)]
    header, body = rows[0], rows[1:]
    common = {_common_name(h): i for i, h in enumerate(header) if _common_name(h)}
    template_at = common.get("template", 2)
    counts: Counter[str] = Counter(row[template_at] for row in body if len(row) > template_at)
    filled: dict[str, list[int]] = defaultdict(list)
    values: dict[int, Counter[str]] = defaultdict(Counter)
    for row in body:
        for index, cell in enumerate(row):
            if cell.strip() and index not in common.values():
                template = row[template_at]
                if index not in filled[template]:
                    filled[template].append(index)
                values[index].update(part for part in cell.split("|") if part)
    title_at = common.get("title", 0)
    titles = {row[title_at]: row[template_at] for row in body if len(row) > template_at}
    templates = {}
    for template, rows_count in counts.most_common():
        columns: dict[str, Any] = {
            header[common.get("title", 0)]: "display_name"
            if _creates(template) == "defender"
            else None
        }
        for index in sorted(filled[template]):
            related = {titles.get(value) for value in values[index]}
            if None not in related:  # every value is another entity's title: a relationship
                columns[header[index]] = "link to " + " or ".join(sorted(str(t) for t in related))
            else:
                columns[header[index]] = _field_for(header[index])
        templates[template] = {
            "rows": rows_count,
            "creates": _creates(template),
            "columns": columns,
        }
    vocabulary: dict[str, dict[str, str | None]] = {}
    for index in sorted(values):
        field = _field_for(header[index])
        if field in CODED:
            vocabulary[header[index]] = {
                value: _value_guess(value, CODED[field]) for value in sorted(values[index])
            }
    return {
        "format": "uwazi-csv",
        "file": path.name,
        "date_format": _date_format([cell for row in body for cell in row]),
        "templates": templates,
        "values": vocabulary,
    }


HEAD = """\
# Draft mapping for an Uwazi CSV export, made by:
#   hrdwatch import --from uwazi {file} --suggest-mapping
# Every value below is a guess from the headers and cells: check each one.
# - date_format: the Uwazi instance's date format (Settings > Collection); it is not in the file.
# - templates: what each Uwazi template becomes (defender, case, or null to skip it), and the
#   hrdwatch import column each Uwazi property feeds (null: not imported). Relationship columns
#   name the related entity by its title.
# - values: each value of a coded column and the hrdwatch code it means; null values are
#   reported as unknown at import, never created.
"""


def render(mapping: dict[str, Any]) -> str:
    """The mapping as commented YAML, in file order."""
    text = yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False, width=100)
    return HEAD.format(file=mapping["file"]) + text
