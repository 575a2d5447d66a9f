"""Reading the records to link: the CSV interface of ``hrdwatch link``, checked row by row.

A row that cannot be trusted (no record_id, a record_id seen before, a date that is not YYYY,
YYYY-MM or YYYY-MM-DD) is reported with its line number; the caller decides whether to stop.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hrdwatch.core.countries import UnknownCountryError, normalise_country
from hrdwatch.core.dates import PartialDate, PartialDateError, Precision

INPUT_COLUMNS = (
    "record_id",
    "source_org",
    "name",
    "name_original_script",
    "country",
    "birth_year",
    "gender",
    "role",
    "arrest_date",
    "detention_place",
)
REQUIRED_COLUMNS = ("record_id", "name")
_GENDERS = {"m": "m", "male": "m", "man": "m", "f": "f", "female": "f", "woman": "f"}


@dataclass(frozen=True)
class LinkRecord:
    """One report of a person, as the linkage needs it."""

    record_id: str
    name: str
    name_original_script: str = ""
    source_org: str = ""
    country: str = ""
    birth_year: int | None = None
    gender: str = ""
    role: str = ""
    arrest_date: PartialDate = PartialDate(None, Precision.UNKNOWN)
    detention_place: str = ""


@dataclass(frozen=True)
class RowProblem:
    """A row that was not read, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class InputError(ValueError):
    """The file itself cannot be read (no header, missing required columns)."""


_APPROXIMATE_YEAR = re.compile(r"(?:c\.?|ca\.?|circa|~)?\s*(\d{4})(?:\.0+)?\s*\??", re.IGNORECASE)


def _birth_year(text: str) -> int | None:
    """A year, also as a spreadsheet writes it (1976.0) or approximately (c. 1976, 1976?)."""
    text = text.strip()
    if not text:
        return None
    match = _APPROXIMATE_YEAR.fullmatch(text)
    if not match or not 1850 <= int(match.group(1)) <= 2030:
        raise ValueError(f"birth_year {text!r} is not a year")
    return int(match.group(1))


@lru_cache(maxsize=4096)
def country_code(text: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country given by code or name (CN, CHN, China, Viet Nam),
    so that two sources writing it differently agree; text no list knows is kept, upper-cased."""
    if not text:
        return ""
    try:
        return normalise_country(text)
    except UnknownCountryError:
        return text.upper()


def record_from_row(row: dict[str, str]) -> LinkRecord:
    """One checked record from a CSV row (a dict of column -> text); raises ValueError."""

    def get(column: str) -> str:
        return (row.get(column) or "").strip()

    if not get("record_id"):
        raise ValueError("record_id is missing")
    if not get("name") and not get("name_original_script"):
        raise ValueError("name is missing")
    try:
        arrest = PartialDate.parse(get("arrest_date"))
    except PartialDateError as exc:
        raise ValueError(f"arrest_date: {exc}") from exc
    return LinkRecord(
        record_id=get("record_id"),
        name=get("name"),
        name_original_script=get("name_original_script"),
        source_org=get("source_org"),
        country=country_code(get("country")),
        birth_year=_birth_year(get("birth_year")),
        gender=_GENDERS.get(get("gender").lower(), get("gender").lower()),
        role=get("role").lower(),
        arrest_date=arrest,
        detention_place=get("detention_place"),
    )


def read_records(path: Path) -> Iterator[LinkRecord | RowProblem]:
    """Each data row of the CSV as a record or as the problem that stopped it."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
        seen: set[str] = set()
        line = reader.line_num
        for row in reader:
            line, end = line + 1, reader.line_num
            try:
                record = record_from_row(row)
            except ValueError as exc:
                yield RowProblem(line, str(exc))
            else:
                if record.record_id in seen:
                    yield RowProblem(line, f"duplicate record_id {record.record_id!r}")
                else:
                    seen.add(record.record_id)
                    yield record
            line = end
