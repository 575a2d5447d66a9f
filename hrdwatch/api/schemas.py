"""The API's response shapes: stable ``uid`` ids, vocabulary codes with translated labels.

Schemas only describe; what goes into them is decided by ``build.py``, which reads through the gate.
"""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import Field, StringConstraints

# Query text: bounded, and no NUL (PostgreSQL refuses it in a literal).
QueryText = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]
Code = Annotated[str, StringConstraints(max_length=64, pattern=r"^[A-Za-z0-9_-]*$")]


class TermOut(Schema):
    code: str = Field(description="Stable vocabulary code.")
    label: str = Field(description="Label in the requested language.")


class NameOut(Schema):
    name: str
    script: str = Field(description="ISO 15924 script code.")
    language: str = Field(description="BCP 47 language code.")


class SourceOut(Schema):
    uid: str
    title: str
    url: str
    publisher: str
    published: str | None = Field(None, description="Publication date, ISO 8601.")


class ChargeOut(Schema):
    wording: str
    legal_provision: str
    category: TermOut


class PerpetratorLinkOut(Schema):
    uid: str = Field(description="Perpetrator uid.")
    name: str
    type: TermOut
    role: TermOut


class PlaceOut(Schema):
    uid: str
    name: str
    kind: str
    country: str
    city: str


class EventOut(Schema):
    uid: str
    case: str = Field(description="uid of the case this event belongs to.")
    event_type: TermOut
    date: str | None = Field(
        None, description="YYYY, YYYY-MM or YYYY-MM-DD: the date at its precision."
    )
    date_precision: str
    certainty: str
    place: str
    place_of_detention: PlaceOut | None = None
    description: str
    sentence_kind: str
    sentence_months: int | None = None
    charges: list[ChargeOut]
    perpetrators: list[PerpetratorLinkOut]
    sources: list[SourceOut]


class InterventionOut(Schema):
    uid: str
    intervention_type: TermOut
    date: str | None = None
    title: str
    description: str
    outcome: str
    url: str


class DefenderRef(Schema):
    uid: str
    display_name: str


class CaseSummary(Schema):
    uid: str
    defender: DefenderRef
    country: str
    country_name: str
    status: TermOut
    arrest_date: str | None = Field(None, description="Date of arrest at its precision.")
    release_date: str | None = None
    days_in_detention: int | None = Field(
        None, description="Days held so far, for ongoing detentions."
    )
    is_fictional: bool


class CaseOut(CaseSummary):
    region: str
    city: str
    derived_status: TermOut | None = None
    authorities: str
    arresting_forces: str
    arrest_warrant_shown: str
    reasons_given: str
    legal_basis: str
    detention_conditions: str
    wgad_categories: list[TermOut]
    wgad_reasoning: str
    domestic_remedies: str
    summary: str
    events: list[EventOut]
    interventions: list[InterventionOut]


class DefenderSummary(Schema):
    uid: str
    display_name: str
    name_original_script: str
    gender: TermOut | None = None
    nationality: str
    roles: list[TermOut]
    is_fictional: bool


class DefenderOut(DefenderSummary):
    names: list[NameOut]
    birth_date: str | None = Field(None, description="Date of birth at its precision.")
    areas_of_work: list[TermOut]
    affiliations: str
    biography: str
    photo_url: str | None = Field(None, description="Only when the photo may be shown.")
    cases: list[CaseSummary]


class CountOut(Schema):
    key: str
    label: str
    count: int


class CountryOut(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2.")
    name: str
    cases: int
    defenders: int
    detained: int


class CountryDetailOut(CountryOut):
    by_status: list[CountOut]
    arrests_by_year: list[CountOut]
    charge_categories: list[CountOut]


class StatisticsOut(Schema):
    defenders: int
    cases: int
    countries: int
    detained: int = Field(
        description="Defenders with at least one case in detention now: status undisputed by the "
        "public timeline and verified within the configured time."
    )
    days_in_detention: int = Field(
        description="Days spent in detention over all cases (until release or today)."
    )
    by_status: list[CountOut]
    by_country: list[CountOut]
    arrests_by_year: list[CountOut]
    by_gender: list[CountOut]
    by_role: list[CountOut]
    charge_categories: list[CountOut]


class ErrorOut(Schema):
    detail: str
