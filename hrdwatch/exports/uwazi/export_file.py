"""An Uwazi CSV export as Uwazi's exporter writes it.

Uwazi writes, in this order: Title, Date added, Template (translated into the export's language),
one column per template property (its label, as the administrator wrote it), then Geolocation,
Documents, Attachments and Published. The common columns are found by position, so an export in
any interface language reads the same way. Multiple values are joined by ``|``, a thesaurus value
with a parent is ``parent::child``, a date range is ``from~to``, a geolocation ``lat|lon`` and a
link ``label|url``; dates follow the instance's date format (a setting of the Uwazi instance).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

MULTI_SEPARATOR = "|"
PARENT_SEPARATOR = "::"
RANGE_SEPARATOR = "~"
LEADING = 3  # Title, Date added, Template
TRAILING = 4  # Geolocation, Documents, Attachments, Published
MAX_BYTES = 200 * 1024 * 1024


class UwaziFileError(ValueError):
    """The file is not an Uwazi CSV export; the message says what was expected."""


@dataclass(frozen=True)
class UwaziRow:
    """One entity: its line in the file and its cells by column label."""

    line: int
    title: str
    template: str
    cells: dict[str, str]
    geolocation: str = ""
    documents: list[str] = field(default_factory=list)


@dataclass
class UwaziExport:
    path: Path
    headers: list[str]
    rows: list[UwaziRow]

    @property
    def property_columns(self) -> list[str]:
        return self.headers[LEADING : len(self.headers) - TRAILING]

    def templates(self) -> dict[str, list[UwaziRow]]:
        grouped: dict[str, list[UwaziRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.template, []).append(row)
        return grouped


def split_multi(value: str) -> list[str]:
    """The values of a multi-select, relationship or multi-date cell; a child thesaurus value
    (``parent::child``) is the child."""
    parts = [part.strip() for part in (value or "").split(MULTI_SEPARATOR)]
    return [part.split(PARENT_SEPARATOR)[-1].strip() for part in parts if part]


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "utf-8"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UwaziFileError(f"{path.name}: not UTF-8 text (Uwazi writes its exports in UTF-8)")


def _unique(headers: list[str]) -> list[str]:
    """Two templates may give two properties one label: the second is "Label (2)"."""
    seen: dict[str, int] = {}
    unique = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        unique.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return unique


def read_export(path: Path) -> UwaziExport:
    """Read an export; raise ``UwaziFileError`` when the file cannot be one."""
    if not path.is_file():
        raise UwaziFileError(f"{path}: no such file")
    if path.stat().st_size > MAX_BYTES:
        raise UwaziFileError(f"{path.name}: larger than {MAX_BYTES // 1024 // 1024} MB")
    text = _decode(path.read_bytes(), path)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise UwaziFileError(
            f"{path.name} line {line}: a NUL byte (binary data is not a CSV export)"
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = _unique([h.strip() for h in next(reader)])
    except StopIteration:
        raise UwaziFileError(f"{path.name}: the file is empty") from None
    if len(headers) < LEADING + TRAILING:
        raise UwaziFileError(
            f"{path.name} line 1: {len(headers)} columns; an Uwazi export has at least "
            f"{LEADING + TRAILING} (Title, Date added, Template, the properties, Geolocation, "
            "Documents, Attachments, Published)"
        )
    rows = []
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(headers):
            raise UwaziFileError(
                f"{path.name} line {line}: {len(cells)} cells for {len(headers)} columns"
            )
        values = dict(zip(headers, (cell.strip() for cell in cells), strict=True))
        rows.append(
            UwaziRow(
                line=line,
                title=cells[0].strip(),
                template=cells[2].strip(),
                cells={h: values[h] for h in headers[LEADING : len(headers) - TRAILING]},
                geolocation=cells[-4].strip(),
                documents=split_multi(cells[-3]),
            )
        )
    return UwaziExport(path=path, headers=headers, rows=rows)
