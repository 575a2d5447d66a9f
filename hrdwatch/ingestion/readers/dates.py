"""Find the publication date written in a snippet of a listing ("[03 March 2020]", "06 Mai 2020").

Regular expressions only *locate* date-shaped strings; dateparser decides whether each is a
real date (in any of its languages), so "Article 19" or "2,300 people" are not taken for dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

_WORD = r"[^\W\d_]{3,12}\.?"
_DATE_SHAPES = re.compile(
    "|".join(
        [
            r"\d{4}年\s?\d{1,2}月\s?\d{1,2}日",  # Chinese / Japanese
            r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2},?\s+năm\s+\d{4}",  # Vietnamese
            r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",  # 2015/10/09
            r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}",  # 09/10/2015
            rf"\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+|of\s+)?{_WORD},?\s+(?:de\s+)?\d{{4}}",  # 3 March 2020
            rf"{_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}",  # June 18, 2020
        ]
    ),
    re.IGNORECASE,
)
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}


@lru_cache(maxsize=4096)
def parse_date(text: str, order: str = "") -> dt.date | None:
    """A date written in ``text`` as a day (not a month or year alone), or None."""
    settings = dict(_SETTINGS)
    if order:
        settings["DATE_ORDER"] = order
    parsed = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    return parsed.date()


def find_date(text: str, order: str = "") -> tuple[str, dt.date] | None:
    """The first real date written in ``text``: (as written, parsed)."""
    for match in _DATE_SHAPES.finditer(text):
        found = parse_date(match.group(0), order)
        if found is not None:
            return match.group(0), found
    return None
