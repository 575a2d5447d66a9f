"""JSON (full record, also an import format), CSV and XLSX (one row per case) exporters."""

from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO

from openpyxl import Workbook

from hrdwatch.core.cells import neutralise_formula
from hrdwatch.records.visibility import Viewer

from .base import Exporter, register
from .serialize import RecordSerializer
from .tabular import COLUMN_NAMES, record_to_rows


@register
class JsonExporter(Exporter):
    """The whole visible record, nested; streamed one defender at a time."""

    format = "json"
    extension = "json"
    content_type = "application/json"

    def write(self, viewer: Viewer, output: BinaryIO) -> int:
        serializer = RecordSerializer(viewer)
        header = serializer.header()
        text = json.dumps(header, ensure_ascii=False, indent=1)
        output.write(text[: text.rstrip().rfind("}")].rstrip().encode())
        output.write(b',\n "defenders": [\n')
        count = 0
        for defender in serializer.defenders():
            if count:
                output.write(b",\n")
            output.write(json.dumps(defender, ensure_ascii=False).encode())
            count += 1
        output.write(b"\n ]\n}\n")
        return count


def _table_rows(viewer: Viewer):  # type: ignore[no-untyped-def]
    serializer = RecordSerializer(viewer)
    header = serializer.header()
    sources = {s["uid"]: s for s in header["sources"]}
    places = {p["uid"]: p for p in header.get("places", [])}
    for defender in serializer.defenders():
        for row in record_to_rows(defender, sources, places):
            yield [neutralise_formula(row.get(name, "")) for name in COLUMN_NAMES]


@register
class CsvExporter(Exporter):
    """One row per case, the columns of docs/import-export.md; formulas neutralised."""

    format = "csv"
    extension = "csv"
    content_type = "text/csv"

    def write(self, viewer: Viewer, output: BinaryIO) -> int:
        text = io.TextIOWrapper(output, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text)
        writer.writerow(COLUMN_NAMES)
        count = 0
        for row in _table_rows(viewer):
            writer.writerow(row)
            count += 1
        text.detach()
        return count


@register
class XlsxExporter(Exporter):
    """The CSV layout as an Excel workbook (cells are always text or numbers, never formulas)."""

    format = "xlsx"
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def write(self, viewer: Viewer, output: BinaryIO) -> int:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("cases")
        sheet.append(COLUMN_NAMES)
        count = 0
        for row in _table_rows(viewer):
            sheet.append(row)
            count += 1
        workbook.save(output)
        return count
