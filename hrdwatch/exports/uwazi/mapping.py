"""The mapping file: which Uwazi template is a defender or a case, which column is which field.

    date_format: dd/MM/yyyy          # the Uwazi instance's date format (--date-format overrides)
    templates:
      Human rights defender:         # a value of the Template column
        record: defender             # defender, case, or skip (not imported)
        columns:                     # column label -> hrdwatch field (see TARGETS), or ignore
          Gender: gender
          Date of arrest: arrest_date
      Detention:
        record: case
        columns:
          Detained person: defender  # a relationship column naming the defender's entity
    values:                          # optional: thesaurus labels -> vocabulary codes
      gender: {Hombre: male}

``suggest`` drafts this file from an export's headers, for a person to check.
"""

from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .export_file import UwaziExport

RECORDS = ("defender", "case", "skip")
# hrdwatch field -> (what it is, vocabulary for thesaurus values or "")
TARGETS: dict[str, tuple[str, str]] = {
    "display_name": ("the defender's name (default: the entity's title)", ""),
    "name_original_script": ("the name in its original script", ""),
    "other_names": ("other names and spellings (multiple values)", ""),
    "gender": ("gender (thesaurus)", "gender"),
    "birth_date": ("date of birth", ""),
    "nationality": ("nationality (country)", ""),
    "roles": ("roles or professions (thesaurus, multiple)", "role"),
    "areas_of_work": ("areas of work (thesaurus, multiple)", "area_of_work"),
    "affiliations": ("organisations the defender works with", ""),
    "biography": ("biography", ""),
    "defender": ("on a case template: the relationship naming the defender's entity", ""),
    "country": ("detaining country", ""),
    "region": ("region or province", ""),
    "city": ("city", ""),
    "status": ("case status (thesaurus)", "case_status"),
    "authorities": ("authorities responsible", ""),
    "summary": ("summary of the case", ""),
    "wgad_categories": ("WGAD categories (I, II, III, IV, V)", "wgad_category"),
    "arrest_date": ("date of arrest (a date range: its start)", ""),
    "arrest_place": ("where the arrest happened", ""),
    "detention_place": ("place of detention", ""),
    "charges": ("charges as worded (multiple values)", ""),
    "charge_category": ("charge category (thesaurus)", "charge_category"),
    "legal_provision": ("article(s) of law invoked", ""),
    "sentence_date": ("date of the sentence", ""),
    "sentence_months": ("prison term in months (numeric)", ""),
    "release_date": ("date of release", ""),
    "source": ("a link (label|url) or URL of a source", ""),
    "ignore": ("not imported", ""),
}
# Words in a column label that suggest a field, in English, French and Spanish (folded, no accents).
HINTS: list[tuple[tuple[str, ...], str]] = [
    (("original script", "escritura original", "ecriture originale"), "name_original_script"),
    (("other name", "alias", "otros nombres", "autres noms"), "other_names"),
    (("gender", "sex", "genero", "sexo", "genre"), "gender"),
    (("birth", "nacimiento", "naissance"), "birth_date"),
    (("nationality", "nacionalidad", "nationalite"), "nationality"),
    (("profession", "occupation", "role", "profesion", "ocupacion", "rol", "metier"), "roles"),
    (("area of work", "areas of work", "ambito", "domaine"), "areas_of_work"),
    (("affiliation", "organization", "organisation", "organizacion"), "affiliations"),
    (("biography", "biografia", "biographie"), "biography"),
    (
        ("person", "defender", "victim", "persona", "defensor", "victima", "personne", "defenseur"),
        "defender",
    ),
    (("region", "province", "provincia", "state", "estado/provincia"), "region"),
    (("city", "ciudad", "ville"), "city"),
    (("status", "situation", "estado", "statut"), "status"),
    (("authorit", "autoridad", "autorite"), "authorities"),
    (("summary", "description", "resumen", "descripcion", "resume"), "summary"),
    (("wgad", "gtdA", "gtda"), "wgad_categories"),
    (
        (
            "place of detention",
            "detention place",
            "prison",
            "lugar de detencion",
            "lieu de detention",
        ),
        "detention_place",
    ),
    (
        ("place of arrest", "arrest place", "lugar de la detencion", "lugar del arresto"),
        "arrest_place",
    ),
    (("arrest", "detention date", "detencion", "arresto", "arrestation"), "arrest_date"),
    (("charge category", "categoria del cargo", "categorie"), "charge_category"),
    (("charge", "cargo", "accusation", "delito"), "charges"),
    (("article", "legal provision", "articulo", "disposicion"), "legal_provision"),
    (("sentence length", "months", "meses", "mois", "condena (meses)"), "sentence_months"),
    (("sentence", "sentencia", "condena", "peine"), "sentence_date"),
    (("release", "liberacion", "liberation", "excarcelacion"), "release_date"),
    (("source", "link", "url", "fuente", "enlace", "lien"), "source"),
    (("country", "pais", "pays"), "country"),
]


class MappingError(ValueError):
    """The mapping file is wrong; the message names the place in it and what is accepted."""


@dataclass
class TemplateMapping:
    record: str
    columns: dict[str, str] = field(default_factory=dict)


@dataclass
class Mapping:
    templates: dict[str, TemplateMapping]
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    date_format: str = "yyyy-MM-dd"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _template(name: str, data: Any, where: str) -> TemplateMapping:
    if not isinstance(data, dict):
        raise MappingError(f"{where}: expected 'record:' and 'columns:' under template {name!r}")
    record = data.get("record")
    if record not in RECORDS:
        raise MappingError(f"{where}.record: {record!r} (accepted: {', '.join(RECORDS)})")
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise MappingError(f"{where}.columns: expected 'column label: field' lines")
    for column, target in columns.items():
        if target not in TARGETS:
            raise MappingError(
                f"{where}.columns.{column!r}: unknown field {target!r} "
                f"(accepted: {', '.join(TARGETS)})"
            )
    return TemplateMapping(record=record, columns={str(k): str(v) for k, v in columns.items()})


def load_mapping(path: Path) -> Mapping:
    """Read and check a mapping file; every mistake names where it is and what is accepted."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("templates"), dict):
        raise MappingError(f"{path}: expected a 'templates:' section (see docs/import-export.md)")
    templates = {
        str(name): _template(str(name), body, f"{path.name}: templates.{name!r}")
        for name, body in data["templates"].items()
    }
    values = data.get("values") or {}
    if not isinstance(values, dict) or not all(isinstance(v, dict) for v in values.values()):
        raise MappingError(f"{path.name}: values: expected 'vocabulary: {{label: code}}' sections")
    return Mapping(
        templates=templates,
        values={str(k): {fold(str(a)): str(b) for a, b in v.items()} for k, v in values.items()},
        date_format=str(data.get("date_format") or "yyyy-MM-dd"),
    )


def guess_target(label: str) -> str:
    """The field a column label most likely holds, or ``ignore``."""
    folded = fold(label)
    for words, target in HINTS:
        if any(word in folded for word in words):
            return target
    return "ignore"


def _guess_record(export: UwaziExport, template: str) -> str:
    """A template whose entities have a relationship column filled is a case template."""
    rows = export.templates()[template]
    filled = {c for row in rows for c, v in row.cells.items() if v}
    return "case" if any(guess_target(c) == "defender" for c in filled) else "defender"


def suggest(export: UwaziExport, date_format: str = "yyyy-MM-dd") -> str:
    """A draft mapping for this export: each template with the columns its entities fill."""
    lines = [
        f"# Drafted from {export.path.name} by `hrdwatch import --from uwazi --suggest-mapping`.",
        "# Check every line: 'record' is defender, case or skip; each column maps to one field",
        "# or 'ignore'. Fields:",
        *textwrap.wrap(
            ", ".join(TARGETS) + ".", 96, initial_indent="#   ", subsequent_indent="#   "
        ),
        "# Thesaurus labels are matched to hrdwatch's vocabularies by label (English, French,",
        "# Spanish); add the others under 'values:'. Nothing unknown is created.",
        f"date_format: {date_format}",
        "templates:",
    ]
    for template, rows in export.templates().items():
        record = _guess_record(export, template)
        filled = [c for c in export.property_columns if any(row.cells.get(c) for row in rows)]
        targets = {column: guess_target(column) for column in filled}
        if record == "defender":
            targets = {c: "ignore" if t == "defender" else t for c, t in targets.items()}
        if set(targets.values()) <= {"ignore"}:
            record = "skip"  # nothing in it that hrdwatch holds
        lines += [f"  {_quote(template)}:", f"    record: {record}", "    columns:"]
        lines += [f"      {_quote(column)}: {target}" for column, target in targets.items()]
        lines.append(f"    # {len(rows)} entities")
    lines += ["values: {}", ""]
    return "\n".join(lines)


def _quote(text: str) -> str:
    return yaml.safe_dump(text, allow_unicode=True, default_style='"').strip()
