"""Uwazi entities -> the interchange document that ``hrdwatch import`` loads.

Every value that cannot be placed is reported with the file's line and the column's label, the
value found and what would be accepted; nothing is guessed and no vocabulary value is created.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from hrdwatch.vocab.models import Term

from .export_file import RANGE_SEPARATOR, UwaziExport, UwaziRow, split_multi
from .mapping import TARGETS, Mapping, fold

MULTIPLE = {"other_names", "roles", "areas_of_work", "wgad_categories", "charges", "defender"}
DATES = {"birth_date", "arrest_date", "sentence_date", "release_date"}
DEFENDER_FIELDS = {
    "display_name", "name_original_script", "other_names", "gender", "birth_date", "nationality",
    "roles", "areas_of_work", "affiliations", "biography",
}  # fmt: skip
# Uwazi's date-format tokens (moment's, as the instance settings write them) -> strptime's.
_TOKENS = [("yyyy", "%Y"), ("YYYY", "%Y"), ("MM", "%m"), ("dd", "%d"), ("DD", "%d")]


@dataclass
class Conversion:
    document: dict[str, Any]
    locations: list[str]
    errors: list[str] = field(default_factory=list)
    skipped_templates: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def strptime_format(uwazi_format: str) -> str:
    """``dd/MM/yyyy`` -> ``%d/%m/%Y``; refuses a format with tokens it does not know."""
    result = uwazi_format
    for token, directive in _TOKENS:
        result = result.replace(token, directive)
    if re.search(r"[A-Za-z]", re.sub(r"%[YmdHMS]", "", result)):
        raise ValueError(
            f"date format {uwazi_format!r}: use yyyy, MM and dd with separators (e.g. dd/MM/yyyy)"
        )
    return result


class _Vocabularies:
    """Thesaurus labels -> vocabulary codes: the mapping's ``values``, then codes and labels."""

    def __init__(self, mapping: Mapping) -> None:
        self.explicit = mapping.values
        self.known: dict[str, dict[str, str]] = {}
        self.labels: dict[str, list[str]] = {}
        for term in Term.objects.all():
            table = self.known.setdefault(term.vocabulary, {})
            for text in (term.code, term.label_en, term.label_fr, term.label_es):
                if text:
                    table.setdefault(fold(text), term.code)
            self.labels.setdefault(term.vocabulary, []).append(term.label_en)

    def code(self, vocabulary: str, label: str) -> str | None:
        folded = fold(label)
        return self.explicit.get(vocabulary, {}).get(folded) or self.known.get(vocabulary, {}).get(
            folded
        )

    def accepted(self, vocabulary: str) -> str:
        return ", ".join(self.labels.get(vocabulary, []))


class Converter:
    def __init__(self, export: UwaziExport, mapping: Mapping, date_format: str) -> None:
        self.export = export
        self.mapping = mapping
        self.date_format = strptime_format(date_format)
        self.date_example = dt.date(2024, 3, 5).strftime(self.date_format)
        self.vocabularies = _Vocabularies(mapping)
        self.errors: list[str] = []

    def _error(self, row: UwaziRow, column: str, message: str) -> None:
        self.errors.append(f"{self.export.path.name} line {row.line}, column {column!r}: {message}")

    def _date(self, row: UwaziRow, column: str, value: str) -> str:
        start = value.split(RANGE_SEPARATOR)[0].strip()
        try:
            parsed = dt.datetime.strptime(start, self.date_format).replace(tzinfo=dt.UTC)
            return parsed.date().isoformat()
        except ValueError:
            self._error(
                row,
                column,
                f"{start!r} is not a date in the format {self.date_format!r} (e.g. "
                f"{self.date_example}); give the instance's format with --date-format",
            )
            return ""

    def _vocabulary(self, row: UwaziRow, column: str, target: str, labels: list[str]) -> list[str]:
        vocabulary = TARGETS[target][1]
        codes = []
        for label in labels:
            code = self.vocabularies.code(vocabulary, label)
            if code is None:
                self._error(
                    row,
                    column,
                    f"{label!r} is not a known {vocabulary.replace('_', ' ')} (accepted: "
                    f"{self.vocabularies.accepted(vocabulary)}; or map it under "
                    f"values: {vocabulary}: in the mapping file); no vocabulary value is created",
                )
            else:
                codes.append(code)
        return codes

    def values(self, row: UwaziRow, columns: dict[str, str]) -> dict[str, Any]:
        """field -> value(s) for one entity, with every bad value reported."""
        found: dict[str, Any] = {}
        for column, target in columns.items():
            raw = row.cells.get(column, "")
            if target == "ignore" or not raw:
                continue
            parts = split_multi(raw) if target in MULTIPLE or TARGETS[target][1] else [raw]
            if target == "source":
                found["source"] = self._link(row, column, raw)
                continue
            if TARGETS[target][1]:
                parts = self._vocabulary(row, column, target, parts)
            elif target in DATES:
                parts = [self._date(row, column, raw)]
            elif target == "sentence_months" and not raw.replace(".", "", 1).isdigit():
                self._error(row, column, f"{raw!r} is not a number of months")
                continue
            if target in MULTIPLE:
                found.setdefault(target, []).extend(parts)
            elif parts:
                found[target] = parts[0]
        return found

    def _link(self, row: UwaziRow, column: str, raw: str) -> dict[str, str]:
        """A link cell (``label|url``) or a plain URL."""
        parts = [part.strip() for part in raw.split("|")]
        urls = [part for part in parts if part.startswith(("http://", "https://"))]
        if not urls:
            self._error(row, column, f"{raw!r} holds no http(s) URL (a link is written label|url)")
            return {}
        title = next((part for part in parts if part and part not in urls), urls[0])
        return {"url": urls[0], "title": title}
