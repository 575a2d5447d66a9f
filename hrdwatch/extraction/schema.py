"""The one shape every extractor returns, so the CLI, the review queue and the ``llm`` answer
validation all agree on what a candidate is.

The JSON form (``model_dump``) is the ``hrdwatch extract`` output format documented in
``docs/extraction.md``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EventType = Literal[
    "arrest",
    "detention",
    "charge",
    "trial",
    "conviction",
    "sentence",
    "release",
    "enforced_disappearance",
    "torture",
    "forced_confession",
    "death_in_custody",
    "travel_ban",
    "harassment",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SourceDocument(BaseModel):
    """One input line of ``hrdwatch extract``: a document's text and what is known about it."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(description="Caller's identifier, echoed in the output line.")
    text: str = Field(description="Plain text; evidence offsets index into it.")
    published: str | None = Field(default=None, description="Publication date, YYYY[-MM[-DD]].")
    language: str | None = Field(default=None, description="ISO 639-1 code if known.")
    url: str | None = None
    source: str | None = None
    title: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class ExtractedEvent(BaseModel):
    """Something that happened to a victim, with the text spans that support it."""

    model_config = ConfigDict(extra="forbid")

    type: EventType
    date: str | None = Field(
        default=None, description="YYYY-MM-DD, YYYY-MM or YYYY, at the text's precision."
    )
    charges: list[str] = Field(default_factory=list, description="Charges as worded in the text.")
    sentence_months: int | None = Field(default=None, ge=0, description="Prison term in months.")
    place: str | None = Field(default=None, description="Place as written (prison, city, court).")
    evidence: list[tuple[int, int]] = Field(
        default_factory=list, description="[start, end) character offsets into the input text."
    )

    @field_validator("date")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        if value is not None and not _PARTIAL_DATE.match(value):
            raise ValueError("date must be YYYY, YYYY-MM or YYYY-MM-DD")
        return value


class ExtractedVictim(BaseModel):
    """A person the text says was deprived of liberty or persecuted."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, description="The fullest name as written in the text.")
    aliases: list[str] = Field(default_factory=list, description="Other names for the same person.")
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 of the detaining state."
    )
    roles: list[str] = Field(default_factory=list, description="lawyer, journalist, activist, ...")
    events: list[ExtractedEvent] = Field(default_factory=list)
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="How sure the extractor is that this is a victim (0-1).",
    )

    @field_validator("country")
    @classmethod
    def _alpha2(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code")
        return value.upper()


class ExtractionResult(BaseModel):
    """One output line: the victims found in one document (or why none could be)."""

    id: str
    victims: list[ExtractedVictim] = Field(default_factory=list)
    language: str | None = Field(default=None, description="Language the document was read as.")
    warnings: list[str] = Field(
        default_factory=list,
        description="How far the document could be read: unsupported_language:CODE, unknown_language, "
        "unreadable_text, no_publication_date.",
    )
    error: str | None = None


class Extraction(BaseModel):
    """What an extractor returns for one document: victims, and what limited its reading."""

    victims: list[ExtractedVictim] = Field(default_factory=list)
    language: str | None = None
    warnings: list[str] = Field(default_factory=list)
