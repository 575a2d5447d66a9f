"""CSV that spreadsheets open safely: cells that would start a formula are neutralised."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (lists are joined with "; ")."""
    if value is None:
        text = ""
    elif isinstance(value, list | tuple):
        text = "; ".join(str(v) for v in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """CSV text line by line, for streaming responses."""
    writer = csv.writer(_Echo())
    yield writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        yield writer.writerow([safe_cell(v) for v in row])
