"""Facts that can be true but rarely are: reported as warnings, never refused.

A sentence dated before the arrest, a release before the arrest or a birth after the arrest is
usually a typo (a swapped day and month, a wrong year). The import says so, names the cell, and
imports the value as given: the list may be right.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from hrdwatch.core.dates import Precision


def bounds(date: dt.date | None, precision: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a partial date may mean (None when unknown)."""
    if date is None or precision == Precision.UNKNOWN:
        return None
    if precision == Precision.YEAR:
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == Precision.MONTH:
        last = calendar.monthrange(date.year, date.month)[1]
        return dt.date(date.year, date.month, 1), dt.date(date.year, date.month, last)
    return date, date


def _clearly_before(
    first: tuple[dt.date, dt.date] | None, second: tuple[dt.date, dt.date] | None
) -> bool:
    return bool(first and second and first[1] < second[0])


def implausible(defender: Any) -> list[tuple[str, str]]:
    """(column or field, message) for each implausible fact of a prepared defender and its cases."""
    found: list[tuple[str, str]] = []
    birth = bounds(defender.attrs.get("birth_date"), defender.attrs.get("birth_date_precision", ""))
    for _fk, case in defender.children:
        if case.model.__name__ != "Case":
            continue
        events = [e for _f, e in case.children if e.model.__name__ == "Event"]
        dated: dict[str, tuple[tuple[dt.date, dt.date] | None, str]] = {}
        for event in events:
            code = getattr(event.attrs.get("event_type"), "code", "")
            span = bounds(event.attrs.get("date"), event.attrs.get("date_precision", ""))
            dated.setdefault(code, (span, event.columns.get("date", "date")))
        arrest = dated.get("arrest", (None, ""))[0]
        for code, label in (("sentence", "sentence"), ("release", "release")):
            span, column = dated.get(code, (None, ""))
            if _clearly_before(span, arrest):
                found.append(
                    (
                        column,
                        f"the {label} ({span[0] if span else ''}) is dated before the arrest "
                        f"({arrest[0] if arrest else ''}); imported as given, check the date",
                    )
                )
        if _clearly_before(arrest, birth):
            found.append(
                (
                    defender.columns.get("birth_date", "birth_date"),
                    f"the birth ({birth[0] if birth else ''}) is dated after the arrest "
                    f"({arrest[0] if arrest else ''}); imported as given, check the date",
                )
            )
    return found
