"""The interchange format, declared once: which fields of which model travel, and how.

The JSON export writes these fields and the JSON import reads them back, so "export then import
into an empty database gives the same record" holds by construction. Each field says how its value
is written: plain text, a partial date (date + precision), a vocabulary code, a list of codes, a
country code, a reference to another record by ``uid``, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TEXT = "text"
    BOOL = "bool"
    INT = "int"
    DECIMAL = "decimal"
    JSON = "json"
    COUNTRY = "country"  # ISO 3166-1 alpha-2
    DATE = "date"  # full ISO date
    PARTIAL_DATE = (
        "partial_date"  # date + "<name>_precision" written as YYYY / YYYY-MM / YYYY-MM-DD
    )
    TERM = "term"  # vocabulary code
    TERMS = "terms"  # list of vocabulary codes (many-to-many)
    REF = "ref"  # uid of another record
    ORG = "org"  # organisation slug
    SCRIPT = "script"  # ISO 15924 script code (Latn, Cyrl, Arab, Hani...)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind = Kind.TEXT
    vocabulary: str = ""  # for TERM / TERMS
    target: str = ""  # for REF: model name in records
    precision_field: str = ""  # for PARTIAL_DATE; default "<name>_precision"

    @property
    def precision(self) -> str:
        return self.precision_field or f"{self.name}_precision"


T, B, N, C = Kind.TEXT, Kind.BOOL, Kind.INT, Kind.COUNTRY

ORGANISATION = [
    Field("slug"),
    Field("name"),
    Field("kind"),
    Field("country", C),
    Field("website"),
    Field("is_public", B),
]
PLACE = [
    Field("external_id"),
    Field("name"),
    Field("name_original"),
    Field("kind"),
    Field("country", C),
    Field("city"),
    Field("visibility"),
]
PERPETRATOR = [
    Field("external_id"),
    Field("name"),
    Field("name_original"),
    Field("perpetrator_type", Kind.TERM, vocabulary="perpetrator_type"),
    Field("country", C),
    Field("position"),
    Field("parent", Kind.REF, target="Perpetrator"),
    Field("identifiers", Kind.JSON),
    Field("visibility"),
]
SOURCE = [
    Field("external_id"),
    Field("url"),
    Field("title"),
    Field("publisher"),
    Field("organisation", Kind.ORG),
    Field("published", Kind.DATE),
    Field("language"),
    Field("archived_text"),
    Field("content_hash"),
    Field("visibility"),
]
DEFENDER = [
    Field("external_id"),
    Field("display_name"),
    Field("name_original_script"),
    Field("gender", Kind.TERM, vocabulary="gender"),
    Field("birth_date", Kind.PARTIAL_DATE),
    Field("nationality", C),
    Field("roles", Kind.TERMS, vocabulary="role"),
    Field("areas_of_work", Kind.TERMS, vocabulary="area_of_work"),
    Field("affiliations"),
    Field("biography"),
    Field("photo_consent", B),
    Field("translations", Kind.JSON),
    Field("owner", Kind.ORG),
    Field("is_fictional", B),
    Field("visibility"),
]
NAME = [
    Field("name"),
    Field("script", Kind.SCRIPT),
    Field("language"),
    Field("kind", Kind.TERM, vocabulary="name_kind"),
    Field("seen_in", Kind.REF, target="Source"),
    Field("visibility"),
]
SENSITIVE = [
    Field("kind", Kind.TERM, vocabulary="sensitive_kind"),
    Field("text"),
    Field("visibility"),
]
CASE = [
    Field("external_id"),
    Field("country", C),
    Field("region"),
    Field("city"),
    Field("status", Kind.TERM, vocabulary="case_status"),
    Field("authorities"),
    Field("arresting_forces"),
    Field("arrest_warrant_shown"),
    Field("reasons_given"),
    Field("legal_basis"),
    Field("detention_conditions"),
    Field("wgad_categories", Kind.TERMS, vocabulary="wgad_category"),
    Field("wgad_reasoning"),
    Field("domestic_remedies"),
    Field("summary"),
    Field("translations", Kind.JSON),
    Field("review_state"),
    Field("owner", Kind.ORG),
    Field("is_fictional", B),
    Field("visibility"),
]
EVENT = [
    Field("external_id"),
    Field("event_type", Kind.TERM, vocabulary="event_type"),
    Field("date", Kind.PARTIAL_DATE),
    Field("certainty"),
    Field("place"),
    Field("place_of_detention", Kind.REF, target="PlaceOfDetention"),
    Field("description"),
    Field("sentence_kind"),
    Field("sentence_months", N),
    Field("fine_amount", Kind.DECIMAL),
    Field("fine_currency"),
    Field("translations", Kind.JSON),
    Field("visibility"),
]
CHARGE = [
    Field("wording"),
    Field("legal_provision"),
    Field("category", Kind.TERM, vocabulary="charge_category"),
    Field("visibility"),
]
EVENT_PERPETRATOR = [
    Field("perpetrator", Kind.REF, target="Perpetrator"),
    Field("role", Kind.TERM, vocabulary="perpetrator_role"),
    Field("visibility"),
]
EVIDENCE = [
    Field("source", Kind.REF, target="Source"),
    Field("field"),
    Field("quote"),
    Field("start", N),
    Field("end", N),
    Field("visibility"),
]
INTERVENTION = [
    Field("external_id"),
    Field("intervention_type", Kind.TERM, vocabulary="intervention_type"),
    Field("date", Kind.PARTIAL_DATE),
    Field("organisation", Kind.ORG),
    Field("title"),
    Field("description"),
    Field("outcome"),
    Field("url"),
    Field("visibility"),
]

FORMAT_NAME = "hrdwatch"
FORMAT_VERSION = 1


# -- The flat table (CSV and XLSX): one row per case -------------------------------------------
# Read by the import (tabular.row_to_record), written by the export (tabular.record_to_rows) and
# documented in docs/import-export.md by scripts/import_export_doc.py (a test checks it is current).

DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD; `unknown` records the fact with its date unknown."
LIST = "|"  # several values in one cell (names, charges, sources, places)
CODES = ";"  # several vocabulary codes in one cell


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str
    example: str = ""
    required: bool = False


TABLE_COLUMNS: list[Column] = [
    Column(
        "defender_id",
        "Your stable identifier for the person; re-imports update the same defender.",
        "AZ-014",
        True,
    ),
    Column("display_name", "Name in Latin script.", "Rauf Example", True),
    Column("name_original_script", "Name in its original script.", "Рауф Пример"),
    Column(
        "other_names",
        "Other names and spellings (patronymic forms, transliterations), separated by |.",
        "Rauf Examplovich Exampleov | Рауф Примеров",
    ),
    Column(
        "other_name_kind",
        "Kind of each other name, in the same order (or one for all): alias (other spelling), "
        "birth_name, patronymic (the form with the patronymic), transliteration, "
        "original_script, pen_name.",
        "patronymic | original_script",
    ),
    Column(
        "other_name_script",
        "ISO 15924 script of each other name, in the same order (or one for all): Latn, Cyrl, "
        "Arab, Hani, Hans, Hant... Empty: read from the name's letters.",
        "Latn | Cyrl",
    ),
    Column("gender", "Gender code: female, male, non_binary, unknown.", "male"),
    Column("birth_date", "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.", "1984"),
    Column("nationality", "ISO 3166-1 country (alpha-2, alpha-3 or English name).", "AZ"),
    Column("roles", "Role codes separated by ; (lawyer;journalist).", "journalist"),
    Column("areas_of_work", "Area-of-work codes separated by ;.", ""),
    Column("affiliations", "Organisations the defender works with.", ""),
    Column("biography", "Public biography.", ""),
    Column("defender_visibility", "public, partners or restricted (default partners).", "partners"),
    Column(
        "case_id",
        "Your stable identifier for the case; empty for a defender without a case.",
        "AZ-014-1",
    ),
    Column("country", "Detaining country (ISO 3166-1). Required with case_id.", "AZ"),
    Column("region", "Region or province.", ""),
    Column("city", "City.", "Baku"),
    Column(
        "status",
        "Status code: detained_awaiting_trial, detained_convicted, disappeared, house_arrest, "
        "released, released_conditionally, died_in_custody.",
        "detained_convicted",
    ),
    Column("arrest_date", f"Date of arrest: {DATE_HELP}", "2023-11-20"),
    Column("arrest_certainty", "confirmed, alleged or disputed (default confirmed).", ""),
    Column("arrest_place", "Where the arrest happened.", "Baku"),
    Column(
        "place_of_detention",
        "Places where the person is or was held, separated by | (oldest first).",
        "Pre-trial Detention Centre No. 1 | Prison No. 12",
    ),
    Column(
        "place_of_detention_since",
        f"Since when, for each place, in the same order: {DATE_HELP}",
        "2023-11 | 2024-06-02",
    ),
    Column("charges", "Charges as worded, separated by |.", "Smuggling | Illegal entrepreneurship"),
    Column(
        "charge_category",
        "Category code of each charge, in the same order (or one for all): "
        "state_security, terrorism_extremism, false_information, public_order, fraud_economic, "
        "espionage_foreign_agent, other.",
        "fraud_economic",
    ),
    Column(
        "legal_provision",
        "Article of law of each charge, in the same order (or one for all).",
        "Art. 206.3.2 | Art. 192.3.2",
    ),
    Column(
        "charge_date",
        f"Date of each charge, in the same order (or one for all): {DATE_HELP}",
        "2023-11-21",
    ),
    Column("sentence_date", f"Date of the sentence: {DATE_HELP}", "unknown"),
    Column(
        "sentence_months",
        "Prison term in months, `life` or `indeterminate` (with sentence_kind `indeterminate`: "
        "the minimum term in months, if any).",
        "96",
    ),
    Column(
        "sentence_kind",
        "term, suspended, life, indeterminate, death or non_custodial "
        "(default: term when sentence_months is a number).",
        "term",
    ),
    Column("sentence_certainty", "confirmed, alleged or disputed (default confirmed).", ""),
    Column("release_date", f"Date of release: {DATE_HELP}", ""),
    Column("release_certainty", "confirmed, alleged or disputed (default confirmed).", ""),
    Column(
        "death_in_custody_date",
        f"Date of death in custody (never recorded as a release): {DATE_HELP}",
        "",
    ),
    Column("authorities", "Authorities responsible.", ""),
    Column("wgad_categories", "WGAD categories met, separated by ; (I;II;III).", "II;III"),
    Column("wgad_reasoning", "Why the detention is arbitrary.", ""),
    Column("summary", "Public summary of the case.", ""),
    Column("case_visibility", "public, partners or restricted (default partners).", "partners"),
    Column(
        "review_state",
        "candidate, draft, in_review, verified, published or withdrawn (default draft).",
        "",
    ),
    Column("owner", "Slug of the partner organisation that owns the record.", ""),
    Column(
        "source_url",
        "URLs of the sources that support the case, separated by |.",
        "https://example.org/list-2024 | https://example.org/news/1",
    ),
    Column(
        "source_title",
        "Title of each source, in the same order.",
        "List of political prisoners | News",
    ),
    Column("source_publisher", "Publisher of each source, in the same order.", ""),
    Column(
        "source_published",
        "Publication date (YYYY-MM-DD) of each source, in the same order.",
        "2024-05-01 | ",
    ),
]
