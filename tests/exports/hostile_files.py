"""Hostile import files, shared by the import tests and ``bench/ingest.py --hostile``."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook


def xlsx_bomb(path: Path, rows: list[list[str]], padding: int) -> None:
    """A valid workbook of ``rows`` whose sheet expands by ``padding`` bytes of white space."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data += b" " * padding
            target.writestr(member.filename, data)


def deep_json(depth: int) -> str:
    """An hrdwatch-looking JSON document whose defenders list nests ``depth`` levels deep."""
    return '{"format": "hrdwatch", "defenders": ' + "[" * depth + "]" * depth + "}"
