"""Spreadsheet cells: text a spreadsheet would run as a formula is written as plain text.

Shared by the exports and the audit log's CSV (both open in spreadsheets)."""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix text a spreadsheet would evaluate (=, +, -, @) with an apostrophe."""
    if isinstance(value, str) and value.startswith((*FORMULA_PREFIXES, "-")):
        return "'" + value
    return value
