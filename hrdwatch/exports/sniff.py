"""How a spreadsheet-made text file was written: its encoding and its separator.

Lists arrive from Excel in Western Europe as semicolon-separated cp1252, from LibreOffice as UTF-8
with commas, from other tools as tab-separated text. Guessing both (and saying what was guessed)
spares the person a round trip through a text editor.
"""

from __future__ import annotations

import csv

# Tried in this order: UTF-8 (with or without BOM) is strict, cp1252 refuses a few bytes, latin-1
# accepts everything and is the last resort.
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
SEPARATORS = ",;\t"
SEPARATOR_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
SAMPLE_CHARACTERS = 64 * 1024


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding used) for the bytes of a text file."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def separator(text: str) -> str:
    """The field separator of a CSV text: comma, semicolon or tab (comma when unsure)."""
    sample = text[:SAMPLE_CHARACTERS]
    lines = sample.splitlines()
    if not lines:
        return ","
    header = lines[0]
    try:
        found = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=SEPARATORS).delimiter
    except csv.Error:
        found = ""
    if found and found in header:
        return found
    # The header row names the columns and holds no quoted separators: count there.
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","
