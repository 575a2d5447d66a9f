"""Checking and converting one incoming value per interchange field, with readable errors.

Shared by the JSON and the tabular (CSV/XLSX) import, so every format rejects the same bad values
the same way: impossible dates, unknown vocabulary codes, non-ISO countries, spreadsheet formulas,
oversized cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from hrdwatch.core.countries import UnknownCountryError, normalise_country
from hrdwatch.core.dates import PartialDate, PartialDateError
from hrdwatch.vocab.lookup import TermCache

from .spec import Field, Kind

MAX_CELL_CHARACTERS = 100_000
SENTENCE_WORDS = ("life", "indeterminate")  # sentence_months cells that name an open-ended term


class RowError(ValueError):
    """A value that cannot be imported; the message names the field and why."""


def looks_like_formula(text: str) -> bool:
    """Spreadsheet formula injection: "=..." or a sign followed by a function or reference.

    "+84 000 111" (a phone number) or "-5" are not formulas; "+SUM(A1)" and "@cmd" are.
    """
    text = text.lstrip(" \t\r")
    if text.startswith("="):
        return True
    return len(text) > 1 and text[0] in "+-@" and (text[1].isalpha() or text[1] == "(")


def check_text(name: str, value: Any, refuse_formulas: bool = True) -> str:
    """A text cell: not too large and, from spreadsheets, not a formula."""
    text = "" if value is None else str(value)
    if len(text) > MAX_CELL_CHARACTERS:
        raise RowError(
            f"{name}: cell too large ({len(text):,} characters; the limit is {MAX_CELL_CHARACTERS:,})"
        )
    if refuse_formulas and looks_like_formula(text):
        raise RowError(
            f"{name}: value {text[:40]!r} looks like a spreadsheet formula and is refused"
        )
    return text


def script_code(name: str, text: str) -> str:
    """An ISO 15924 script code as the standard writes it (``cyrl`` -> ``Cyrl``)."""
    if len(text) != 4 or not text.isascii() or not text.isalpha():
        raise RowError(
            f"{name}: {text!r} is not an ISO 15924 script code (four letters: Latn, Cyrl, Arab, "
            "Hani, Hans, Hant...)"
        )
    return text.title()


def sentence_cells(months: str, kind: str) -> tuple[str, str]:
    """(sentence_kind, sentence_months) from a row's two sentence cells.

    ``sentence_months`` may say ``life`` or ``indeterminate`` instead of a number; a number without
    a kind is a prison term. The kind's code and the number are checked when the event is read.
    """
    months, kind = months.strip(), kind.strip().lower()
    word = months.lower()
    if word in SENTENCE_WORDS:
        if kind and kind != word:
            raise RowError(
                f"sentence_months: {months!r} contradicts sentence_kind {kind!r}; give the kind "
                "in one of the two cells, or the same in both"
            )
        return word, ""
    return (kind or ("term" if months else "")), months


class Converter:
    """Converts interchange values into model values; one per import run (caches vocabularies)."""

    def __init__(self, refuse_formulas: bool = True) -> None:
        self.terms = TermCache()
        self.refuse_formulas = refuse_formulas

    def convert(self, field: Field, value: Any, choices: set[str] | None = None) -> dict[str, Any]:
        """Model attributes for one field (a partial date gives two attributes)."""
        name, kind = field.name, field.kind
        if kind is Kind.JSON:
            return {name: _json(name, value)}
        if kind is Kind.TERMS:
            codes = (
                value if isinstance(value, list) else str(value or "").replace(",", ";").split(";")
            )
            return {name: [self._term(field, str(c).strip()) for c in codes if str(c).strip()]}
        if kind is Kind.BOOL:
            return {name: _bool(name, value)}
        text = check_text(name, value, self.refuse_formulas).strip()
        if kind is Kind.TEXT:
            return {name: _choice(name, text, choices)}
        if kind is Kind.PARTIAL_DATE:
            try:
                partial = PartialDate.parse(text)
            except PartialDateError as exc:
                raise RowError(f"{name}: {exc}") from None
            return {name: partial.date, field.precision: partial.precision.value}
        if not text:
            return {name: "" if kind in (Kind.COUNTRY, Kind.SCRIPT) else None}
        if kind is Kind.TERM:
            return {name: self._term(field, text)}
        parse = _TEXT_PARSERS.get(kind)
        # REF and ORG are resolved by the importer, which knows the file's own records.
        return {name: parse(name, text) if parse else text}

    def _term(self, field: Field, code: str) -> Any:
        try:
            return self.terms.get(field.vocabulary, code)
        except ValidationError as exc:
            raise RowError(f"{field.name}: {exc.messages[0]}") from None


def _json(name: str, value: Any) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise RowError(f"{name}: expected an object")
    return value


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if text in {"", "0", "false", "no", "n"}:
        return False
    if text in {"1", "true", "yes", "y"}:
        return True
    raise RowError(f"{name}: {value!r} is not yes/no")


def _choice(name: str, text: str, choices: set[str] | None) -> str:
    if choices is not None and text and text not in choices:
        raise RowError(
            f"{name}: unknown value {text!r} (expected one of: {', '.join(sorted(choices))})"
        )
    return text


def _country(name: str, text: str) -> str:
    try:
        return normalise_country(text)
    except UnknownCountryError as exc:
        raise RowError(f"{name}: {exc}") from None


def _date(name: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise RowError(f"{name}: {text!r} is not a date (YYYY-MM-DD)") from None


def _whole_number(name: str, text: str) -> int:
    try:
        number = int(float(text)) if text.replace(".", "", 1).isdigit() else int(text)
    except ValueError:
        raise RowError(f"{name}: {text!r} is not a whole number") from None
    if number < 0:
        raise RowError(f"{name}: {number} is negative")
    return number


def _decimal(name: str, text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RowError(f"{name}: {text!r} is not a number") from None


# Cell text -> model value, per kind (``name`` names the column in errors).
_TEXT_PARSERS: dict[Kind, Callable[[str, str], Any]] = {
    Kind.COUNTRY: _country,
    Kind.DATE: _date,
    Kind.INT: _whole_number,
    Kind.DECIMAL: _decimal,
    Kind.SCRIPT: script_code,
}
