"""Partial dates: what a source says ("in March 2019", "in 2015") kept at the precision it supports.

A partial date is stored as the first day of its period plus a precision, so it sorts and filters
like a date but is never shown more precisely than it is known.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


PRECISION_CHOICES = [
    (Precision.DAY.value, _("day")),
    (Precision.MONTH.value, _("month")),
    (Precision.YEAR.value, _("year")),
    (Precision.UNKNOWN.value, _("unknown")),
]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class PartialDateError(ValueError):
    """A text that is not a valid YYYY, YYYY-MM or YYYY-MM-DD date."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to a day, a month or a year (or not at all)."""

    date: dt.date | None
    precision: Precision

    @classmethod
    def parse(cls, text: str | None) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; empty means unknown.

        Impossible dates such as 2021-02-30 raise PartialDateError with the reason.
        """
        text = (text or "").strip()
        if not text:
            return cls(None, Precision.UNKNOWN)
        match = _PARTIAL_DATE.match(text)
        if not match:
            raise PartialDateError(f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = match.groups()
        try:
            if day:
                return cls(dt.date(int(year), int(month), int(day)), Precision.DAY)
            if month:
                return cls(dt.date(int(year), int(month), 1), Precision.MONTH)
            return cls(dt.date(int(year), 1, 1), Precision.YEAR)
        except ValueError as exc:
            raise PartialDateError(f"{text!r} is not a real date: {exc}") from exc

    def iso(self) -> str:
        """The date written at its precision: ``2019``, ``2019-03`` or ``2019-03-14``."""
        return format_partial_iso(self.date, self.precision)


def format_partial_iso(date: dt.date | None, precision: str) -> str:
    """``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` for a stored date and precision, '' when unknown."""
    if date is None or precision == Precision.UNKNOWN:
        return ""
    if precision == Precision.YEAR:
        return f"{date.year:04d}"
    if precision == Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def format_partial_human(date: dt.date | None, precision: str) -> str:
    """A reader-facing rendering in the active language: "14 March 2019", "March 2019", "2019"."""
    from django.utils.formats import date_format

    if date is None or precision == Precision.UNKNOWN:
        return str(_("date unknown"))
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return date_format(date, "F Y")
    return date_format(date, "j F Y")
