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
    PARTIAL_DATE = "partial_date"  # date + "<name>_precision" written as YYYY / YYYY-MM / YYYY-MM-DD
    TERM = "term"  # vocabulary code
    TERMS = "terms"  # list of vocabulary codes (many-to-many)
    REF = "ref"  # uid of another record
    ORG = "org"  # organisation slug


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

ORGANISATION = [Field("slug"), Field("name"), Field("kind"), Field("country", C), Field("website"), Field("is_public", B)]
PLACE = [Field("external_id"), Field("name"), Field("name_original"), Field("kind"), Field("country", C), Field("city"), Field("visibility")]
PERPETRATOR = [
    Field("external_id"), Field("name"), Field("name_original"),
    Field("perpetrator_type", Kind.TERM, vocabulary="perpetrator_type"), Field("country", C),
    Field("position"), Field("parent", Kind.REF, target="Perpetrator"), Field("identifiers", Kind.JSON),
    Field("visibility"),
]
SOURCE = [
    Field("external_id"), Field("url"), Field("title"), Field("publisher"), Field("organisation", Kind.ORG),
    Field("published", Kind.DATE), Field("language"), Field("archived_text"), Field("content_hash"),
    Field("visibility"),
]
DEFENDER = [
    Field("external_id"), Field("display_name"), Field("name_original_script"),
    Field("gender", Kind.TERM, vocabulary="gender"), Field("birth_date", Kind.PARTIAL_DATE),
    Field("nationality", C), Field("roles", Kind.TERMS, vocabulary="role"),
    Field("areas_of_work", Kind.TERMS, vocabulary="area_of_work"), Field("affiliations"),
    Field("biography"), Field("photo_consent", B), Field("translations", Kind.JSON),
    Field("owner", Kind.ORG), Field("is_fictional", B), Field("visibility"),
]
NAME = [
    Field("name"), Field("script"), Field("language"), Field("kind", Kind.TERM, vocabulary="name_kind"),
    Field("seen_in", Kind.REF, target="Source"), Field("visibility"),
]
SENSITIVE = [Field("kind", Kind.TERM, vocabulary="sensitive_kind"), Field("text"), Field("visibility")]
CASE = [
    Field("external_id"), Field("country", C), Field("region"), Field("city"),
    Field("status", Kind.TERM, vocabulary="case_status"), Field("authorities"), Field("arresting_forces"),
    Field("arrest_warrant_shown"), Field("reasons_given"), Field("legal_basis"), Field("detention_conditions"),
    Field("wgad_categories", Kind.TERMS, vocabulary="wgad_category"), Field("wgad_reasoning"),
    Field("domestic_remedies"), Field("summary"), Field("translations", Kind.JSON),
    Field("review_state"), Field("owner", Kind.ORG), Field("is_fictional", B), Field("visibility"),
]
EVENT = [
    Field("external_id"), Field("event_type", Kind.TERM, vocabulary="event_type"),
    Field("date", Kind.PARTIAL_DATE), Field("certainty"), Field("place"),
    Field("place_of_detention", Kind.REF, target="PlaceOfDetention"), Field("description"),
    Field("sentence_kind"), Field("sentence_months", N), Field("fine_amount", Kind.DECIMAL),
    Field("fine_currency"), Field("translations", Kind.JSON), Field("visibility"),
]
CHARGE = [
    Field("wording"), Field("legal_provision"),
    Field("category", Kind.TERM, vocabulary="charge_category"), Field("visibility"),
]
EVENT_PERPETRATOR = [
    Field("perpetrator", Kind.REF, target="Perpetrator"),
    Field("role", Kind.TERM, vocabulary="perpetrator_role"), Field("visibility"),
]
EVIDENCE = [
    Field("source", Kind.REF, target="Source"), Field("field"), Field("quote"), Field("start", N),
    Field("end", N), Field("visibility"),
]
INTERVENTION = [
    Field("external_id"), Field("intervention_type", Kind.TERM, vocabulary="intervention_type"),
    Field("date", Kind.PARTIAL_DATE), Field("organisation", Kind.ORG), Field("title"),
    Field("description"), Field("outcome"), Field("url"), Field("visibility"),
]

FORMAT_NAME = "hrdwatch"
FORMAT_VERSION = 1
