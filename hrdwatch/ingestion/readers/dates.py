"""Find the publication date written in a snippet of a listing ("[03 March 2020]", "06 Mai 2020").

Regular expressions only *locate* date-shaped strings; dateparser decides whether each is a
real date (in any of its languages), so "Article 19" or "2,300 people" are not taken for dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

from .chrome import CHROME_LINE

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


def stands_alone(line: str, date_text: str) -> bool:
    """A date on a line of its own ("[03 March 2020]", "posted on: 2015/10/09"): the item's
    date, unlike one inside the summary's running text ("police arrested him on 5 May")."""
    rest = line.replace(date_text, "").strip(" []()|-–—:·,")
    return not rest or bool(CHROME_LINE.match(rest)) or len(rest) < 20


def item_date(lines: list[str], order: str) -> tuple[int, tuple[str, dt.date] | None, int]:
    """How many distinct dates the lines hold, the item's date (one standing alone on its line
    if any, else the first), and how many distinct dates stand alone."""
    dates: dict[dt.date, tuple[str, dt.date]] = {}
    alone: dict[dt.date, tuple[str, dt.date]] = {}
    for line in lines:
        hit = find_date(line, order)
        if hit:
            dates.setdefault(hit[1], hit)
            if stands_alone(line, hit[0]):
                alone.setdefault(hit[1], hit)
    first = next(iter((alone or dates).values()), None)
    return len(dates), first, len(alone)
