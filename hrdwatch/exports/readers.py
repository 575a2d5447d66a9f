"""Reading import files (CSV, XLSX, JSON) into the interchange shape, with a location per row."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from django.conf import settings

from hrdwatch.core.limits import LimitExceeded, check_json_depth, check_zip

from . import sniff
from .spec import FORMAT_NAME
from .tabular import TableError, read_header, row_to_record

csv.field_size_limit(sys.maxsize)  # oversized cells are read, then refused with a clear message


# Control characters other than tab and line breaks: NUL breaks PostgreSQL text and every one of
# them is refused by the XLSX writer, so a value holding one could never be exported again.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class FileError(ValueError):
    """The file as a whole cannot be read; nothing is imported."""


def _control_error(where: str, value: str) -> FileError:
    char = CONTROL.search(value)
    code = f"U+{ord(char.group()):04X}" if char else "?"
    name = " (NUL)" if code == "U+0000" else ""
    return FileError(
        f"{where}: the value holds the control character {code}{name}, which cannot be stored "
        "or exported; remove it and import the file again"
    )


def _check_controls(value: Any, where: str) -> None:
    """Refuse control characters anywhere in a parsed JSON value (nesting is already capped)."""
    if isinstance(value, str) and CONTROL.search(value):
        raise _control_error(where, value)
    if isinstance(value, dict):
        for key, item in value.items():
            _check_controls(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_controls(item, f"{where}[{index}]")


def read_import_file(
    path: Path, mapping: dict[str, str] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """(document, location of each defender entry) for a CSV, XLSX or JSON file.

    The document's ``__warnings__`` says what was guessed or ignored (encoding, separator, columns).
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise FileError(f"{path}: no such file")
    if suffix == ".json":
        return _read_json(path)
    if suffix in {".csv", ".tsv", ".txt"}:
        warnings: list[str] = []
        return _from_table(_read_csv(path, warnings), mapping, warnings)
    if suffix in {".xlsx", ".xlsm"}:
        return _from_table(_read_xlsx(path), mapping, [])
    raise FileError(f"{path}: unsupported file type {suffix!r} (expected .csv, .xlsx or .json)")


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileError(
            f"{path.name}: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}); "
            "save the file as UTF-8 and import it again"
        ) from None


def _read_json(path: Path) -> tuple[dict[str, Any], list[str]]:
    text = _decode(path)
    try:
        check_json_depth(text)
        document = json.loads(text)
    except LimitExceeded as exc:
        raise FileError(f"{path.name}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise FileError(f"{path.name}: invalid JSON on line {exc.lineno}: {exc.msg}") from None
    _check_controls(document, path.name)
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise FileError(
            f'{path.name}: not an hrdwatch JSON export (missing "format": "{FORMAT_NAME}")'
        )
    defenders = document.get("defenders") or []
    if not isinstance(defenders, list):
        raise FileError(f'{path.name}: "defenders" must be a list')
    locations = [
        f"defenders[{i}]" + (f" ({d.get('uid')})" if isinstance(d, dict) and d.get("uid") else "")
        for i, d in enumerate(defenders)
    ]
    return document, locations


def _read_csv(path: Path, warnings: list[str]) -> list[tuple[str, list[Any]]]:
    text, encoding = sniff.decode(path.read_bytes())
    if encoding != "utf-8-sig":
        warnings.append(
            f"the file is not UTF-8: read as {encoding} (save it as UTF-8 if letters look wrong)"
        )
    delimiter = sniff.separator(text)
    if delimiter != ",":
        warnings.append(f"columns separated by {sniff.SEPARATOR_NAMES[delimiter]}s")
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    rows: list[tuple[str, list[Any]]] = []
    header: list[str] = []
    suspect = CONTROL.search(text) is not None  # one scan of the text; cells only if needed
    try:
        for cells in reader:
            header = header or cells
            if suspect:
                _check_cells(cells, header, f"{path.name}: line {reader.line_num}")
            rows.append((f"line {reader.line_num}", cells))
    except csv.Error as exc:
        raise FileError(f"{path.name}: line {reader.line_num + 1}: {exc}") from None
    return rows


def _check_cells(cells: list[str], header: list[str], where: str) -> None:
    for number, cell in enumerate(cells, 1):
        if CONTROL.search(cell):
            name = (
                f" ({header[number - 1]})" if number <= len(header) and header is not cells else ""
            )
            raise _control_error(f"{where}, column {number}{name}", cell)


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _read_xlsx(path: Path) -> list[tuple[str, list[Any]]]:
    from openpyxl import load_workbook

    limit = int(getattr(settings, "HRDWATCH_IMPORT_MAX_EXPANDED_BYTES", 100_000_000))
    try:
        check_zip(path, limit, path.name)
    except LimitExceeded as exc:
        raise FileError(str(exc)) from None
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileError(f"{path.name}: not a readable XLSX workbook ({exc})") from None
    sheet = workbook.worksheets[0]
    rows = [
        (f"row {i}", [_cell(v) for v in values])
        for i, values in enumerate(sheet.iter_rows(values_only=True), 1)
    ]
    workbook.close()
    for location, cells in rows:
        _check_cells(cells, rows[0][1], f"{path.name}: {location}")
    return rows


def _from_table(
    rows: list[tuple[str, list[Any]]], mapping: dict[str, str] | None, warnings: list[str]
) -> tuple[dict[str, Any], list[str]]:
    if not rows:
        raise FileError("the file is empty")
    try:
        fields, labels, column_warnings = read_header(rows[0][1], mapping)
    except TableError as exc:
        raise FileError(str(exc)) from None
    defenders, locations = [], []
    for location, cells in rows[1:]:
        if not any(str(c).strip() for c in cells):
            continue
        row = {name: cell for name, cell in zip(fields, cells, strict=False) if name}
        defender = row_to_record(row, labels)
        extra = [c for c in cells[len(fields) :] if str(c).strip()]
        if extra:
            defender["__errors__"].append(
                (
                    "",
                    f"{len(cells)} cells but only {len(fields)} columns in the header "
                    "(a separator inside a value needs quotes)",
                )
            )
        defenders.append(defender)
        locations.append(location)
    document = {
        "format": FORMAT_NAME,
        "defenders": defenders,
        "__warnings__": [*warnings, *column_warnings],
    }
    return document, locations
