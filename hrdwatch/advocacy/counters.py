"""Counting days in detention the same way on campaign pages, cards, briefs and the API."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from hrdwatch.core.dates import Precision
from hrdwatch.records.status import (  # one definition: records decides
    DETAINED_STATUSES,
    is_detained,
)

__all__ = ["DETAINED_STATUSES", "days_in_detention", "is_detained", "today"]


def today() -> dt.date:
    return timezone.localdate()


def days_in_detention(
    arrest_date: dt.date | None,
    precision: str,
    release_date: dt.date | None,
    status_code: str,
    on: dt.date | None = None,
) -> int | None:
    """Days from the arrest to release (or to ``on``, today by default, while still held).

    None when the arrest date is unknown: a count from a guessed day would mislead. A date known
    only to the month or year counts from the first day of that period, as stored.
    """
    if arrest_date is None or precision == Precision.UNKNOWN:
        return None
    end = release_date if release_date is not None else (on or today())
    if release_date is None and not is_detained(status_code):
        return None
    return max((end - arrest_date).days, 0)
